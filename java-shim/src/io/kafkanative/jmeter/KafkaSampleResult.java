package io.kafkanative.jmeter;

import org.apache.jmeter.samplers.SampleResult;

/**
 * A sample of N messages whose error count is the number of failed messages. JMeter's own
 * {@code SampleResult} counts a failed sample as one error whatever its sample count, which
 * would report 1 failed message in 100 and 100 in 100 alike; listeners (summary, aggregate
 * report, dashboard, CSV ErrorCount) all read {@link #getErrorCount()}.
 */
public class KafkaSampleResult extends SampleResult {
  private static final long serialVersionUID = 1L;

  private int failedMessages;

  @Override
  public int getErrorCount() {
    return isSuccessful() ? 0 : Math.max(1, failedMessages);
  }

  @Override
  public void setErrorCount(int errors) {
    failedMessages = errors;
  }
}
