package io.kafkanative.jmeter.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.core.Outcomes;
import io.kafkanative.jmeter.core.ProduceOutcome;
import io.kafkanative.jmeter.core.ProducerConfig;
import org.junit.Test;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.ProduceResultMapper;
import io.kafkanative.jmeter.results.SampleText;

public class ProduceResultMapperTest {
  @Test
  public void fullyAcknowledgedBatchIsOneSuccessfulSampleOfNMessages() {
    ProduceOutcome outcome = Outcomes.of(100, 100, 10_000, 1_600, 0);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, true, "orders", "", result);

    assertTrue(result.isSuccessful());
    assertEquals(100, result.getSampleCount());
    assertEquals(0, result.getErrorCount());
    assertEquals(10_000, result.getBytes());
    assertEquals(2, result.getLatency()); // 1.6 ms, rounded
    assertEquals("NO_ERROR", result.getResponseCode());
    assertEquals("100 of 100 acknowledged", result.getResponseMessage());
    String request = result.getSamplerData();
    assertTrue(request, request.contains("Topic: orders\n"));
    assertTrue(request, request.contains("100 requested, 100 sent, 100 acknowledged, 0 failed"));
    assertTrue(request, request.contains("first: partition 2, offset 40; last: partition 0, offset 17"));
    assertTrue(request, request.contains("first acknowledgement after 1.600 ms"));
  }

  @Test
  public void oneFailedMessageFailsTheSampleAndCountsOneError() {
    ProduceOutcome outcome = Outcomes.of(10, 9, 900, 1_000, 0);
    outcome.setError("_MSG_TIMED_OUT", "Local: Message timed out");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, true, "orders", "", result);

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

    ProduceResultMapper.apply(Outcomes.of(3, 2, 20, 5, 0), false, true, "orders", "", result);

    assertFalse(result.isSuccessful());
    assertEquals("_FAIL", result.getResponseCode());
    assertEquals(1, result.getErrorCount());
  }

  @Test
  public void trackedSampleReportsQueuedMessagesAndEarlierDeliveries() {
    ProduceOutcome outcome = Outcomes.of(100, 100, 5_000, 700, 250);
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, true, true, "orders", "", result);

    assertTrue(result.isSuccessful());
    assertEquals(100, result.getSampleCount());
    assertEquals(
        "100 queued; 100 acknowledged since the previous sample; 250 in flight",
        result.getResponseMessage());
    assertTrue(result.getSamplerData(), result.getSamplerData().contains("250 still in flight"));
  }

  @Test
  public void countingSamplesMakesABatchOneSampleWithOneError() {
    ProduceOutcome outcome = Outcomes.of(10, 9, 900, 1_000, 0);
    outcome.setError("_MSG_TIMED_OUT", "Local: Message timed out");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, false, "orders", "", result);

    assertFalse(result.isSuccessful());
    assertEquals(1, result.getSampleCount());
    assertEquals(1, result.getErrorCount()); // never more errors than samples
    assertEquals(900, result.getBytes()); // the data rate stays true
  }

  @Test
  public void anErrorIsSpelledOutInTheRequestText() {
    ProduceOutcome outcome = Outcomes.of(1, 0, 0, 0, 0);
    outcome.setError("_MSG_TIMED_OUT", "Local: Message timed out");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, true, "orders", "", result);

    assertTrue(
        result.getSamplerData(),
        result.getSamplerData().contains("Error: _MSG_TIMED_OUT: Local: Message timed out\n"));
  }

  @Test
  public void millisecondsHaveThreeDecimals() {
    assertEquals("0.007 ms", SampleText.millis(7));
    assertEquals("12.045 ms", SampleText.millis(12_045));
    assertEquals("1500.000 ms", SampleText.millis(1_500_000));
  }

  @Test
  public void requestTextShowsHowTheMessagesAreBuilt() {
    ProducerConfig config = Outcomes.config("orders", "{\"id\": {{seq}}}");
    config.keyTemplate = "key-{{seq}}";
    config.headers.put("source", "jmeter");
    KafkaSampleResult result = new KafkaSampleResult();

    ProduceResultMapper.apply(
        Outcomes.of(1, 1, 10, 900, 0), false, true, "orders", SampleText.ofMessages(config), result);

    String request = result.getSamplerData();
    assertTrue(request, request.contains("Key template: key-{{seq}}\n"));
    assertTrue(request, request.contains("Value template: {\"id\": {{seq}}}\n"));
    assertTrue(request, request.contains("Header source: jmeter\n"));
  }

  @Test
  public void meanAcknowledgementLatencyComesFromTheSummedLatencies() {
    assertEquals(1_500, Outcomes.of(10, 10, 100, 1_000, 0).meanAckLatencyMicros());
    assertEquals(-1, Outcomes.of(10, 0, 0, 1_000, 0).meanAckLatencyMicros());
  }

  @Test
  public void anInterruptedSampleFailsWithWhatWasStillUnacknowledged() {
    ProduceOutcome outcome = Outcomes.of(100, 60, 6_000, 1_000, 0);
    outcome.setError("_INTR", "interrupted with 40 messages unacknowledged (they may still be"
        + " delivered)");
    KafkaSampleResult counted = new KafkaSampleResult();
    KafkaSampleResult once = new KafkaSampleResult();

    ProduceResultMapper.apply(outcome, false, true, "orders", "", counted);
    ProduceResultMapper.apply(outcome, false, false, "orders", "", once);

    assertFalse(counted.isSuccessful());
    assertEquals("_INTR", counted.getResponseCode());
    assertEquals(100, counted.getSampleCount());
    assertEquals(40, counted.getErrorCount()); // the 60 acknowledged are not errors
    assertEquals(1, once.getSampleCount());
    assertEquals(1, once.getErrorCount());
    assertTrue(counted.getResponseMessage(), counted.getResponseMessage().startsWith("40 of 100"));
  }
}
