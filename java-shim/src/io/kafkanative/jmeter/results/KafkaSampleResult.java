package io.kafkanative.jmeter.results;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;
import org.apache.jmeter.samplers.SampleResult;

/**
 * A sample of N messages whose error count is the number of failed messages. JMeter's own
 * {@code SampleResult} counts a failed sample as one error whatever its sample count, which
 * would report 1 failed message in 100 and 100 in 100 alike; listeners (summary, aggregate
 * report, dashboard, CSV ErrorCount) all read {@link #getErrorCount()}.
 *
 * <p>Its sampler data (the request text of View Results Tree) is built when first read: almost
 * no sample is ever looked at, and a sample of one message must not pay for a page of text.
 */
public class KafkaSampleResult extends SampleResult {
  private static final long serialVersionUID = 1L;

  private int failedMessages;
  private transient Supplier<String> samplerText;

  @Override
  public int getErrorCount() {
    return isSuccessful() ? 0 : Math.max(1, failedMessages);
  }

  @Override
  public void setErrorCount(int errors) {
    failedMessages = errors;
  }

  /** The sampler data, to be built from {@code text} when someone reads it. */
  void setSamplerText(Supplier<String> text) {
    samplerText = text;
  }

  @Override
  public String getSamplerData() {
    buildSamplerData();
    return super.getSamplerData();
  }

  private void buildSamplerData() {
    Supplier<String> text = samplerText;
    if (text != null) {
      samplerText = null;
      setSamplerData(text.get());
    }
  }

  /** A result sent to a remote controller takes its text along. */
  private void writeObject(ObjectOutputStream out) throws IOException {
    buildSamplerData();
    out.defaultWriteObject();
  }
}
