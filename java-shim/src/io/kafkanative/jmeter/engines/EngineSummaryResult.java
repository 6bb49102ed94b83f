package io.kafkanative.jmeter.engines;

import java.nio.charset.StandardCharsets;
import org.apache.jmeter.samplers.SampleResult;

/**
 * One engine's native summary of a Kafka Connection, travelling to the controller of a
 * distributed test as a sample (see {@link io.kafkanative.jmeter.KafkaEngineSummarySampler}). The summary is the
 * sample's sampler data as well as its response: JMeter's default remote sample sender strips
 * successful samples' response data on the way, never their sampler data.
 */
public class EngineSummaryResult extends SampleResult {
  private static final long serialVersionUID = 1L;

  private String engine = "";

  /** The sending engine as a file-name part, "host-pid" (KafkaConnection.engineTag()). */
  public String getEngine() {
    return engine;
  }

  /** The summary JSON of the engine named {@code engineTag}. */
  public void setSummary(String engineTag, String json) {
    engine = engineTag;
    setSamplerData(json);
    setResponseData(json.getBytes(StandardCharsets.UTF_8));
    setDataType(TEXT);
    setContentType("application/json");
  }

  /** The summary JSON. */
  public String getSummary() {
    return getSamplerData();
  }
}
