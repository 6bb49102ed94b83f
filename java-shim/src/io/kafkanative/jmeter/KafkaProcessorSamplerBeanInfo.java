package io.kafkanative.jmeter;

/**
 * GUI description of {@link KafkaProcessorSampler}: the consumer's input fields, then the
 * output. It commits by itself (after its outputs, or in their transaction) and always
 * subscribes as a group member, so the consumer's commit and partition fields are hidden.
 */
public class KafkaProcessorSamplerBeanInfo extends KafkaBeanInfo {
  public KafkaProcessorSamplerBeanInfo() {
    super(KafkaProcessorSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup("input", new String[] {"topics", "groupId", "autoOffsetReset"});
    createPropertyGroup(
        "output", new String[] {"outputTopic", "outputValueTemplate", "keepHeaders", "exactlyOnce"});
    required(property("connectionName"), "kafka");
    required(property("topics"), "");
    required(property("groupId"), "jmeter-kafka-processor");
    choices(property("autoOffsetReset"), KafkaConsumerSampler.OFFSET_RESETS);
    required(property("outputTopic"), "");
    required(property("outputValueTemplate"), "");
    required(property("keepHeaders"), Boolean.TRUE);
    required(property("exactlyOnce"), Boolean.FALSE);
    for (String hidden : new String[] {"partitions", "commitMode"}) {
      property(hidden).setHidden(true);
    }
    consumingGroups(500);
  }
}
