package io.kafkanative.jmeter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import io.kafkanative.jmeter.core.ConsumerConfig;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.BeforeClass;
import org.junit.Test;

/** The Kafka Processor and Kafka Consumer Group Lag elements, without a cluster. */
public class PipelineElementsTest {
  @BeforeClass
  public static void jmeterLocale() {
    JMeterUtils.setLocale(Locale.ENGLISH);
  }

  @Test
  public void everyFieldTheGuiShowsHasItsLabel() throws Exception {
    for (Class<?> element :
        new Class<?>[] {KafkaProcessorSampler.class, KafkaConsumerGroupLagSampler.class}) {
      for (PropertyDescriptor property : Introspector.getBeanInfo(element).getPropertyDescriptors()) {
        if (!property.isHidden() && property.getWriteMethod() != null) {
          assertNotEquals(
              element.getSimpleName() + "." + property.getName() + " has no label",
              property.getName(),
              property.getDisplayName());
        }
      }
    }
  }

  @Test
  public void theProcessorCommitsByItselfSoTheConsumersCommitFieldIsHidden() throws Exception {
    for (PropertyDescriptor property :
        Introspector.getBeanInfo(KafkaProcessorSampler.class).getPropertyDescriptors()) {
      boolean consumerOnly =
          property.getName().equals("commitMode") || property.getName().equals("partitions");
      assertEquals(property.getName(), consumerOnly, property.isHidden());
    }
  }

  @Test
  public void theProcessorsSettingsCrossWithItsOutput() {
    KafkaProcessorSampler processor = new KafkaProcessorSampler();
    processor.setTopics("orders");
    processor.setOutputTopic(" enriched ");
    processor.setOutputValueTemplate("{{input}}!");
    processor.setKeepHeaders(false);
    processor.setExactlyOnce(true);
    processor.setStampsFrom("value");
    ConsumerConfig config = processor.consumerConfig();
    assertEquals("enriched", config.outputTopic);
    assertEquals("{{input}}!", config.outputValueTemplate);
    assertFalse(config.keepHeaders);
    assertTrue(config.exactlyOnce);
    assertEquals(ConsumerConfig.StampSource.VALUE, config.stampsFrom);
  }

  @Test(expected = IllegalArgumentException.class)
  public void aProcessorWithoutAnOutputTopicIsRefused() {
    KafkaProcessorSampler processor = new KafkaProcessorSampler();
    processor.setTopics("orders");
    processor.consumerConfig();
  }

  /** JMeter's Stop must not wait out a long reading interval. */
  @Test
  public void stopEndsTheWaitForTheNextReading() throws Exception {
    KafkaConsumerGroupLagSampler sampler = new KafkaConsumerGroupLagSampler();
    sampler.setName("lag");
    sampler.setConnectionName("no-such-connection");
    sampler.setGroupId("app");
    sampler.setTopics("orders");
    sampler.setIntervalMs(600_000);
    SampleResult first = sampler.sample(null); // no wait before the first reading
    assertFalse(first.isSuccessful());
    AtomicReference<SampleResult> second = new AtomicReference<SampleResult>();
    Thread waiting = new Thread(() -> second.set(sampler.sample(null)));
    waiting.start();
    Thread.sleep(200);
    assertTrue("the second reading did not wait for its interval", waiting.isAlive());
    sampler.interrupt();
    waiting.join(30_000);
    assertFalse("Stop did not end the wait", waiting.isAlive());
    assertFalse(second.get().isSuccessful());
  }
}
