package io.kafkanative.jmeter.results;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import org.apache.jmeter.samplers.SampleResult;

/**
 * Turns a native {@link ConsumeOutcome} into a JMeter sample: one sample per poll, its count
 * the messages consumed. Sequence findings (missing, duplicate, reordered messages) fail the
 * sample and count as its errors, so loss is never silent.
 */
public final class ConsumeResultMapper {
  /** The response code of a sample whose messages broke the producers' sequences. */
  static final String SEQUENCE_CODE = "SEQUENCE_CHECK";
  /** The response code of an empty poll, when that counts as a failure. */
  static final String EMPTY_CODE = "NO_MESSAGES";
  /** The response code of a sample with values their schema does not decode. */
  static final String UNDECODABLE_CODE = "UNDECODABLE";

  private ConsumeResultMapper() {}

  /**
   * @param countMessages the sample counts as its messages in JMeter's listeners (else as one)
   */
  public static void apply(
      ConsumeOutcome outcome,
      boolean emptyIsFailure,
      long timeoutMs,
      boolean countMessages,
      String topics,
      KafkaSampleResult result) {
    long messages = outcome.messages();
    result.setSampleCount(countMessages ? (int) Math.max(1, messages) : 1);
    result.setBytes((int) Math.min(Integer.MAX_VALUE, outcome.bytes()));
    result.setLatency(
        Math.round(
            (outcome.firstMessageMicros() >= 0
                    ? outcome.firstMessageMicros()
                    : outcome.elapsedMicros())
                / 1000.0));
    result.setDataType(SampleResult.TEXT);
    final ConsumeOutcome measured = outcome.copy();
    result.setSamplerText(() -> SampleText.ofConsume(measured, topics));
    if (outcome.errorName() != null) {
      fail(result, 1, outcome.errorName(), outcome.errorMessage());
    } else if (outcome.findings() > 0) {
      fail(
          result,
          countMessages ? Math.min(outcome.findings(), Math.max(1, messages)) : 1,
          SEQUENCE_CODE,
          outcome.missing() + " missing, " + outcome.duplicates() + " duplicates, "
              + outcome.reordered() + " reordered; first: " + outcome.verificationProblem());
    } else if (outcome.undecodable() > 0) {
      fail(
          result,
          countMessages ? outcome.undecodable() : 1,
          UNDECODABLE_CODE,
          outcome.undecodable() + " of " + messages + " values do not decode; first: "
              + outcome.decodeProblem());
    } else if (messages == 0 && emptyIsFailure) {
      fail(result, 1, EMPTY_CODE, "no message within " + timeoutMs + " ms");
    } else {
      result.setSuccessful(true);
      result.setResponseCode(ProduceResultMapper.OK_CODE);
      result.setResponseMessage(messages + " messages consumed" + forwarding(outcome));
    }
  }

  /** A Kafka Processor's part: ", N forwarded in T ms"; empty for a plain consumer. */
  private static String forwarding(ConsumeOutcome outcome) {
    if (outcome.forwardMicros() < 0) {
      return "";
    }
    return ", " + outcome.forwarded() + " forwarded in "
        + Math.round(outcome.forwardMicros() / 1000.0) + " ms";
  }

  private static void fail(KafkaSampleResult result, long errors, String code, String message) {
    result.setSuccessful(false);
    result.setErrorCount((int) errors);
    result.setResponseCode(code);
    result.setResponseMessage(message);
  }
}
