package io.kafkanative.jmeter;

import org.apache.jmeter.samplers.AbstractSampler;
import org.apache.jmeter.samplers.Entry;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.testbeans.TestBean;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.engines.EngineSummaryResult;
import io.kafkanative.jmeter.plan.FieldDefaults;

/**
 * Sampler "Kafka Engine Summary", for a tearDown Thread Group: on a jmeter-server engine it
 * sends the engine's native summary of a Kafka Connection to the controller as one sample, and
 * the controller's Kafka Summary listener writes it to a file of that engine's. The controller
 * so collects every engine's summary (with its mergeable histograms) through JMeter's own
 * result stream, without access to the engines' disks. tearDown groups start once every other
 * thread has ended, so the summary is complete. Where the test is not remote it records no
 * sample: the Kafka Connection's summary file is on this machine already.
 */
public class KafkaEngineSummarySampler extends AbstractSampler implements TestBean {
  private static final long serialVersionUID = 1L;

  private String connectionName = "kafka";

  public KafkaEngineSummarySampler() {
    FieldDefaults.set(this);
  }

  @Override
  public SampleResult sample(Entry entry) {
    if (!ConnectionRegistry.isRemote(connectionName)) {
      return null; // JMeter records no sample for a sampler that returns none
    }
    EngineSummaryResult result = new EngineSummaryResult();
    result.setSampleLabel(getName());
    result.sampleStart();
    try {
      result.setSummary(
          KafkaConnection.engineTag(), ConnectionRegistry.lookup(connectionName).summaryJson());
      result.setSuccessful(true);
      result.setResponseCodeOK();
      result.setResponseMessage("summary of Kafka Connection '" + connectionName + "'");
    } catch (RuntimeException e) { // no such connection, or it did not open
      result.setSuccessful(false);
      result.setResponseCode("_FAIL");
      result.setResponseMessage(e.getMessage());
    } finally {
      result.sampleEnd();
    }
    return result;
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }
}
