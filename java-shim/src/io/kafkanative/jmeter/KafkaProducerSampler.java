package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeProducer;
import io.kafkanative.jmeter.core.ProduceOutcome;
import java.util.Arrays;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.ThreadListener;

/**
 * Sampler "Kafka Producer": each sample sends N messages through the native core and waits
 * for their delivery reports. Messages are built natively from templates, so a sample costs one
 * JNI crossing whatever N is. Each JMeter thread has its own clone and so its own session.
 */
public class KafkaProducerSampler extends AbstractSampler implements TestBean, ThreadListener {
  private static final long serialVersionUID = 1L;

  private String connectionName = "kafka";
  private String topic = "";
  private String keyTemplate = "";
  private String valueTemplate = "message-{{seq}}";
  private int valueSize = 0;
  private int messagesPerSample = 1;

  private transient NativeProducer producer;
  /** The settings {@link #producer} was opened with; JMeter variables may change them. */
  private transient String[] producerSettings;
  private final transient ProduceOutcome outcome = new ProduceOutcome();

  @Override
  public SampleResult sample(Entry entry) {
    KafkaSampleResult result = new KafkaSampleResult();
    result.setSampleLabel(getName());
    result.sampleStart();
    try {
      producer().produce(messagesPerSample, outcome);
    } catch (KafkaNativeException e) {
      failBeforeSending(e.getErrorName(), e.getMessage());
    } catch (RuntimeException e) { // IllegalStateException from a closed session, and the like
      failBeforeSending("_FAIL", e.toString());
    } finally {
      result.sampleEnd();
    }
    ProduceResultMapper.apply(outcome, result);
    return result;
  }

  private void failBeforeSending(String name, String message) {
    outcome.setCounts(Math.max(messagesPerSample, 1), 0, 0, 0, 0, 0, 0);
    outcome.setError(name, message);
  }

  private NativeProducer producer() {
    String[] settings = {
      connectionName, topic, keyTemplate, valueTemplate, Integer.toString(valueSize)
    };
    if (producer == null || !Arrays.equals(settings, producerSettings)) {
      closeProducer();
      producer =
          ConnectionRegistry.lookup(connectionName)
              .openProducer(topic, keyTemplate, valueTemplate, valueSize);
      producerSettings = settings;
    }
    return producer;
  }

  private void closeProducer() {
    if (producer != null) {
      producer.close();
      producer = null;
    }
  }

  /** Connection settings are never merged into the sampler: it finds its connection by name. */
  @Override
  public boolean applies(ConfigTestElement configElement) {
    return false;
  }

  @Override
  public void threadStarted() {}

  @Override
  public void threadFinished() {
    closeProducer();
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getKeyTemplate() {
    return keyTemplate;
  }

  public void setKeyTemplate(String keyTemplate) {
    this.keyTemplate = keyTemplate;
  }

  public String getValueTemplate() {
    return valueTemplate;
  }

  public void setValueTemplate(String valueTemplate) {
    this.valueTemplate = valueTemplate;
  }

  public int getValueSize() {
    return valueSize;
  }

  public void setValueSize(int valueSize) {
    this.valueSize = valueSize;
  }

  public int getMessagesPerSample() {
    return messagesPerSample;
  }

  public void setMessagesPerSample(int messagesPerSample) {
    this.messagesPerSample = messagesPerSample;
  }
}
