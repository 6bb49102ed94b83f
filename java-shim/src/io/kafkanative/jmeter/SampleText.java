package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import io.kafkanative.jmeter.core.ProduceOutcome;

/**
 * A sample's "request" as a person reads it in View Results Tree: one labelled line per fact,
 * times in milliseconds, partitions and offsets named.
 */
final class SampleText {
  private SampleText() {}

  static String ofProduce(ProduceOutcome outcome, boolean tracked, String topic) {
    StringBuilder text = new StringBuilder(384);
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
    return text.toString();
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
