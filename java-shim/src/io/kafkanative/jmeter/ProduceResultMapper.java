package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.ProduceOutcome;
import java.lang.reflect.Method;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Turns a native {@link ProduceOutcome} into the fields of a JMeter {@link SampleResult}. A
 * sample is successful only if every one of its messages was acknowledged: a failure is never
 * silent, even when most of the batch got through.
 */
final class ProduceResultMapper {
  /** librdkafka's name for error code 0. */
  static final String OK_CODE = "NO_ERROR";

  /** {@code SampleResult.setSentBytes(long)} exists from JMeter 3.1 on; absent in 2.13. */
  private static final Method SET_SENT_BYTES = findSetSentBytes();

  private ProduceResultMapper() {}

  static void apply(ProduceOutcome outcome, KafkaSampleResult result) {
    result.setSampleCount((int) Math.max(1, outcome.requested()));
    result.setSuccessful(outcome.isSuccess());
    result.setErrorCount((int) Math.min(Integer.MAX_VALUE, outcome.failed()));
    // The acknowledged payload is the sample's byte count, so JMeter's KB/s is the produce
    // rate. No response data: JMeter would count its length as the bytes instead.
    result.setBytes((int) Math.min(Integer.MAX_VALUE, outcome.ackedBytes()));
    setSentBytes(result, outcome.ackedBytes());
    result.setLatency(Math.round(outcome.firstAckMicros() / 1000.0));
    result.setDataType(SampleResult.TEXT);
    result.setSamplerData(summary(outcome));
    if (outcome.isSuccess()) {
      result.setResponseCode(OK_CODE);
      result.setResponseMessage(outcome.acked() + " of " + outcome.requested() + " acknowledged");
    } else {
      result.setResponseCode(outcome.errorName() != null ? outcome.errorName() : "_FAIL");
      result.setResponseMessage(
          outcome.failed()
              + " of "
              + outcome.requested()
              + " messages failed: "
              + (outcome.errorMessage() != null ? outcome.errorMessage() : "not acknowledged"));
    }
  }

  static String summary(ProduceOutcome outcome) {
    return "requested="
        + outcome.requested()
        + " sent="
        + outcome.sent()
        + " acked="
        + outcome.acked()
        + " failed="
        + outcome.failed()
        + " ackedBytes="
        + outcome.ackedBytes()
        + " elapsedMicros="
        + outcome.elapsedMicros()
        + " firstAckMicros="
        + outcome.firstAckMicros()
        + " maxAckLatencyMicros="
        + outcome.maxAckLatencyMicros();
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
