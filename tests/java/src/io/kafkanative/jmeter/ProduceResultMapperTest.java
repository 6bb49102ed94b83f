package io.kafkanative.jmeter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.core.ProduceOutcome;
import org.junit.Test;

public class ProduceResultMapperTest {
  @Test
  public void fullyAcknowledgedBatchIsOneSuccessfulSampleOfNMessages() {
    ProduceOutcome outcome = new ProduceOutcome();
    outcome.setCounts(100, 100, 100, 10_000, 5_400, 1_600, 4_900);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, result);

    assertTrue(result.isSuccessful());
    assertEquals(100, result.getSampleCount());
    assertEquals(10_000, result.getBytes());
    assertEquals(2, result.getLatency()); // 1.6 ms, rounded
    assertEquals("NO_ERROR", result.getResponseCode());
    assertEquals("100 of 100 acknowledged", result.getResponseMessage());
    assertEquals(0, result.getErrorCount());
    assertTrue(result.getSamplerData().contains("acked=100 failed=0"));
  }

  @Test
  public void oneFailedMessageFailsTheSampleWithLibrdkafkasError() {
    ProduceOutcome outcome = new ProduceOutcome();
    outcome.setCounts(10, 10, 9, 900, 30_000, 1_000, 29_000);
    outcome.setError("_MSG_TIMED_OUT", "Local: Message timed out");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, result);

    assertFalse(result.isSuccessful());
    assertEquals(10, result.getSampleCount());
    assertEquals("_MSG_TIMED_OUT", result.getResponseCode());
    assertEquals(1, result.getErrorCount()); // one message of ten, not the whole sample
    assertEquals(900, result.getBytes());
    assertEquals(
        "1 of 10 messages failed: Local: Message timed out", result.getResponseMessage());
  }

  @Test
  public void unacknowledgedMessagesFailEvenWithoutAnErrorName() {
    ProduceOutcome outcome = new ProduceOutcome();
    outcome.setCounts(3, 3, 2, 20, 10, 5, 5);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, result);

    assertFalse(result.isSuccessful());
    assertEquals("_FAIL", result.getResponseCode());
    assertEquals(1, result.getErrorCount());
  }
}
