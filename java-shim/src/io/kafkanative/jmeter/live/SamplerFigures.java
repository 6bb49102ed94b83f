package io.kafkanative.jmeter.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kafkanative.jmeter.core.NativeConnection;
import io.kafkanative.jmeter.engines.BucketCounts;

/**
 * One sampler's live figures as read from its connection (NativeConnection.liveFigures): its
 * kind ("producer" or "consumer"), name, cumulative counts and latency histograms. The
 * connection's own figures (throttling, client errors, cluster health) come as kind
 * "connection" with an empty name.
 */
public final class SamplerFigures {
  public final String kind;
  public final String name;
  private final Map<String, String> fields;

  private SamplerFigures(String kind, String name, Map<String, String> fields) {
    this.kind = kind;
    this.name = name;
    this.fields = fields;
  }

  /**
   * Parses lines of {@code kind TAB name (TAB key=value)*}; {@code prefix} goes before each
   * name (a connection's, when several are open).
   */
  public static List<SamplerFigures> parse(String lines, String prefix) {
    List<SamplerFigures> figures = new ArrayList<SamplerFigures>();
    for (String line : lines.split("\n")) {
      String[] parts = line.split("\t");
      if (parts.length < 2) {
        continue;
      }
      Map<String, String> fields = new HashMap<String, String>();
      for (int i = 2; i < parts.length; i++) {
        int equals = parts[i].indexOf('=');
        if (equals > 0) {
          fields.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
        }
      }
      figures.add(new SamplerFigures(parts[0], prefix + parts[1], fields));
    }
    return figures;
  }

  /** The engine (host:pid) the connection line of {@code figures} names; empty without one. */
  public static String engine(List<SamplerFigures> figures) {
    for (SamplerFigures line : figures) {
      if (line.isConnection()) {
        return line.text("engine");
      }
    }
    return "";
  }

  public boolean isProducer() {
    return "producer".equals(kind);
  }

  public boolean isConnection() {
    return "connection".equals(kind);
  }

  /** Messages done so far, whatever became of them: it stops growing when nothing flows. */
  long progress() {
    return isProducer() ? count("acked") + count("failed") : count("consumed") + count("errors");
  }

  /** A text field ("engine"); empty when absent. */
  public String text(String key) {
    String value = fields.get(key);
    return value == null ? "" : value;
  }

  /** A count; 0 when absent. */
  public long count(String key) {
    String value = fields.get(key);
    return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
  }

  public BucketCounts histogram(String key) {
    return BucketCounts.parse(fields.get(key));
  }

  /** The count of {@code key} since {@code before}, an earlier reading (null: the start). */
  public long countSince(SamplerFigures before, String key) {
    return count(key) - (before == null ? 0 : before.count(key));
  }

  /** The histogram {@code key} of the values recorded since {@code before} (null: the start). */
  public BucketCounts histogramSince(SamplerFigures before, String key) {
    BucketCounts later = histogram(key);
    return before == null ? later : later.minus(before.histogram(key));
  }
}
