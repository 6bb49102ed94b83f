package io.kafkanative.jmeter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.core.Outcomes;
import io.kafkanative.jmeter.core.ProduceOutcome;
import org.junit.Test;

public class ProduceResultMapperTest {
  @Test
  public void fullyAcknowledgedBatchIsOneSuccessfulSampleOfNMessages() {
    ProduceOutcome outcome = Outcomes.of(100, 100, 10_000, 1_600, 0);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, result);

    assertTrue(result.isSuccessful());
    assertEquals(100, result.getSampleCount());
    assertEquals(0, result.getErrorCount());
    assertEquals(10_000, result.getBytes());
    assertEquals(2, result.getLatency()); // 1.6 ms, rounded
    assertEquals("NO_ERROR", result.getResponseCode());
    assertEquals("100 of 100 acknowledged", result.getResponseMessage());
    assertTrue(result.getSamplerData(), result.getSamplerData().contains("acked=100 failed=0"));
    assertTrue(result.getSamplerData(), result.getSamplerData().contains("first=2@40 last=0@17"));
  }

  @Test
  public void oneFailedMessageFailsTheSampleAndCountsOneError() {
    ProduceOutcome outcome = Outcomes.of(10, 9, 900, 1_000, 0);
    outcome.setError("_MSG_TIMED_OUT", "Local: Message timed out");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, result);

    assertFalse(result.isSuccessful());
    assertEquals(10, result.getSampleCount());
    assertEquals(1, result.getErrorCount()); // one message of ten, not the whole sample
    assertEquals(900, result.getBytes());
    assertEquals("_MSG_TIMED_OUT", result.getResponseCode());
    assertEquals(
        "1 of 10 messages failed: Local: Message timed out", result.getResponseMessage());
  }

  @Test
  public void unacknowledgedMessagesFailEvenWithoutAnErrorName() {
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(Outcomes.of(3, 2, 20, 5, 0), false, result);

    assertFalse(result.isSuccessful());
    assertEquals("_FAIL", result.getResponseCode());
    assertEquals(1, result.getErrorCount());
  }

  @Test
  public void trackedSampleReportsQueuedMessagesAndEarlierDeliveries() {
    ProduceOutcome outcome = Outcomes.of(100, 100, 5_000, 700, 250);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, true, result);

    assertTrue(result.isSuccessful());
    assertEquals(100, result.getSampleCount());
    assertEquals(
        "100 queued; 100 acknowledged since the previous sample; 250 in flight",
        result.getResponseMessage());
    assertTrue(result.getSamplerData().contains("inFlight=250"));
  }
}
