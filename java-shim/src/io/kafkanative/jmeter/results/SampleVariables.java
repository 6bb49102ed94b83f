package io.kafkanative.jmeter.results;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import io.kafkanative.jmeter.core.ProduceOutcome;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterVariables;
import org.apache.jmeter.util.JMeterUtils;

/**
 * A sample's native latency figures as JMeter variables, so that JMeter's
 * {@code sample_variables} property writes them into the result file and the 5.x HTML
 * dashboard can plot them over time (custom graphs; docs/live-view.md, "Dashboard graphs"). Set only when
 * {@code sample_variables} names one of them: otherwise nobody reads them, and a one-message
 * sample should not format numbers for nobody.
 */
public final class SampleVariables {
  /** Producer: the sample's acknowledged messages' mean send-to-acknowledgement time. */
  static final String ACK_MEAN = "kafka_ack_mean_ms";
  /** Producer: its slowest acknowledgement. */
  static final String ACK_MAX = "kafka_ack_max_ms";
  /** Consumer: the slowest end-to-end latency of the poll's stamped messages. */
  static final String END_TO_END_MAX = "kafka_e2e_max_ms";
  /** Consumer: the most messages the poll's partitions were behind their ends. */
  static final String LAG_MAX = "kafka_lag_max";

  private SampleVariables() {}

  /** Whether JMeter saves any of these variables (read when a session opens). */
  public static boolean wanted() {
    return JMeterUtils.getPropDefault("sample_variables", "").contains("kafka_");
  }

  public static void produced(ProduceOutcome outcome) {
    JMeterVariables variables = JMeterContextService.getContext().getVariables();
    variables.put(ACK_MEAN, millis(outcome.meanAckLatencyMicros()));
    variables.put(ACK_MAX, millis(outcome.acked() > 0 ? outcome.maxAckLatencyMicros() : -1));
  }

  public static void consumed(ConsumeOutcome outcome) {
    JMeterVariables variables = JMeterContextService.getContext().getVariables();
    variables.put(END_TO_END_MAX, millis(outcome.maxEndToEndMicros()));
    variables.put(LAG_MAX, outcome.maxLag() < 0 ? "" : Long.toString(outcome.maxLag()));
  }

  /** Milliseconds with µs precision; empty when there is no figure (the graph skips it). */
  private static String millis(long micros) {
    return micros < 0 ? "" : Double.toString(micros / 1000.0);
  }
}
