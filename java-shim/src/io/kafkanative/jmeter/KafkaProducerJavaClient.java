package io.kafkanative.jmeter;

import java.beans.IntrospectionException;
import java.beans.PropertyDescriptor;
import org.apache.jmeter.config.Arguments;
import org.apache.jmeter.protocol.java.sampler.AbstractJavaSamplerClient;
import org.apache.jmeter.protocol.java.sampler.JavaSamplerContext;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.threads.JMeterContextService;
import io.kafkanative.jmeter.results.KafkaSampleResult;

/**
 * The Kafka Producer for plans built on JMeter's <i>Java Request</i> sampler: the parameters
 * are the Kafka Producer sampler's fields, with the same names and defaults, and every call is
 * delegated to a per-thread {@link KafkaProducerSampler}, so both behave the same.
 */
public class KafkaProducerJavaClient extends AbstractJavaSamplerClient {
  static final String[] PARAMETERS = {
    "connectionName", "topic", "keyTemplate", "valueTemplate", "valueSize", "payloadFile",
    "payloadOrder", "headers", "stampHeaders", "partitioning", "partition",
    "messagesPerSample", "deliveryMode", "producerScope", "targetRate", "rateScope"
  };

  private final KafkaProducerSampler sampler = new KafkaProducerSampler();

  @Override
  public Arguments getDefaultParameters() {
    KafkaProducerSampler defaults = new KafkaProducerSampler();
    Arguments arguments = new Arguments();
    for (String name : PARAMETERS) {
      arguments.addArgument(name, String.valueOf(invoke(descriptor(name), defaults, null)));
    }
    return arguments;
  }

  @Override
  public SampleResult runTest(JavaSamplerContext context) {
    sampler.setName(JMeterContextService.getContext().getCurrentSampler().getName());
    try {
      for (String name : PARAMETERS) {
        if (context.containsParameter(name)) {
          PropertyDescriptor property = descriptor(name);
          invoke(property, sampler, convert(property.getPropertyType(), context.getParameter(name)));
        }
      }
    } catch (NumberFormatException e) {
      KafkaSampleResult result = new KafkaSampleResult();
      result.setSampleLabel(sampler.getName());
      result.setSuccessful(false);
      result.setResponseCode("_INVALID_ARG");
      result.setResponseMessage("Java Request parameter: not a number: " + e.getMessage());
      return result;
    }
    return sampler.sample(null);
  }

  @Override
  public void teardownTest(JavaSamplerContext context) {
    sampler.threadFinished();
  }

  private static Object convert(Class<?> type, String text) {
    String value = text == null ? "" : text.trim();
    if (type == int.class) {
      return Integer.valueOf(value);
    }
    if (type == double.class) {
      return Double.valueOf(value);
    }
    if (type == boolean.class) {
      return Boolean.valueOf(value);
    }
    return text;
  }

  private static PropertyDescriptor descriptor(String name) {
    try {
      return new PropertyDescriptor(name, KafkaProducerSampler.class);
    } catch (IntrospectionException e) {
      throw new IllegalStateException("KafkaProducerSampler has no property " + name, e);
    }
  }

  /** Reads the property when {@code value} is null, else writes it. */
  private static Object invoke(PropertyDescriptor property, KafkaProducerSampler target, Object value) {
    try {
      return value == null
          ? property.getReadMethod().invoke(target)
          : property.getWriteMethod().invoke(target, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("KafkaProducerSampler." + property.getName(), e);
    }
  }
}
