package io.kafkanative.jmeter;

/** GUI description of {@link KafkaEngineSummarySampler}; labels live in its resource bundle. */
public class KafkaEngineSummarySamplerBeanInfo extends KafkaBeanInfo {
  public KafkaEngineSummarySamplerBeanInfo() {
    super(KafkaEngineSummarySampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    required(property("connectionName"), "kafka");
  }
}
