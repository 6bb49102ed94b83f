package io.kafkanative.jmeter.monitor;

import io.kafkanative.jmeter.engines.BucketCounts;
import io.kafkanative.jmeter.live.SamplerFigures;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The native figures in Prometheus' text exposition format: counters since the start, gauges,
 * and the latency histograms as Prometheus histograms whose {@code le} bounds are bounds of the
 * core's own log-linear buckets (every quarter of a power of two, 159 µs to 16.8 s), so each
 * cumulative count is exact and {@code histogram_quantile} over engines is correct within a
 * bucket. Every series carries the engine, the connection and (but for the connection's own)
 * the sampler.
 */
public final class PrometheusText {
  /** A counter or gauge: its name, help, type, the kind it belongs to, its figure, its scale. */
  private static final String[][] VALUES = {
    {"kafka_producer_sent_messages_total", "Messages the sampler handed to librdkafka.",
      "counter", "producer", "sent", "1"},
    {"kafka_producer_acked_messages_total", "Messages the brokers acknowledged.",
      "counter", "producer", "acked", "1"},
    {"kafka_producer_failed_messages_total", "Messages whose delivery failed.",
      "counter", "producer", "failed", "1"},
    {"kafka_producer_acked_bytes_total", "Bytes of the acknowledged messages.",
      "counter", "producer", "ackedBytes", "1"},
    {"kafka_producer_target_rate", "The schedule's target rate, messages per second (0: none).",
      "gauge", "producer", "targetRate", "1"},
    {"kafka_producer_schedule_lag_seconds", "How far sending runs behind its schedule.",
      "gauge", "producer", "scheduleLagMicros", "1e-6"},
    {"kafka_consumer_messages_total", "Messages consumed.",
      "counter", "consumer", "consumed", "1"},
    {"kafka_consumer_bytes_total", "Bytes of the messages consumed.",
      "counter", "consumer", "bytes", "1"},
    {"kafka_consumer_errors_total", "Consumer errors.",
      "counter", "consumer", "errors", "1"},
    {"kafka_consumer_rebalances_total", "Rebalances of the consumer's group it took part in.",
      "counter", "consumer", "rebalances", "1"},
    {"kafka_consumer_lag_messages", "The consumer's lag at its last reading.",
      "gauge", "consumer", "lag", "1"},
    {"kafka_consumer_missing_messages", "Sequence numbers not seen (verification).",
      "gauge", "consumer", "missing", "1"},
    {"kafka_consumer_duplicated_messages", "Messages seen again (verification).",
      "gauge", "consumer", "duplicates", "1"},
    {"kafka_consumer_reordered_messages", "Messages seen out of order (verification).",
      "gauge", "consumer", "reordered", "1"},
    {"kafka_throttle_seconds_total", "Time brokers throttled the connection's requests.",
      "counter", "connection", "throttledMillis", "1e-3"},
    {"kafka_client_errors_total", "Errors librdkafka reported for a client as a whole.",
      "counter", "connection", "clientErrors", "1"},
    {"kafka_brokers", "Brokers the cluster's metadata lists.",
      "gauge", "connection", "brokers", "1"},
    {"kafka_partitions", "Partitions of the producers' topics.",
      "gauge", "connection", "partitions", "1"},
    {"kafka_under_replicated_partitions", "Partitions with fewer in-sync replicas than replicas.",
      "gauge", "connection", "underReplicated", "1"},
    {"kafka_offline_partitions", "Partitions without a leader.",
      "gauge", "connection", "offline", "1"},
  };

  /** A histogram: its name, help, the kind it belongs to, its figure. */
  private static final String[][] HISTOGRAMS = {
    {"kafka_producer_ack_latency_seconds", "From send to the broker's acknowledgement.",
      "producer", "ack"},
    {"kafka_producer_intended_latency_seconds",
      "From the schedule's intended send time to the acknowledgement.", "producer", "intended"},
    {"kafka_consumer_end_to_end_latency_seconds", "From the producer's stamp to consumption.",
      "consumer", "endToEnd"},
  };

  /** The {@code le} bounds, µs: bounds of the core's buckets, four per power of two. */
  static final long[] BOUNDS_MICROS = bounds();

  private PrometheusText() {}

  /** Every figure of {@code figuresByConnection} (liveFigures text by connection name). */
  public static String render(Map<String, String> figuresByConnection) {
    List<String[]> labels = new ArrayList<String[]>();  // {labels, kind} per figures
    List<SamplerFigures> all = new ArrayList<SamplerFigures>();
    for (Map.Entry<String, String> connection : figuresByConnection.entrySet()) {
      List<SamplerFigures> parsed = SamplerFigures.parse(connection.getValue(), "");
      String engine = SamplerFigures.engine(parsed);
      for (SamplerFigures figures : parsed) {
        String text = "engine=\"" + escape(engine) + "\",connection=\""
            + escape(connection.getKey()) + "\""
            + (figures.name.isEmpty() ? "" : ",sampler=\"" + escape(figures.name) + "\"");
        labels.add(new String[] {text, figures.kind});
        all.add(figures);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] value : VALUES) {
      header(out, value[0], value[1], value[2]);
      double scale = Double.parseDouble(value[5]);
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).kind.equals(value[3])) {
          long count = all.get(i).count(value[4]);
          out.append(value[0]).append('{').append(labels.get(i)[0]).append("} ")
              .append(scale == 1 ? Long.toString(count) : Double.toString(count * scale))
              .append('\n');
        }
      }
    }
    for (String[] histogram : HISTOGRAMS) {
      header(out, histogram[0], histogram[1], "histogram");
      for (int i = 0; i < all.size(); i++) {
        if (all.get(i).kind.equals(histogram[2])) {
          histogram(out, histogram[0], labels.get(i)[0], all.get(i), histogram[3]);
        }
      }
    }
    return out.toString();
  }

  private static void histogram(
      StringBuilder out, String name, String labels, SamplerFigures figures, String key) {
    BucketCounts buckets = figures.histogram(key);
    for (long bound : BOUNDS_MICROS) {
      out.append(name).append("_bucket{").append(labels).append(",le=\"")
          .append(BigDecimal.valueOf(bound, 6).toPlainString()).append("\"} ")
          .append(buckets.countAtMost(bound)).append('\n');
    }
    out.append(name).append("_bucket{").append(labels).append(",le=\"+Inf\"} ")
        .append(buckets.count()).append('\n');
    out.append(name).append("_sum{").append(labels).append("} ")
        .append(figures.count(key + "Sum") / 1e6).append('\n');
    out.append(name).append("_count{").append(labels).append("} ").append(buckets.count())
        .append('\n');
  }

  private static void header(StringBuilder out, String name, String help, String type) {
    out.append("# HELP ").append(name).append(' ').append(help).append('\n');
    out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
  }

  /** Upper bounds ((sub + 1) << shift) - 1 of the core's buckets, sub + 1 in 40, 48, 56, 64. */
  private static long[] bounds() {
    List<Long> bounds = new ArrayList<Long>();
    for (int shift = 2; shift <= 18; shift++) {
      for (long top = 40; top <= 64; top += 8) {
        bounds.add((top << shift) - 1);
      }
    }
    long[] result = new long[bounds.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = bounds.get(i);
    }
    return result;
  }

  static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }
}
