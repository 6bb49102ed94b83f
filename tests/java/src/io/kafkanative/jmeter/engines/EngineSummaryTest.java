package io.kafkanative.jmeter.engines;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.apache.jmeter.samplers.SampleEvent;
import org.apache.jmeter.samplers.SampleResult;
import org.apache.jmeter.util.JMeterUtils;
import org.junit.BeforeClass;
import org.junit.Test;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.engines.EngineSummaryResult;
import io.kafkanative.jmeter.KafkaEngineSummarySampler;
import io.kafkanative.jmeter.KafkaSummary;

/**
 * An engine's summary on its way to the controller of a distributed test: sent only from a
 * remote engine, surviving JMeter's stripping of response data and serialization, written by
 * the controller's Kafka Summary listener under a file name it makes safe.
 */
public class EngineSummaryTest {
  private static File folder;

  @BeforeClass
  public static void jmeterProperties() throws Exception {
    folder = Files.createTempDirectory("engine-summaries").toFile();
    File properties = new File(folder, "jmeter.properties");
    Files.write(properties.toPath(), new byte[0]);
    JMeterUtils.loadJMeterProperties(properties.getPath());
    JMeterUtils.setProperty("kafka.summaries.dir", folder.getPath());
  }

  @Test
  public void aLocalTestRecordsNoSummarySample() {
    KafkaEngineSummarySampler sampler = new KafkaEngineSummarySampler();
    sampler.setConnectionName("local-only");
    assertNull(sampler.sample(null));
  }

  @Test
  public void aRemoteEngineWithoutItsConnectionSendsAFailedSampleSayingWhy() {
    KafkaEngineSummarySampler sampler = new KafkaEngineSummarySampler();
    sampler.setName("Kafka Engine Summary");
    sampler.setConnectionName("missing");
    ConnectionRegistry.markRemote("missing");
    try {
      SampleResult result = sampler.sample(null);
      assertFalse(result.isSuccessful());
      assertTrue(result.getResponseMessage(), result.getResponseMessage().contains("'missing'"));
    } finally {
      ConnectionRegistry.unregister("missing");
    }
    assertFalse(ConnectionRegistry.isRemote("missing"));
  }

  @Test
  public void theControllerWritesTheSummaryThatCameOverTheNetwork() throws Exception {
    String json = "{\"engine\":\"engine-a:42\",\"acked\":7}";
    EngineSummaryResult sent = new EngineSummaryResult();
    sent.setSummary("engine-a/../x:42", json);
    sent.setSuccessful(true);
    sent.setResponseData(new byte[0]); // what JMeter's default StrippedBatch sender does
    new KafkaSummary().sampleOccurred(new SampleEvent(overTheNetwork(sent), "Engines"));

    File written = new File(folder, "summary-engine-a_.._x_42.json");
    assertTrue(written + " missing", written.isFile());
    assertEquals(json, new String(Files.readAllBytes(written.toPath()), StandardCharsets.UTF_8));
  }

  @Test
  public void otherSamplesAndFailedSummariesWriteNothing() {
    EngineSummaryResult failed = new EngineSummaryResult();
    failed.setSummary("engine-b-1", "{}");
    failed.setSuccessful(false);
    KafkaSummary listener = new KafkaSummary();
    listener.sampleOccurred(new SampleEvent(failed, "Engines"));
    listener.sampleOccurred(new SampleEvent(new SampleResult(), "Engines"));
    assertFalse(new File(folder, "summary-engine-b-1.json").exists());
  }

  private static SampleResult overTheNetwork(SampleResult result) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(result);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (SampleResult) in.readObject();
    }
  }
}
