package io.kafkanative.jmeter.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kafkanative.jmeter.connection.ConnectionRegistry;

/**
 * The Kafka Summary's model: successive readings of every open connection's native figures,
 * turned into rows over the time between two readings, and a short history of the total
 * rate and the worst p99 for the chart. It never looks at SampleResults: the figures are the
 * native ones, per message.
 */
public final class LiveSummary {
  /** Points kept for the chart: five minutes at one reading per second. */
  static final int HISTORY = 300;

  private Map<String, SamplerFigures> previous = new HashMap<String, SamplerFigures>();
  private long previousNanos;
  private List<SummaryRow> rows = new ArrayList<SummaryRow>();
  /** {msgs/s of every sampler, worst p99 in ms}, oldest first. */
  private final Deque<double[]> history = new ArrayDeque<double[]>();

  /** Every connection's samplers' figures, now (a closed connection's: its last). */
  public static List<SamplerFigures> collect() {
    Map<String, String> byConnection = ConnectionRegistry.figures();
    List<SamplerFigures> figures = new ArrayList<SamplerFigures>();
    for (Map.Entry<String, String> connection : byConnection.entrySet()) {
      String prefix = byConnection.size() > 1 ? connection.getKey() + "/" : "";
      for (SamplerFigures sampler : SamplerFigures.parse(connection.getValue(), prefix)) {
        if (!sampler.isConnection()) {
          figures.add(sampler);
        }
      }
    }
    return figures;
  }

  /**
   * Takes a reading made at {@code nanos} (System.nanoTime): rows over the time since the
   * previous reading (the first: since the figures began). Returns the rows.
   */
  public synchronized List<SummaryRow> update(List<SamplerFigures> now, long nanos) {
    double seconds = previous.isEmpty() ? 0 : (nanos - previousNanos) / 1e9;
    List<SummaryRow> next = rows(previous, now, seconds);
    if (!previous.isEmpty()) {
      remember(next);
    }
    previous = byName(now);
    previousNanos = nanos;
    rows = next;
    return next;
  }

  /** Whether {@code now} shows no progress over the previous reading (or no sampler at all). */
  public synchronized boolean unchanged(List<SamplerFigures> now) {
    for (SamplerFigures figures : now) {
      SamplerFigures before = previous.get(figures.name);
      if (before == null || before.progress() != figures.progress()) {
        return false;
      }
    }
    return true;
  }

  /** Rows for {@code now} over {@code seconds} since {@code before}'s readings (by name). */
  public static List<SummaryRow> rows(
      Map<String, SamplerFigures> before, List<SamplerFigures> now, double seconds) {
    List<SummaryRow> rows = new ArrayList<SummaryRow>();
    for (SamplerFigures figures : now) {
      rows.add(SummaryRow.of(before.get(figures.name), figures, seconds));
    }
    return rows;
  }

  public static Map<String, SamplerFigures> byName(List<SamplerFigures> figures) {
    Map<String, SamplerFigures> byName = new HashMap<String, SamplerFigures>();
    for (SamplerFigures sampler : figures) {
      byName.put(sampler.name, sampler);
    }
    return byName;
  }

  private void remember(List<SummaryRow> next) {
    double rate = 0;
    long worstP99 = -1;
    for (SummaryRow row : next) {
      rate += row.messagesPerSecond;
      worstP99 = Math.max(worstP99, row.p99);
    }
    history.addLast(new double[] {rate, worstP99 < 0 ? 0 : worstP99 / 1000.0});
    while (history.size() > HISTORY) {
      history.removeFirst();
    }
  }

  public synchronized List<SummaryRow> rows() {
    return new ArrayList<SummaryRow>(rows);
  }

  public synchronized List<double[]> history() {
    return new ArrayList<double[]>(history);
  }

  public synchronized void clear() {
    previous = new HashMap<String, SamplerFigures>();
    rows = new ArrayList<SummaryRow>();
    history.clear();
  }
}
