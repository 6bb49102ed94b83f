package io.kafkanative.jmeter;

/** GUI description of {@link KafkaConsumerSampler}; labels live in its resource bundle. */
public class KafkaConsumerSamplerBeanInfo extends KafkaBeanInfo {
  public KafkaConsumerSamplerBeanInfo() {
    super(KafkaConsumerSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup(
        "subscription",
        new String[] {"topics", "partitions", "groupId", "autoOffsetReset", "commitMode"});
    required(property("connectionName"), "kafka");
    required(property("topics"), "");
    required(property("partitions"), "");
    required(property("groupId"), "jmeter-kafka-native");
    choices(property("autoOffsetReset"), KafkaConsumerSampler.OFFSET_RESETS);
    choices(property("commitMode"), KafkaConsumerSampler.COMMIT_MODES);
    consumingGroups(100);
  }
}
