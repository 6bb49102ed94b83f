package io.kafkanative.jmeter;

import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.ThreadListener;

/**
 * What the Kafka samplers share: they find their Kafka Connection by name, and each JMeter
 * thread's clone owns a native session that it closes when the thread ends.
 */
public abstract class AbstractKafkaSampler extends AbstractSampler implements TestBean, ThreadListener {
  private static final long serialVersionUID = 1L;

  private String connectionName = "kafka";

  /** Closes this thread's native session, if open. */
  protected abstract void closeSession();

  /** Connection settings are never merged into the sampler: it finds its connection by name. */
  @Override
  public boolean applies(ConfigTestElement configElement) {
    return false;
  }

  @Override
  public void threadStarted() {}

  @Override
  public void threadFinished() {
    closeSession();
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }
}
