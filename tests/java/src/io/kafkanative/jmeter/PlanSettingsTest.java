package io.kafkanative.jmeter;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;
import java.util.Locale;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.BeforeClass;
import org.junit.Test;
import io.kafkanative.jmeter.plan.PlanVariables;

/** Which plan texts can change between iterations, and what the elements' GUI shows. */
public class PlanSettingsTest {
  /** The elements' GUI descriptions read their labels in JMeter's locale. */
  @BeforeClass
  public static void jmeterLocale() {
    JMeterUtils.setLocale(Locale.ENGLISH);
  }

  @Test
  public void jmeterPropertiesAreFixedForTheRun() {
    assertFalse(PlanVariables.varies("${__P(kafka.topic,quickstart)}"));
    assertFalse(PlanVariables.varies("prefix-${__property(kafka.topic)}-${__P(x,)}"));
    assertFalse(PlanVariables.varies("plain text"));
  }

  @Test
  public void variablesAndOtherFunctionsVary() {
    assertTrue(PlanVariables.varies("${topic}"));
    assertTrue(PlanVariables.varies("${__Random(1,9)}"));
    assertTrue(PlanVariables.varies("${__P(kafka.topic,${fallback})}"));
    assertTrue(PlanVariables.varies("${__P(kafka.topic,q)}-${suffix}"));
  }

  @Test
  public void longTooltipsWrapAndAreEscaped() {
    String text = "a <b> & c " + new String(new char[100]).replace('\0', 'x');
    String wrapped = KafkaBeanInfo.wrapped(text);
    assertTrue(wrapped, wrapped.startsWith("<html><body style='width: 420px'>a &lt;b&gt; &amp; c"));
    assertEquals("short", KafkaBeanInfo.wrapped("short"));
  }

  @Test
  public void targetRateIsEmptyOrANumber() {
    assertEquals(0.0, KafkaProducerSampler.rate(" "), 0);
    assertEquals(2500.5, KafkaProducerSampler.rate("2500.5"), 0);
    try {
      KafkaProducerSampler.rate("fast");
      org.junit.Assert.fail("expected KafkaNativeException");
    } catch (io.kafkanative.jmeter.core.KafkaNativeException e) {
      assertEquals("_INVALID_ARG", e.getErrorName());
    }
  }

  @Test
  public void theGuiShowsEmptyRatesBrowseButtonsWrappedTooltipsAndTheCountingChoice()
      throws Exception {
    PropertyDescriptor rate = descriptor(KafkaProducerSampler.class, "targetRate");
    assertEquals("", rate.getValue(GenericTestBeanCustomizer.DEFAULT));
    assertTrue(descriptor(KafkaProducerSampler.class, "valueTemplate")
        .getShortDescription().startsWith("<html>"));
    assertTrue(descriptor(KafkaConnection.class, "faultSchedule")
        .getShortDescription().contains("AT leader TOPIC PARTITION BROKER"));
    for (String file : new String[] {"summaryFile", "statisticsFile"}) {
      assertEquals( // what BeanInfoSupport.property(name, TypeEditor) records
          org.apache.jmeter.testbeans.gui.TypeEditor.FileEditor,
          descriptor(KafkaConnection.class, file).getValue("guiType"));
    }
    for (Class<?> sampler : new Class<?>[] {KafkaProducerSampler.class, KafkaConsumerSampler.class}) {
      assertArrayEquals(
          AbstractKafkaSampler.SAMPLE_COUNTS,
          (String[]) descriptor(sampler, "sampleCounts").getValue(GenericTestBeanCustomizer.TAGS));
    }
  }

  private static PropertyDescriptor descriptor(Class<?> element, String name) throws Exception {
    for (PropertyDescriptor property : Introspector.getBeanInfo(element).getPropertyDescriptors()) {
      if (property.getName().equals(name)) {
        return property;
      }
    }
    throw new AssertionError(element.getSimpleName() + " has no property " + name);
  }

  @Test
  public void embeddedBootstrapsAreRecognisedForTheRemoteEngineWarning() {
    assertTrue(KafkaConnection.isEmbedded(""));
    assertTrue(KafkaConnection.isEmbedded(" embedded "));
    assertTrue(KafkaConnection.isEmbedded("embedded:5"));
    assertFalse(KafkaConnection.isEmbedded("127.0.0.1:9092"));
  }

  @Test
  public void theEngineTagNamesHostAndProcessForAFileName() {
    String tag = KafkaConnection.engineTag();
    assertTrue(tag, tag.matches("[A-Za-z0-9._-]+-[0-9]+"));
  }
}
