package io.kafkanative.jmeter;

/** GUI description of {@link KafkaConsumerGroupLagSampler}; labels in its resource bundle. */
public class KafkaConsumerGroupLagSamplerBeanInfo extends KafkaBeanInfo {
  public KafkaConsumerGroupLagSamplerBeanInfo() {
    super(KafkaConsumerGroupLagSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup("group", new String[] {"groupId", "topics"});
    createPropertyGroup("reading", new String[] {"intervalMs", "timeoutMs"});
    required(property("connectionName"), "kafka");
    required(property("groupId"), "");
    required(property("topics"), "");
    required(property("intervalMs"), Long.valueOf(1000));
    required(property("timeoutMs"), Long.valueOf(5000));
    resultsGroup();
  }
}
