package io.kafkanative.jmeter.live;

import io.kafkanative.jmeter.engines.BucketCounts;

/**
 * One sampler's line in the Kafka Summary: rates and latency percentiles over an interval (two
 * readings of its figures), counts since the start. Latency is acknowledgement latency for a
 * producer and end-to-end latency (from the producer's stamp) for a consumer. Times are µs;
 * -1 means "nothing to show".
 */
public final class SummaryRow {
  public static final String[] COLUMNS = {
    "Sampler", "msgs/s", "MB/s", "messages", "failed", "p50 ms", "p99 ms", "p99.9 ms", "max ms",
    "intended p99 ms", "behind ms", "missing", "duplicated", "reordered", "lag"
  };

  public final String name;
  public final boolean producer;
  public final double messagesPerSecond;
  public final double megabytesPerSecond;
  public final long messages;
  public final long failed;
  public final long p50;
  public final long p99;
  public final long p999;
  public final long max;
  public final long intendedP99;
  public final long behindMicros;
  public final long missing;
  public final long duplicated;
  public final long reordered;
  public final long lag;

  private SummaryRow(SamplerFigures before, SamplerFigures now, double seconds) {
    name = now.name;
    producer = now.isProducer();
    String count = producer ? "acked" : "consumed";
    String bytes = producer ? "ackedBytes" : "bytes";
    String latency = producer ? "ack" : "endToEnd";
    messages = now.count(count);
    failed = now.count(producer ? "failed" : "errors");
    messagesPerSecond = rate(now.countSince(before, count), seconds);
    megabytesPerSecond = rate(now.countSince(before, bytes), seconds) / 1e6;
    BucketCounts interval = now.histogramSince(before, latency);
    p50 = interval.percentile(50);
    p99 = interval.percentile(99);
    p999 = interval.percentile(99.9);
    max = interval.max();
    boolean scheduled = producer && now.count("targetRate") > 0;
    intendedP99 = scheduled ? now.histogramSince(before, "intended").percentile(99) : -1;
    behindMicros = scheduled ? now.count("scheduleLagMicros") : -1;
    missing = producer ? -1 : now.count("missing");
    duplicated = producer ? -1 : now.count("duplicates");
    reordered = producer ? -1 : now.count("reordered");
    lag = producer ? -1 : now.count("lag");
  }

  /** {@code now} over the {@code seconds} since {@code before} (null: since the start). */
  static SummaryRow of(SamplerFigures before, SamplerFigures now, double seconds) {
    return new SummaryRow(before, now, seconds);
  }

  private static double rate(long count, double seconds) {
    return seconds > 0 ? count / seconds : 0;
  }

  /** The table's cells, in {@link #COLUMNS} order; empty where there is nothing to show. */
  public Object[] cells() {
    return new Object[] {
      name,
      String.format("%.0f", messagesPerSecond),
      String.format("%.2f", megabytesPerSecond),
      messages,
      failed,
      millis(p50),
      millis(p99),
      millis(p999),
      millis(max),
      millis(intendedP99),
      millis(behindMicros),
      orEmpty(missing),
      orEmpty(duplicated),
      orEmpty(reordered),
      orEmpty(lag)
    };
  }

  /** One console line, in the manner of JMeter's summariser. */
  public String consoleText() {
    StringBuilder text = new StringBuilder(name).append(": ");
    text.append(String.format("%.0f msgs/s, %.2f MB/s, ", messagesPerSecond, megabytesPerSecond));
    text.append(messages).append(producer ? " acked, " : " consumed, ").append(failed);
    text.append(producer ? " failed; ack" : " errors; end-to-end").append(" ms p50 ");
    text.append(millis(p50)).append(" p99 ").append(millis(p99)).append(" p99.9 ");
    text.append(millis(p999)).append(" max ").append(millis(max));
    if (intendedP99 >= 0) {
      text.append("; intended p99 ").append(millis(intendedP99));
      text.append(", behind schedule ").append(millis(behindMicros)).append(" ms");
    }
    if (!producer) {
      text.append("; lag ").append(lag).append("; ").append(missing).append(" missing, ");
      text.append(duplicated).append(" duplicated, ").append(reordered).append(" reordered");
    }
    return text.toString();
  }

  private static String millis(long micros) {
    return micros < 0 ? "" : String.format("%.2f", micros / 1000.0);
  }

  private static Object orEmpty(long value) {
    return value < 0 ? "" : (Object) value;
  }
}
