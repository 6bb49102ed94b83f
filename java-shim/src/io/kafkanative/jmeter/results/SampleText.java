package io.kafkanative.jmeter.results;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import io.kafkanative.jmeter.core.ProduceOutcome;
import io.kafkanative.jmeter.core.ProducerConfig;
import java.util.Map;

/**
 * A sample's "request" as a person reads it in View Results Tree: one labelled line per fact,
 * times in milliseconds, partitions and offsets named.
 */
public final class SampleText {
  private SampleText() {}

  /** Longer templates are cut to this many characters, with a note of their length. */
  static final int TEMPLATE_CHARS = 200;

  /**
   * How a session's messages are built: its templates (the messages themselves are rendered
   * natively, per message, and never cross into Java). Built once per session.
   */
  public static String ofMessages(ProducerConfig config) {
    StringBuilder text = new StringBuilder(256);
    line(text, "Key template", config.keyTemplate.isEmpty() ? "(none)" : cut(config.keyTemplate));
    line(
        text,
        "Value template",
        config.payloadFile.isEmpty() ? cut(config.valueTemplate) : "(values from " + config.payloadFile + ")");
    if (config.valueSize > 0) {
      line(text, "Value size", config.valueSize + " bytes (padded with 'x')");
    }
    for (Map.Entry<String, String> header : config.headers.entrySet()) {
      line(text, "Header " + header.getKey(), cut(header.getValue()));
    }
    if (config.stampHeaders) {
      line(text, "Stamp headers", "kn-ts-us, kn-producer, kn-seq");
    }
    return text.toString();
  }

  private static String cut(String template) {
    return template.length() <= TEMPLATE_CHARS
        ? template
        : template.substring(0, TEMPLATE_CHARS) + "… (" + template.length() + " characters)";
  }

  static String ofProduce(
      ProduceOutcome outcome, boolean tracked, String topic, String messages) {
    StringBuilder text = new StringBuilder(512);
    line(text, "Topic", topic);
    if (tracked) {
      line(text, "Mode", "track (the sample ends once its messages are queued)");
      line(text, "Messages", outcome.requested() + " requested, " + outcome.sent() + " queued");
      line(
          text,
          "Deliveries reported now",
          outcome.acked() + " acknowledged, " + outcome.failed() + " failed (earlier samples'"
              + " messages); " + outcome.inFlight() + " still in flight");
    } else {
      line(text, "Mode", "wait (the sample ends at its messages' delivery reports)");
      line(
          text,
          "Messages",
          outcome.requested() + " requested, " + outcome.sent() + " sent, " + outcome.acked()
              + " acknowledged, " + outcome.failed() + " failed");
      line(
          text,
          "Sample time",
          millis(outcome.elapsedMicros()) + " (first send to last delivery report); first"
              + " acknowledgement after " + millis(outcome.firstAckMicros()));
    }
    if (outcome.firstPartition() >= 0) {
      line(
          text,
          "Acknowledged",
          "first: partition " + outcome.firstPartition() + ", offset " + outcome.firstOffset()
              + "; last: partition " + outcome.lastPartition() + ", offset "
              + outcome.lastOffset());
      line(text, "Acknowledged bytes", Long.toString(outcome.ackedBytes()));
      line(text, "Slowest acknowledgement", millis(outcome.maxAckLatencyMicros()) + " after send");
    }
    if (outcome.maxIntendedLatencyMicros() > 0) {
      line(
          text,
          "Slowest from intended send time",
          millis(outcome.maxIntendedLatencyMicros()) + " (target rate: the schedule's delay"
              + " included)");
    }
    error(text, outcome.errorName(), outcome.errorMessage());
    return text.append(messages).toString();
  }

  static String ofConsume(ConsumeOutcome outcome, String topics) {
    StringBuilder text = new StringBuilder(384);
    line(text, "Topics", topics);
    line(text, "Messages", outcome.messages() + " consumed, " + outcome.bytes() + " bytes");
    if (outcome.messages() > 0) {
      line(
          text,
          "Poll time",
          "first message after " + millis(outcome.firstMessageMicros()) + ", last after "
              + millis(outcome.elapsedMicros()));
    }
    if (outcome.maxEndToEndMicros() >= 0) {
      line(
          text,
          "Slowest end to end",
          millis(outcome.maxEndToEndMicros()) + " (from the producer's stamp)");
    }
    if (outcome.maxLag() >= 0) {
      line(text, "Lag", "at most " + outcome.maxLag() + " messages behind the partitions' ends");
    }
    String problem = outcome.verificationProblem();
    line(
        text,
        "Sequence check",
        outcome.missing() + " missing, " + outcome.duplicates() + " duplicated, "
            + outcome.reordered() + " reordered" + (problem != null ? "; first: " + problem : ""));
    error(text, outcome.errorName(), outcome.errorMessage());
    return text.toString();
  }

  /**
   * A poll's last message as response data: key, headers, and the value cut to {@code bytes}
   * (at a UTF-8 boundary or not: it is a glimpse, the consumer counted the whole).
   */
  public static String ofLastMessage(ConsumeOutcome outcome, int bytes) {
    StringBuilder text = new StringBuilder(bytes + 128);
    text.append("Last message of ").append(outcome.messages()).append(" consumed\n");
    String key = outcome.lastKey();
    line(text, "Key", key == null ? "(none)" : key);
    String headers = outcome.lastHeaders();
    if (headers != null) {
      text.append("Headers:\n").append(headers);
    }
    String value = outcome.lastValue();
    line(text, "Value", value == null ? "(empty)" : value);
    long size = outcome.lastValueBytes();
    if (value != null && size > bytes) {
      line(text, "Value cut", "first " + bytes + " of " + size + " bytes shown");
    }
    return text.toString();
  }

  private static void error(StringBuilder text, String name, String message) {
    if (name != null) {
      line(text, "Error", name + (message != null ? ": " + message : ""));
    }
  }

  private static void line(StringBuilder text, String label, String value) {
    text.append(label).append(": ").append(value).append('\n');
  }

  /** Microseconds as milliseconds with three decimals, without String.format's cost. */
  static String millis(long micros) {
    long fraction = Math.abs(micros % 1000);
    return (micros < 0 && micros > -1000 ? "-" : "") + micros / 1000 + "."
        + (fraction < 100 ? (fraction < 10 ? "00" : "0") : "") + fraction + " ms";
  }
}
