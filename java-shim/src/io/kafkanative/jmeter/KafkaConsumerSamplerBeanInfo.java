package io.kafkanative.jmeter;


/** GUI description of {@link KafkaConsumerSampler}; labels live in its resource bundle. */
public class KafkaConsumerSamplerBeanInfo extends KafkaBeanInfo {
  public KafkaConsumerSamplerBeanInfo() {
    super(KafkaConsumerSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup(
        "subscription",
        new String[] {"topics", "partitions", "groupId", "autoOffsetReset", "commitMode"});
    createPropertyGroup(
        "polling", new String[] {"messagesPerSample", "pollTimeoutMs", "emptyIsFailure"});
    createPropertyGroup("stamps", new String[] {"stampsFrom"});
    createPropertyGroup("variables", new String[] {"variablePrefix", "responseBytes"});

    required(property("connectionName"), "kafka");
    required(property("topics"), "");
    required(property("partitions"), "");
    required(property("groupId"), "jmeter-kafka-native");
    choices(property("autoOffsetReset"), KafkaConsumerSampler.OFFSET_RESETS);
    choices(property("commitMode"), KafkaConsumerSampler.COMMIT_MODES);
    required(property("messagesPerSample"), Integer.valueOf(100));
    required(property("pollTimeoutMs"), Long.valueOf(1000));
    required(property("emptyIsFailure"), Boolean.FALSE);
    choices(property("stampsFrom"), KafkaConsumerSampler.STAMP_SOURCES);
    required(property("variablePrefix"), "");
    required(property("responseBytes"), Integer.valueOf(200));
    resultsGroup();
  }
}
