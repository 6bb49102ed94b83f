package io.kafkanative.jmeter.results;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import io.kafkanative.jmeter.core.Outcomes;
import org.junit.Test;
import io.kafkanative.jmeter.plan.PartitionList;
import io.kafkanative.jmeter.results.ConsumeResultMapper;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.SampleText;

public class ConsumeResultMapperTest {
  @Test
  public void cleanPollIsOneSuccessfulSampleOfItsMessages() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeResultMapper.apply(Outcomes.consumed(250, 0, 0, 0, null), false, 1000, true, "orders", result);
    assertTrue(result.isSuccessful());
    assertEquals(250, result.getSampleCount());
    assertEquals(0, result.getErrorCount());
    assertEquals("250 messages consumed", result.getResponseMessage());
  }

  @Test
  public void aProcessorsSampleSaysWhatItForwarded() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeResultMapper.apply(Outcomes.processed(250, 250, 12_400), false, 1000, true, "in", result);
    assertTrue(result.isSuccessful());
    assertEquals("250 messages consumed, 250 forwarded in 12 ms", result.getResponseMessage());
  }

  @Test
  public void sequenceFindingsFailTheSampleAndCountAsErrors() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeOutcome outcome = Outcomes.consumed(100, 2, 1, 0, "gap at partition 0 offset 5");
    ConsumeResultMapper.apply(outcome, false, 1000, true, "orders", result);
    assertFalse(result.isSuccessful());
    assertEquals(3, result.getErrorCount());
    assertEquals("SEQUENCE_CHECK", result.getResponseCode());
    assertEquals(
        "2 missing, 1 duplicates, 0 reordered; first: gap at partition 0 offset 5",
        result.getResponseMessage());
  }

  @Test
  public void valuesThatDoNotDecodeFailTheSampleAndCountAsErrors() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeResultMapper.apply(
        Outcomes.undecodable(100, 3, "partition 1 offset 7: schema id 9: HTTP 404"),
        false, 1000, true, "orders", result);
    assertFalse(result.isSuccessful());
    assertEquals(3, result.getErrorCount());
    assertEquals("UNDECODABLE", result.getResponseCode());
    assertEquals(
        "3 of 100 values do not decode; first: partition 1 offset 7: schema id 9: HTTP 404",
        result.getResponseMessage());
  }

  @Test
  public void anEmptyPollFailsOnlyWhenAskedTo() {
    KafkaSampleResult lenient = new KafkaSampleResult();
    ConsumeResultMapper.apply(Outcomes.consumed(0, 0, 0, 0, null), false, 500, true, "orders", lenient);
    assertTrue(lenient.isSuccessful());
    KafkaSampleResult strict = new KafkaSampleResult();
    ConsumeResultMapper.apply(Outcomes.consumed(0, 0, 0, 0, null), true, 500, true, "orders", strict);
    assertFalse(strict.isSuccessful());
    assertEquals("NO_MESSAGES", strict.getResponseCode());
    assertEquals("no message within 500 ms", strict.getResponseMessage());
  }

  @Test
  public void partitionListParsesOffsetsAndRefusesNonsense() {
    assertEquals(3, PartitionList.parse("orders:0\norders:1:beginning, orders:2:42").size());
    try {
      PartitionList.parse("orders:x");
      org.junit.Assert.fail("expected KafkaNativeException");
    } catch (io.kafkanative.jmeter.core.KafkaNativeException e) {
      assertEquals(
          "partitions: 'orders:x' is not topic:partition[:offset|beginning|end|stored]",
          e.getMessage());
    }
  }

  @Test
  public void countingSamplesMakesAPollOneSample() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeOutcome outcome = Outcomes.consumed(100, 2, 1, 0, "gap at partition 0 offset 5");
    ConsumeResultMapper.apply(outcome, false, 1000, false, "orders", result);
    assertEquals(1, result.getSampleCount());
    assertEquals(1, result.getErrorCount());
  }

  @Test
  public void requestTextNamesTheTopicsAndTheFindings() {
    KafkaSampleResult result = new KafkaSampleResult();
    ConsumeOutcome outcome = Outcomes.consumed(100, 2, 1, 0, "gap at partition 0 offset 5");
    ConsumeResultMapper.apply(outcome, false, 1000, true, "orders", result);
    String request = result.getSamplerData();
    assertTrue(request, request.startsWith("Topics: orders\nMessages: 100 consumed"));
    assertTrue(
        request,
        request.contains("2 missing, 1 duplicated, 0 reordered; first: gap at partition 0 offset 5"));
  }

  @Test
  public void responseDataShowsTheLastMessageCutToSize() {
    ConsumeOutcome outcome =
        Outcomes.withLastMessage(3, "order-7", "{\"id\": 7, \"total\": 1", "source=shop\n", 4096);
    String response = SampleText.ofLastMessage(outcome, 20);
    assertEquals(
        "Last message of 3 consumed\nKey: order-7\nHeaders:\nsource=shop\n"
            + "Value: {\"id\": 7, \"total\": 1\nValue cut: first 20 of 4096 bytes shown\n",
        response);
  }
}
