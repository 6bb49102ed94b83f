package io.kafkanative.jmeter.core;

import java.util.Map;

/**
 * A reference to a shared native Kafka client. Equal configurations share one librdkafka
 * client per JVM; the client is flushed and closed when its last reference is closed.
 */
public final class NativeConnection extends NativeHandle {
  /**
   * @param bootstrap {@code host:port,...}, or empty / {@code embedded} / {@code embedded:N} for
   *     the in-process cluster
   * @param properties librdkafka properties, passed through verbatim
   * @param flushTimeoutMs how long closing waits for in-flight messages
   * @param statisticsFile where librdkafka's statistics go, one JSON per line; "" for nowhere
   * @throws KafkaNativeException for an invalid configuration or a missing native library
   */
  public NativeConnection(
      String bootstrap, Map<String, String> properties, long flushTimeoutMs, String statisticsFile) {
    super(NativeKafka.openConnection(bootstrap, properties, flushTimeoutMs, statisticsFile));
  }

  /**
   * Starts a fault schedule on the embedded cluster, e.g. {@code "5 down 1 for 5"} (broker 1
   * down 5 s after start, for 5 s) or {@code "0 rtt 2 200 for 10"}; one fault per line.
   */
  public void scheduleFaults(String schedule) {
    NativeKafka.scheduleFaults(handle(), schedule);
  }

  /** Counters, rates and latency percentiles: totals and per sampler, as JSON. */
  public String summaryJson() {
    return NativeKafka.connectionSummary(handle(), NativeKafka.SummaryForm.JSON);
  }

  /** The same, one human-readable line per sampler. */
  public String summaryText() {
    return NativeKafka.connectionSummary(handle(), NativeKafka.SummaryForm.TEXT);
  }

  /**
   * Every sampler's live figures, one line each: {@code producer|consumer TAB name} then TAB
   * separated {@code key=value} counts and histograms ({@code bound:count,...}, µs).
   */
  public String liveFigures() {
    return NativeKafka.connectionSummary(handle(), NativeKafka.SummaryForm.LIVE);
  }

  /**
   * The live figures as they stood at the end of each of the connection's last seconds:
   * {@code start TAB epochMicros}, then per second {@code second TAB n} and its figures' lines.
   */
  public String liveSeconds() {
    return NativeKafka.connectionSummary(handle(), NativeKafka.SummaryForm.LIVE_SECONDS);
  }

  /** Opens a per-thread producer session on this client. */
  public NativeProducer openProducer(ProducerConfig config) {
    return new NativeProducer(NativeKafka.openProducer(handle(), config));
  }

  /** Opens a per-thread consumer (a group member) with this connection's settings. */
  public NativeConsumer openConsumer(ConsumerConfig config) {
    return new NativeConsumer(NativeKafka.openConsumer(handle(), config));
  }

  /** Opens a reader of {@code group}'s lag on {@code topics} (it does not join the group). */
  public NativeLagReader openLagReader(String group, java.util.List<String> topics) {
    return new NativeLagReader(NativeKafka.openLagReader(handle(), group, topics));
  }

  @Override
  void release(long value) {
    NativeKafka.closeConnection(value);
  }
}
