package io.kafkanative.jmeter;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

/** Which plan texts can change between iterations, and tooltips that wrap. */
public class PlanSettingsTest {
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
}
