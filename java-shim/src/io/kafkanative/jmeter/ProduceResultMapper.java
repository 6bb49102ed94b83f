package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.ProduceOutcome;
import java.lang.reflect.Method;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Turns a native {@link ProduceOutcome} into the fields of a JMeter sample. A sample is
 * successful only if none of the messages it reports failed: a failure is never silent, even
 * when most of the batch got through.
 */
final class ProduceResultMapper {
  /** librdkafka's name for error code 0. */
  static final String OK_CODE = "NO_ERROR";

  /** {@code SampleResult.setSentBytes(long)} exists from JMeter 3.1 on; absent in 2.13. */
  private static final Method SET_SENT_BYTES = findSetSentBytes();

  private ProduceResultMapper() {}

  /**
   * @param tracked the sampler runs in fire-and-track mode: the deliveries in {@code outcome}
   *     are those of earlier samples' messages
   */
  static void apply(ProduceOutcome outcome, boolean tracked, KafkaSampleResult result) {
    result.setSampleCount((int) Math.max(1, outcome.requested()));
    result.setSuccessful(outcome.isSuccess());
    result.setErrorCount((int) Math.min(Integer.MAX_VALUE, outcome.failed()));
    // The acknowledged payload is the sample's byte count, so JMeter's KB/s is the produce
    // rate. No response data: JMeter would count its length as the bytes instead.
    result.setBytes((int) Math.min(Integer.MAX_VALUE, outcome.ackedBytes()));
    setSentBytes(result, outcome.ackedBytes());
    result.setLatency(
        tracked ? result.getTime() : Math.round(outcome.firstAckMicros() / 1000.0));
    result.setDataType(SampleResult.TEXT);
    result.setSamplerData(summary(outcome));
    if (outcome.isSuccess()) {
      result.setResponseCode(OK_CODE);
      result.setResponseMessage(
          tracked
              ? outcome.sent() + " queued; " + outcome.acked() + " acknowledged since the previous"
                  + " sample; " + outcome.inFlight() + " in flight"
              : outcome.acked() + " of " + outcome.requested() + " acknowledged");
    } else {
      result.setResponseCode(outcome.errorName() != null ? outcome.errorName() : "_FAIL");
      result.setResponseMessage(
          outcome.failed()
              + (tracked ? " messages failed" : " of " + outcome.requested() + " messages failed")
              + ": "
              + (outcome.errorMessage() != null ? outcome.errorMessage() : "not acknowledged"));
    }
  }

  static String summary(ProduceOutcome outcome) {
    StringBuilder text = new StringBuilder(256);
    text.append("requested=").append(outcome.requested());
    text.append(" sent=").append(outcome.sent());
    text.append(" acked=").append(outcome.acked());
    text.append(" failed=").append(outcome.failed());
    text.append(" inFlight=").append(outcome.inFlight());
    text.append(" ackedBytes=").append(outcome.ackedBytes());
    text.append(" elapsedMicros=").append(outcome.elapsedMicros());
    text.append(" firstAckMicros=").append(outcome.firstAckMicros());
    text.append(" maxAckLatencyMicros=").append(outcome.maxAckLatencyMicros());
    text.append(" maxIntendedLatencyMicros=").append(outcome.maxIntendedLatencyMicros());
    if (outcome.firstPartition() >= 0) {
      text.append(" first=").append(outcome.firstPartition()).append('@');
      text.append(outcome.firstOffset());
      text.append(" last=").append(outcome.lastPartition()).append('@');
      text.append(outcome.lastOffset());
    }
    return text.toString();
  }

  private static void setSentBytes(SampleResult result, long bytes) {
    if (SET_SENT_BYTES == null) {
      return;
    }
    try {
      SET_SENT_BYTES.invoke(result, bytes);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("SampleResult.setSentBytes failed", e);
    }
  }

  private static Method findSetSentBytes() {
    try {
      return SampleResult.class.getMethod("setSentBytes", long.class);
    } catch (NoSuchMethodException e) {
      return null;
    }
  }
}
