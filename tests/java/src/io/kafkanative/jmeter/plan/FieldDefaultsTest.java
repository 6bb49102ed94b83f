package io.kafkanative.jmeter.plan;

import static org.junit.Assert.assertEquals;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.util.Locale;
import org.apache.jmeter.testbeans.TestBeanHelper;
import org.apache.jmeter.testbeans.gui.GenericTestBeanCustomizer;
import org.apache.jmeter.testelement.TestElement;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.BeforeClass;
import org.junit.Test;
import io.kafkanative.jmeter.KafkaConnection;
import io.kafkanative.jmeter.KafkaConsumerGroupLagSampler;
import io.kafkanative.jmeter.KafkaConsumerSampler;
import io.kafkanative.jmeter.KafkaEngineSummarySampler;
import io.kafkanative.jmeter.KafkaProcessorSampler;
import io.kafkanative.jmeter.KafkaProducerSampler;

/**
 * Every element field a plan leaves out takes its documented default: elements made as
 * JMeter's plan loader makes them (the no-argument constructor, then only the properties the
 * plan has), prepared by JMeter's own TestBeanHelper as before every sample.
 */
public class FieldDefaultsTest {
  private static final Class<?>[] ELEMENTS = {
    KafkaConnection.class, KafkaProducerSampler.class, KafkaConsumerSampler.class,
    KafkaProcessorSampler.class, KafkaConsumerGroupLagSampler.class,
    KafkaEngineSummarySampler.class
  };

  @BeforeClass
  public static void jmeterLocale() {
    JMeterUtils.setLocale(Locale.ENGLISH);
  }

  @Test
  public void everyFieldAPlanLeavesOutTakesItsDocumentedDefault() throws Exception {
    int checked = 0;
    for (Class<?> type : ELEMENTS) {
      TestElement element = (TestElement) type.getDeclaredConstructor().newInstance();
      TestBeanHelper.prepare(element);
      for (PropertyDescriptor field : Introspector.getBeanInfo(type).getPropertyDescriptors()) {
        Object documented = field.getValue(GenericTestBeanCustomizer.DEFAULT);
        if (documented == null || TestBeanHelper.isDescriptorIgnored(field)) {
          continue;
        }
        Object value = field.getReadMethod().invoke(element);
        assertEquals(type.getSimpleName() + "." + field.getName(),
            String.valueOf(documented), String.valueOf(value));
        checked++;
      }
    }
    assertEquals("fields with a documented default", true, checked > 60);
  }

  @Test
  public void aFieldThePlanHasKeepsItsValue() {
    KafkaConnection connection = new KafkaConnection();
    connection.setProperty("deliveryTimeoutMs", "5000");
    connection.setProperty("acks", "1");
    TestBeanHelper.prepare(connection);
    assertEquals(5000, connection.getDeliveryTimeoutMs());
    assertEquals("1", connection.getAcks());
  }
}
