package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.ConsumerConfig;
import org.apache.jmeter.threads.JMeterContextService;

/**
 * Sampler "Kafka Processor": consume → transform → produce, natively. Each sample polls up to
 * N messages of its input topics and sends each on to the output topic (key, headers and
 * partition kept, value from a template that may quote {@code {{input}}}); the group's offsets
 * move past the inputs only once their outputs are acknowledged (at least once) or in the same
 * transaction (exactly once). It stands in for a stream application in pipeline tests, or
 * simulates a processing stage.
 */
public class KafkaProcessorSampler extends KafkaConsumerSampler {
  private static final long serialVersionUID = 1L;

  private String outputTopic = "";
  private String outputValueTemplate = "";
  private boolean exactlyOnce = false;
  private boolean keepHeaders = true;

  @Override
  ConsumerConfig consumerConfig() {
    ConsumerConfig config = super.consumerConfig();
    config.outputTopic = outputTopic.trim();
    if (config.outputTopic.isEmpty()) {
      throw new IllegalArgumentException("output topic: must not be empty");
    }
    config.outputValueTemplate = outputValueTemplate;
    config.exactlyOnce = exactlyOnce;
    config.keepHeaders = keepHeaders;
    config.thread = JMeterContextService.getContext().getThreadNum();
    return config;
  }

  public String getOutputTopic() {
    return outputTopic;
  }

  public void setOutputTopic(String outputTopic) {
    this.outputTopic = setting(this.outputTopic, outputTopic);
  }

  public String getOutputValueTemplate() {
    return outputValueTemplate;
  }

  public void setOutputValueTemplate(String outputValueTemplate) {
    this.outputValueTemplate = setting(this.outputValueTemplate, outputValueTemplate);
  }

  public boolean isKeepHeaders() {
    return keepHeaders;
  }

  public void setKeepHeaders(boolean keepHeaders) {
    this.keepHeaders = setting(this.keepHeaders, keepHeaders);
  }

  public boolean isExactlyOnce() {
    return exactlyOnce;
  }

  public void setExactlyOnce(boolean exactlyOnce) {
    this.exactlyOnce = setting(this.exactlyOnce, exactlyOnce);
  }
}
