package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.ConsumeOutcome;
import io.kafkanative.jmeter.core.ConsumerConfig;
import io.kafkanative.jmeter.core.NativeConsumer;
import io.kafkanative.jmeter.core.NativeHandle;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jmeter.threads.JMeterVariables;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.plan.PartitionList;
import io.kafkanative.jmeter.results.ConsumeResultMapper;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.SampleText;
import io.kafkanative.jmeter.results.SampleVariables;

/**
 * Sampler "Kafka Consumer": each sample polls up to N messages natively, within a timeout. Each
 * JMeter thread is its own consumer, so a thread group of K threads with one group id is a
 * consumer group of K members. Measures end-to-end latency from the producers' stamps, lag,
 * and loss/duplicates/reordering from their sequence numbers.
 */
public class KafkaConsumerSampler extends AbstractKafkaSampler {
  private static final long serialVersionUID = 1L;

  static final String[] OFFSET_RESETS = {"earliest", "latest"};
  static final String[] COMMIT_MODES = {"auto", "sync", "async", "none"};
  static final String[] STAMP_SOURCES = {"headers", "value", "key"};

  private String topics = "";
  private String partitions = "";
  private String groupId = "jmeter-kafka-native";
  private String autoOffsetReset = OFFSET_RESETS[0];
  private String commitMode = COMMIT_MODES[0];
  private String stampsFrom = STAMP_SOURCES[0];
  private String valueFormat = KafkaProducerSampler.FORMATS[0];
  private String valueSchemaFile = "";
  private String valueMessageName = "";
  private String schemaFolders = "";
  private int messagesPerSample = 100;
  private long pollTimeoutMs = 1000;
  private boolean emptyIsFailure = false;
  private long topicWaitSeconds = 60;
  private String variablePrefix = "";
  private int responseBytes = 200;

  private transient volatile NativeConsumer consumer;
  /** The settings {@link #consumer} was opened with; JMeter variables may change them. */
  private transient String consumerIdentity;
  private transient boolean countMessages = true;
  private transient boolean variablesWanted;
  private final transient ConsumeOutcome outcome = new ConsumeOutcome();

  @Override
  protected NativeHandle session() {
    return consumer;
  }

  @Override
  protected void openSession() {
    consumer();
  }

  @Override
  protected void runNative() {
    consumer.consume(messagesPerSample, pollTimeoutMs, outcome);
  }

  @Override
  protected void recordFailure(String name, String message) {
    outcome.setError(name, message);
  }

  @Override
  protected void fillResult(KafkaSampleResult result) {
    ConsumeResultMapper.apply(outcome, emptyIsFailure, pollTimeoutMs, countMessages, topics, result);
    if (responseBytes > 0 && outcome.messages() > 0) {
      result.setResponseData(SampleText.ofLastMessage(outcome, responseBytes), "UTF-8");
    }
    storeLastMessage();
    if (variablesWanted) {
      SampleVariables.consumed(outcome);
    }
  }

  /** This thread's session, reopened when a setting changed (as the producer's is). */
  private NativeConsumer consumer() {
    boolean changed = takeSettingsChanged();
    if (consumer != null && !changed) {
      return consumer;
    }
    countMessages = countsMessages();
    variablesWanted = SampleVariables.wanted();
    ConsumerConfig config = consumerConfig();
    String identity = getConnectionName() + '\n' + config.identity();
    if (consumer == null || !identity.equals(consumerIdentity)) {
      closeSession();
      consumer = ConnectionRegistry.lookup(getConnectionName()).openConsumer(config);
      consumerIdentity = identity;
    }
    return consumer;
  }

  ConsumerConfig consumerConfig() {
    ConsumerConfig config = new ConsumerConfig();
    for (String topic : topics.split(",")) {
      if (!topic.trim().isEmpty()) {
        config.topics.add(topic.trim());
      }
    }
    config.assignments = PartitionList.parse(partitions);
    config.groupId = groupId.trim();
    config.autoOffsetReset =
        OFFSET_RESETS[KafkaProducerSampler.choice("auto offset reset", autoOffsetReset, OFFSET_RESETS)];
    config.commit =
        ConsumerConfig.CommitMode.values()[
            KafkaProducerSampler.choice("commit mode", commitMode, COMMIT_MODES)];
    config.stampsFrom =
        ConsumerConfig.StampSource.values()[
            KafkaProducerSampler.choice("stamps from", stampsFrom, STAMP_SOURCES)];
    config.valueSchema =
        KafkaProducerSampler.schemaConfig("value", valueFormat, valueSchemaFile, "", "", "");
    config.valueSchema.messageName = KafkaProducerSampler.trimmed(valueMessageName);
    config.valueSchema.schemaFolders = KafkaProducerSampler.folders(schemaFolders);
    config.topicWaitMillis = Math.max(0, topicWaitSeconds) * 1000;
    config.lastMessageBytes = !variablePrefix.trim().isEmpty() ? -1 : Math.max(0, responseBytes);
    config.statsName = getName();
    return config;
  }

  /** Only when asked, and only the poll's last message: never per message at high rate. */
  private void storeLastMessage() {
    String prefix = variablePrefix.trim();
    if (prefix.isEmpty() || outcome.messages() == 0) {
      return;
    }
    JMeterVariables variables = JMeterContextService.getContext().getVariables();
    variables.put(prefix + "_key", orEmpty(outcome.lastKey()));
    variables.put(prefix + "_value", orEmpty(outcome.lastValue()));
    variables.put(prefix + "_headers", orEmpty(outcome.lastHeaders()));
  }

  private static String orEmpty(String text) {
    return text == null ? "" : text;
  }

  @Override
  protected void closeSession() {
    if (consumer != null) {
      consumer.close();
      consumer = null;
    }
  }

  public int getResponseBytes() {
    return responseBytes;
  }

  public void setResponseBytes(int responseBytes) {
    this.responseBytes = setting(this.responseBytes, responseBytes);
  }

  public String getTopics() {
    return topics;
  }

  public void setTopics(String topics) {
    this.topics = setting(this.topics, topics);
  }

  public String getPartitions() {
    return partitions;
  }

  public void setPartitions(String partitions) {
    this.partitions = setting(this.partitions, partitions);
  }

  public String getGroupId() {
    return groupId;
  }

  public void setGroupId(String groupId) {
    this.groupId = setting(this.groupId, groupId);
  }

  public String getAutoOffsetReset() {
    return autoOffsetReset;
  }

  public void setAutoOffsetReset(String autoOffsetReset) {
    this.autoOffsetReset = setting(this.autoOffsetReset, autoOffsetReset);
  }

  public String getCommitMode() {
    return commitMode;
  }

  public void setCommitMode(String commitMode) {
    this.commitMode = setting(this.commitMode, commitMode);
  }

  public String getStampsFrom() {
    return stampsFrom;
  }

  public void setStampsFrom(String stampsFrom) {
    this.stampsFrom = setting(this.stampsFrom, stampsFrom);
  }

  public int getMessagesPerSample() {
    return messagesPerSample;
  }

  public void setMessagesPerSample(int messagesPerSample) {
    this.messagesPerSample = setting(this.messagesPerSample, messagesPerSample);
  }

  public long getPollTimeoutMs() {
    return pollTimeoutMs;
  }

  public void setPollTimeoutMs(long pollTimeoutMs) {
    this.pollTimeoutMs = setting(this.pollTimeoutMs, pollTimeoutMs);
  }

  public long getTopicWaitSeconds() {
    return topicWaitSeconds;
  }

  public void setTopicWaitSeconds(long topicWaitSeconds) {
    this.topicWaitSeconds = setting(this.topicWaitSeconds, topicWaitSeconds);
  }

  public boolean isEmptyIsFailure() {
    return emptyIsFailure;
  }

  public void setEmptyIsFailure(boolean emptyIsFailure) {
    this.emptyIsFailure = setting(this.emptyIsFailure, emptyIsFailure);
  }

  public String getVariablePrefix() {
    return variablePrefix;
  }

  public void setVariablePrefix(String variablePrefix) {
    this.variablePrefix = setting(this.variablePrefix, variablePrefix);
  }

  public String getValueFormat() {
    return valueFormat;
  }

  public void setValueFormat(String valueFormat) {
    this.valueFormat = setting(this.valueFormat, valueFormat);
  }

  public String getSchemaFolders() {
    return schemaFolders;
  }

  public void setSchemaFolders(String schemaFolders) {
    this.schemaFolders = setting(this.schemaFolders, schemaFolders);
  }

  public String getValueMessageName() {
    return valueMessageName;
  }

  public void setValueMessageName(String valueMessageName) {
    this.valueMessageName = setting(this.valueMessageName, valueMessageName);
  }

  public String getValueSchemaFile() {
    return valueSchemaFile;
  }

  public void setValueSchemaFile(String valueSchemaFile) {
    this.valueSchemaFile = setting(this.valueSchemaFile, valueSchemaFile);
  }
}
