package io.kafkanative.jmeter.monitor;

import io.kafkanative.jmeter.engines.BucketCounts;
import io.kafkanative.jmeter.live.SamplerFigures;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sampler's (or one connection's) native figures over one interval, normally one second
 * of its connection's timeline: the counts of that interval, rates over it, latency
 * percentiles of the messages completed in it, and gauges as they stood at its end. Counts are
 * longs and everything else doubles, so a field keeps one type in every point.
 */
public final class LivePoint {
  /** The engine (host:pid) the connection is in. */
  public final String engine;
  public final String connection;
  /** "producer", "consumer" or "connection". */
  public final String kind;
  /** Empty for a connection's own point. */
  public final String sampler;
  /** The start of the interval's last second, µs since the epoch. */
  public final long epochMicros;
  public final Map<String, Number> fields = new LinkedHashMap<String, Number>();

  private LivePoint(String engine, String connection, SamplerFigures now, long epochMicros) {
    this.engine = engine;
    this.connection = connection;
    this.kind = now.kind;
    this.sampler = now.name;
    this.epochMicros = epochMicros;
  }

  /**
   * The figures of the {@code seconds} between {@code before} (null: the start) and {@code
   * now}, with the latency percentiles in {@code percentiles} (each also as a field name part:
   * 99.9 gives {@code p99_9}).
   */
  public static LivePoint between(
      String engine,
      String connection,
      SamplerFigures before,
      SamplerFigures now,
      double seconds,
      long epochMicros,
      double[] percentiles) {
    LivePoint point = new LivePoint(engine, connection, now, epochMicros);
    if (now.isConnection()) {
      point.connectionFields(before, now);
    } else if (now.isProducer()) {
      point.producerFields(before, now, seconds, percentiles);
    } else {
      point.consumerFields(before, now, seconds, percentiles);
    }
    return point;
  }

  private void producerFields(
      SamplerFigures before, SamplerFigures now, double seconds, double[] percentiles) {
    long acked = now.countSince(before, "acked");
    fields.put("sent", now.countSince(before, "sent"));
    fields.put("msgs", acked);
    fields.put("failed", now.countSince(before, "failed"));
    rates(acked, now.countSince(before, "ackedBytes"), seconds);
    latency("ack", now.histogramSince(before, "ack"), percentiles);
    if (now.count("targetRate") > 0) {
      latency("intended", now.histogramSince(before, "intended"), percentiles);
      fields.put("target_rate", (double) now.count("targetRate"));
      fields.put("schedule_lag_ms", now.count("scheduleLagMicros") / 1000.0);
    }
  }

  private void consumerFields(
      SamplerFigures before, SamplerFigures now, double seconds, double[] percentiles) {
    long consumed = now.countSince(before, "consumed");
    fields.put("msgs", consumed);
    fields.put("failed", now.countSince(before, "errors"));
    fields.put("rebalances", now.countSince(before, "rebalances"));
    rates(consumed, now.countSince(before, "bytes"), seconds);
    latency("e2e", now.histogramSince(before, "endToEnd"), percentiles);
    fields.put("lag", now.count("lag"));
    fields.put("missing", now.count("missing"));
    fields.put("duplicated", now.count("duplicates"));
    fields.put("reordered", now.count("reordered"));
  }

  private void connectionFields(SamplerFigures before, SamplerFigures now) {
    fields.put("throttle_ms", now.countSince(before, "throttledMillis"));
    fields.put("client_errors", now.countSince(before, "clientErrors"));
    if (now.count("brokers") >= 0) {  // -1 before the cluster's first answer
      fields.put("brokers", now.count("brokers"));
      fields.put("partitions", now.count("partitions"));
      fields.put("under_replicated", now.count("underReplicated"));
      fields.put("offline_partitions", now.count("offline"));
    }
  }

  private void rates(long messages, long bytes, double seconds) {
    fields.put("bytes", bytes);
    fields.put("msgs_per_s", seconds > 0 ? messages / seconds : 0.0);
    fields.put("mb_per_s", seconds > 0 ? bytes / seconds / 1e6 : 0.0);
  }

  /** Percentile and max fields (ms) of {@code interval}; none when it holds no message. */
  private void latency(String prefix, BucketCounts interval, double[] percentiles) {
    if (interval.count() == 0) {
      return;
    }
    for (double percentile : percentiles) {
      fields.put(prefix + "_" + percentileName(percentile) + "_ms",
          interval.percentile(percentile) / 1000.0);
    }
    fields.put(prefix + "_max_ms", interval.max() / 1000.0);
  }

  /** 99 gives "p99", 99.9 gives "p99_9". */
  static String percentileName(double percentile) {
    String text = percentile == Math.rint(percentile)
        ? Long.toString((long) percentile) : Double.toString(percentile);
    return "p" + text.replace('.', '_');
  }
}
