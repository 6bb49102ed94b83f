package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeHandle;
import io.kafkanative.jmeter.core.NativeProducer;
import io.kafkanative.jmeter.core.ProduceOutcome;
import io.kafkanative.jmeter.core.ProducerConfig;
import io.kafkanative.jmeter.core.SchemaConfig;
import org.apache.jmeter.threads.JMeterContextService;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.plan.PropertyLines;
import io.kafkanative.jmeter.results.KafkaSampleResult;
import io.kafkanative.jmeter.results.ProduceResultMapper;
import io.kafkanative.jmeter.results.SampleText;
import io.kafkanative.jmeter.results.SampleVariables;

/**
 * Sampler "Kafka Producer": each sample sends N messages built natively from templates, so a
 * sample costs one JNI crossing whatever N is. In "wait" mode the sample ends at the last
 * delivery report; in "track" mode it ends once the messages are queued, and their deliveries
 * are reported by the thread's following samples and, at thread end, in jmeter.log. Each
 * JMeter thread has its own clone and so its own native session.
 */
public class KafkaProducerSampler extends AbstractKafkaSampler {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggingManager.getLoggerForClass();

  static final String[] PARTITIONING = {"default", "fixed", "round-robin", "by-key"};
  static final String[] DELIVERY_MODES = {"wait", "track"};
  static final String[] RATE_SCOPES = {"sampler", "thread group"};
  static final String[] PAYLOAD_ORDERS = {"cycle", "random"};
  static final String[] PRODUCER_SCOPES = {"shared", "per thread"};
  /** Key and value formats, in SchemaConfig.Format's order. */
  static final String[] FORMATS = {"string", "avro", "protobuf", "json-schema"};
  /** Subject naming strategies, in SchemaConfig.SubjectStrategy's order. */
  static final String[] SUBJECT_STRATEGIES = {"topic name", "record name", "topic and record name"};

  private String topic = "";
  private String keyTemplate = "";
  private String valueTemplate = "message-{{seq}}";
  private int valueSize = 0;
  private String payloadFile = "";
  private String payloadOrder = PAYLOAD_ORDERS[0];
  private String headers = "";
  private String valueFormat = FORMATS[0];
  private String valueSchemaFile = "";
  private String keyFormat = FORMATS[0];
  private String keySchemaFile = "";
  private String subjectStrategy = SUBJECT_STRATEGIES[0];
  private String valueSubject = "";
  private String keySubject = "";
  private String schemaVersion = "latest";
  private String valueMessageName = "";
  private String keyMessageName = "";
  private String schemaFolders = "";
  private boolean stampHeaders = false;
  private String partitioning = PARTITIONING[0];
  private int partition = 0;
  private int messagesPerSample = 1;
  private String deliveryMode = DELIVERY_MODES[0];
  private String producerScope = PRODUCER_SCOPES[0];
  /** Text, so an unset rate shows empty in the GUI, not 0.0. */
  private String targetRate = "";
  private String rateScope = RATE_SCOPES[0];

  private transient volatile NativeProducer producer;
  /** The settings {@link #producer} was opened with; JMeter variables may change them. */
  private transient String producerIdentity;
  private transient boolean tracked;
  private transient boolean countMessages = true;
  private transient boolean variablesWanted;
  /** The open session's templates, as sampler data shows them. */
  private transient String messages = "";
  private final transient ProduceOutcome outcome = new ProduceOutcome();

  @Override
  protected NativeHandle session() {
    return producer;
  }

  @Override
  protected void openSession() {
    producer();
  }

  @Override
  protected void runNative() {
    producer.produce(messagesPerSample, outcome);
  }

  @Override
  protected void fillResult(KafkaSampleResult result) {
    ProduceResultMapper.apply(outcome, tracked, countMessages, topic, messages, result);
    if (variablesWanted) {
      SampleVariables.produced(outcome);
    }
  }

  @Override
  protected void recordFailure(String name, String message) {
    outcome.setCounts(Math.max(messagesPerSample, 1), 0, 0, 0);
    outcome.setError(name, message);
  }

  /**
   * This thread's session, reopened when a setting changed (only then is the configuration
   * rebuilt: the one-message sample must not pay for it every time).
   */
  private NativeProducer producer() {
    boolean changed = takeSettingsChanged();
    if (producer != null && !changed) {
      return producer;
    }
    countMessages = countsMessages();
    variablesWanted = SampleVariables.wanted();
    ProducerConfig config = producerConfig();
    String identity = getConnectionName() + '\n' + config.identity();
    if (producer == null || !identity.equals(producerIdentity)) {
      closeSession();
      producer = ConnectionRegistry.lookup(getConnectionName()).openProducer(config);
      producerIdentity = identity;
      messages = SampleText.ofMessages(config);
      tracked = config.mode == ProducerConfig.DeliveryMode.TRACK;
    }
    return producer;
  }

  ProducerConfig producerConfig() {
    ProducerConfig config = new ProducerConfig();
    config.topic = topic;
    config.keyTemplate = keyTemplate;
    config.valueTemplate = valueTemplate;
    config.valueSize = valueSize;
    config.payloadFile = payloadFile == null ? "" : payloadFile.trim();
    config.payloadRandom = choice("payload order", payloadOrder, PAYLOAD_ORDERS) == 1;
    config.headers = PropertyLines.parse(headers, "headers");
    config.valueSchema =
        schemaConfig("value", valueFormat, valueSchemaFile, valueSubject, subjectStrategy, schemaVersion);
    config.valueSchema.messageName = trimmed(valueMessageName);
    config.keySchema =
        schemaConfig("key", keyFormat, keySchemaFile, keySubject, subjectStrategy, schemaVersion);
    config.keySchema.messageName = trimmed(keyMessageName);
    config.valueSchema.schemaFolders = folders(schemaFolders);
    config.keySchema.schemaFolders = config.valueSchema.schemaFolders;
    config.stampHeaders = stampHeaders;
    config.partitioning =
        ProducerConfig.Partitioning.values()[choice("partitioning", partitioning, PARTITIONING)];
    config.partition = partition;
    config.mode =
        ProducerConfig.DeliveryMode.values()[choice("delivery mode", deliveryMode, DELIVERY_MODES)];
    config.dedicatedClient = choice("producer scope", producerScope, PRODUCER_SCOPES) == 1;
    config.ratePerSecond = rate(targetRate);
    config.rateGroup =
        choice("rate scope", rateScope, RATE_SCOPES) == 0
            ? "sampler:" + getName()
            : "thread group:" + JMeterContextService.getContext().getThreadGroup().getName();
    config.statsName = getName();
    config.thread = JMeterContextService.getContext().getThreadNum();
    return config;
  }

  /** Messages per second; empty: no target rate. */
  static double rate(String text) {
    String value = text == null ? "" : text.trim();
    if (value.isEmpty()) {
      return 0;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new KafkaNativeException(
          "_INVALID_ARG", "target rate: '" + value + "' is not a number of messages per second");
    }
  }

  /**
   * The index of {@code value} among {@code choices}; empty (a plan saved before the field
   * existed) means the first, the default. Anything else is a clear configuration error.
   */
  /** A key's or value's format and schema from the sampler's fields (`what`: key or value). */
  static SchemaConfig schemaConfig(
      String what, String format, String file, String subject, String strategy, String version) {
    SchemaConfig config = new SchemaConfig();
    config.format = SchemaConfig.Format.values()[choice(what + " format", format, FORMATS)];
    config.schemaFile = planRelative(file == null ? "" : file.trim());
    config.subject = subject == null ? "" : subject.trim();
    config.strategy =
        SchemaConfig.SubjectStrategy.values()[
            choice("subject strategy", strategy, SUBJECT_STRATEGIES)];
    config.version = version == null || version.trim().isEmpty() ? "latest" : version.trim();
    return config;
  }

  static String trimmed(String text) {
    return text == null ? "" : text.trim();
  }

  /** Comma-separated folders, each relative to the plan as a schema file is. */
  static java.util.List<String> folders(String text) {
    java.util.List<String> folders = new java.util.ArrayList<String>();
    for (String folder : trimmed(text).split(",")) {
      if (!folder.trim().isEmpty()) {
        folders.add(planRelative(folder.trim()));
      }
    }
    return folders;
  }

  /**
   * A relative path as JMeter users expect one (CSV Data Set does the same): beside the plan
   * file when it is there, else as given (relative to JMeter's working directory).
   */
  static String planRelative(String path) {
    if (path.isEmpty() || new java.io.File(path).isAbsolute()) {
      return path;
    }
    String base = org.apache.jmeter.services.FileServer.getFileServer().getBaseDir();
    java.io.File besidePlan = base == null ? null : new java.io.File(base, path);
    return besidePlan != null && besidePlan.exists() ? besidePlan.getPath() : path;
  }

  static int choice(String field, String value, String[] choices) {
    if (value == null || value.isEmpty()) {
      return 0;
    }
    for (int i = 0; i < choices.length; i++) {
      if (choices[i].equals(value)) {
        return i;
      }
    }
    throw new KafkaNativeException(
        "_INVALID_ARG",
        field + ": '" + value + "' is not one of " + java.util.Arrays.toString(choices));
  }

  /** Tracked messages still in flight are waited for and their failures logged, never lost. */
  @Override
  protected void closeSession() {
    if (producer == null) {
      return;
    }
    try {
      if (tracked) {
        ProduceOutcome last = new ProduceOutcome();
        producer.finish(last);
        logFinalDeliveries(last);
      }
    } catch (RuntimeException e) {
      LOG.error(getName() + ": final deliveries unknown: " + e);
    } finally {
      producer.close();
      producer = null;
    }
  }

  private void logFinalDeliveries(ProduceOutcome last) {
    String text =
        getName() + " at thread end: " + last.acked() + " acknowledged, " + last.failed()
            + " failed, " + last.inFlight() + " unreported";
    if (last.isSuccess() && last.inFlight() == 0) {
      LOG.info(text);
    } else {
      LOG.error(text + (last.errorMessage() != null ? "; " + last.errorMessage() : ""));
    }
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = setting(this.topic, topic);
  }

  public String getKeyTemplate() {
    return keyTemplate;
  }

  public void setKeyTemplate(String keyTemplate) {
    this.keyTemplate = setting(this.keyTemplate, keyTemplate);
  }

  public String getValueTemplate() {
    return valueTemplate;
  }

  public void setValueTemplate(String valueTemplate) {
    this.valueTemplate = setting(this.valueTemplate, valueTemplate);
  }

  public int getValueSize() {
    return valueSize;
  }

  public void setValueSize(int valueSize) {
    this.valueSize = setting(this.valueSize, valueSize);
  }

  public String getPayloadFile() {
    return payloadFile;
  }

  public void setPayloadFile(String payloadFile) {
    this.payloadFile = setting(this.payloadFile, payloadFile);
  }

  public String getPayloadOrder() {
    return payloadOrder;
  }

  public void setPayloadOrder(String payloadOrder) {
    this.payloadOrder = setting(this.payloadOrder, payloadOrder);
  }

  public String getHeaders() {
    return headers;
  }

  public void setHeaders(String headers) {
    this.headers = setting(this.headers, headers);
  }

  public boolean isStampHeaders() {
    return stampHeaders;
  }

  public void setStampHeaders(boolean stampHeaders) {
    this.stampHeaders = setting(this.stampHeaders, stampHeaders);
  }

  public String getPartitioning() {
    return partitioning;
  }

  public void setPartitioning(String partitioning) {
    this.partitioning = setting(this.partitioning, partitioning);
  }

  public int getPartition() {
    return partition;
  }

  public void setPartition(int partition) {
    this.partition = setting(this.partition, partition);
  }

  public int getMessagesPerSample() {
    return messagesPerSample;
  }

  public void setMessagesPerSample(int messagesPerSample) {
    this.messagesPerSample = setting(this.messagesPerSample, messagesPerSample);
  }

  public String getDeliveryMode() {
    return deliveryMode;
  }

  public void setDeliveryMode(String deliveryMode) {
    this.deliveryMode = setting(this.deliveryMode, deliveryMode);
  }

  public String getProducerScope() {
    return producerScope;
  }

  public void setProducerScope(String producerScope) {
    this.producerScope = setting(this.producerScope, producerScope);
  }

  public String getTargetRate() {
    return targetRate;
  }

  public void setTargetRate(String targetRate) {
    this.targetRate = setting(this.targetRate, targetRate);
  }

  public String getRateScope() {
    return rateScope;
  }

  public void setRateScope(String rateScope) {
    this.rateScope = setting(this.rateScope, rateScope);
  }

  public String getValueFormat() {
    return valueFormat;
  }

  public void setValueFormat(String valueFormat) {
    this.valueFormat = setting(this.valueFormat, valueFormat);
  }

  public String getValueSchemaFile() {
    return valueSchemaFile;
  }

  public void setValueSchemaFile(String valueSchemaFile) {
    this.valueSchemaFile = setting(this.valueSchemaFile, valueSchemaFile);
  }

  public String getKeyFormat() {
    return keyFormat;
  }

  public void setKeyFormat(String keyFormat) {
    this.keyFormat = setting(this.keyFormat, keyFormat);
  }

  public String getKeySchemaFile() {
    return keySchemaFile;
  }

  public void setKeySchemaFile(String keySchemaFile) {
    this.keySchemaFile = setting(this.keySchemaFile, keySchemaFile);
  }

  public String getSubjectStrategy() {
    return subjectStrategy;
  }

  public void setSubjectStrategy(String subjectStrategy) {
    this.subjectStrategy = setting(this.subjectStrategy, subjectStrategy);
  }

  public String getValueSubject() {
    return valueSubject;
  }

  public void setValueSubject(String valueSubject) {
    this.valueSubject = setting(this.valueSubject, valueSubject);
  }

  public String getKeySubject() {
    return keySubject;
  }

  public void setKeySubject(String keySubject) {
    this.keySubject = setting(this.keySubject, keySubject);
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

  public String getKeyMessageName() {
    return keyMessageName;
  }

  public void setKeyMessageName(String keyMessageName) {
    this.keyMessageName = setting(this.keyMessageName, keyMessageName);
  }

  public String getSchemaVersion() {
    return schemaVersion;
  }

  public void setSchemaVersion(String schemaVersion) {
    this.schemaVersion = setting(this.schemaVersion, schemaVersion);
  }
}
