package io.kafkanative.jmeter.results;

import io.kafkanative.jmeter.core.ProduceOutcome;
import java.lang.reflect.Method;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Turns a native {@link ProduceOutcome} into the fields of a JMeter sample. A sample is
 * successful only if none of the messages it reports failed: a failure is never silent, even
 * when most of the batch got through.
 */
public final class ProduceResultMapper {
  /** librdkafka's name for error code 0. */
  public static final String OK_CODE = "NO_ERROR";

  /** {@code SampleResult.setSentBytes(long)} exists from JMeter 3.1 on; absent in 2.13. */
  private static final Method SET_SENT_BYTES = findSetSentBytes();

  private ProduceResultMapper() {}

  /**
   * @param tracked the sampler runs in fire-and-track mode: the deliveries in {@code outcome}
   *     are those of earlier samples' messages
   * @param countMessages the sample counts as its messages in JMeter's listeners (else as one)
   * @param messages how the session builds its messages (SampleText.ofMessages), or ""
   */
  public static void apply(
      ProduceOutcome outcome,
      boolean tracked,
      boolean countMessages,
      String topic,
      String messages,
      KafkaSampleResult result) {
    result.setSuccessful(outcome.isSuccess());
    int failed = (int) Math.min(Integer.MAX_VALUE, outcome.failed());
    if (countMessages) {
      result.setSampleCount((int) Math.max(1, outcome.requested()));
      result.setErrorCount(failed);
    } else {
      result.setSampleCount(1);
      result.setErrorCount(outcome.isSuccess() ? 0 : 1);
    }
    setPayloadBytes(result, outcome.ackedBytes());
    result.setLatency(
        tracked ? result.getTime() : Math.round(outcome.firstAckMicros() / 1000.0));
    result.setDataType(SampleResult.TEXT);
    final ProduceOutcome measured = outcome.copy();
    result.setSamplerText(() -> SampleText.ofProduce(measured, tracked, topic, messages));
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

  /**
   * The acknowledged payload is what a producer sends: JMeter's Sent KB/s is then the produce
   * rate, and Received KB/s stays 0 (the broker's acknowledgements are all it receives). JMeter
   * before 3.1 has no sent bytes; there the payload is the one byte count it shows. No
   * response data either way: JMeter would count its length as received bytes.
   */
  private static void setPayloadBytes(SampleResult result, long bytes) {
    if (SET_SENT_BYTES == null) {
      result.setBytes((int) Math.min(Integer.MAX_VALUE, bytes));
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
