package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeConnection;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * Config element "Kafka Connection": where the cluster is and how to talk to it. Opens the
 * shared native client when the test starts (so configuration errors surface before the first
 * sample), registers it under its name for the samplers, and at test end flushes it, logs its
 * summary and optionally writes that summary to a JSON file.
 */
public class KafkaConnection extends ConfigTestElement implements TestBean, TestStateListener {
  private static final long serialVersionUID = 1L;
  private static final Logger LOG = LoggingManager.getLoggerForClass();

  private String connectionName = "kafka";
  private String bootstrapServers = "embedded";
  private String clientId = "jmeter-kafka-native";
  private long deliveryTimeoutMs = 30000;
  private long flushTimeoutMs = 10000;
  // Producer settings with a named field. Empty means librdkafka's default, which is also
  // what plans saved before a field existed get (JMeter sets missing properties to "").
  private String acks = "all";
  private String compression = "";
  private String lingerMs = "";
  private String batchSize = "";
  private boolean idempotence = false;
  private String maxInFlight = "";
  private String properties = "";
  private String summaryFile = "";

  private transient NativeConnection connection;

  @Override
  public void testStarted() {
    NativeLogForwarder.start();
    try {
      connection = new NativeConnection(bootstrapServers, librdkafkaProperties(), flushTimeoutMs);
      ConnectionRegistry.register(connectionName, connection);
      LOG.info("Kafka Connection '" + connectionName + "' opened to " + bootstrapServers);
    } catch (KafkaNativeException e) {
      ConnectionRegistry.registerFailure(connectionName, e);
      LOG.error("Kafka Connection '" + connectionName + "' cannot open: " + e.getMessage());
    }
  }

  @Override
  public void testStarted(String host) {
    testStarted();
  }

  @Override
  public void testEnded() {
    ConnectionRegistry.unregister(connectionName);
    if (connection != null) {
      String summary = connection.summaryJson();
      connection.close();
      connection = null;
      LOG.info("Kafka Connection '" + connectionName + "' summary: " + summary);
      writeSummary(summary);
    }
    NativeLogForwarder.stop();
  }

  @Override
  public void testEnded(String host) {
    testEnded();
  }

  /** The librdkafka properties: the named fields, then the free-form lines, which win. */
  Map<String, String> librdkafkaProperties() {
    Map<String, String> result = new LinkedHashMap<String, String>();
    result.put("client.id", clientId);
    result.put("message.timeout.ms", Long.toString(deliveryTimeoutMs));
    putIfSet(result, "acks", acks);
    putIfSet(result, "compression.type", compression);
    putIfSet(result, "linger.ms", lingerMs);
    putIfSet(result, "batch.size", batchSize);
    putIfSet(result, "max.in.flight.requests.per.connection", maxInFlight);
    if (idempotence) {
      result.put("enable.idempotence", "true");
    }
    result.putAll(PropertyLines.parse(properties, "librdkafka properties"));
    return result;
  }

  private static void putIfSet(Map<String, String> properties, String name, String value) {
    if (value != null && !value.trim().isEmpty()) {
      properties.put(name, value.trim());
    }
  }

  private void writeSummary(String summary) {
    if (summaryFile == null || summaryFile.trim().isEmpty()) {
      return;
    }
    File file = new File(summaryFile.trim());
    try (OutputStream out = new FileOutputStream(file)) {
      out.write(summary.getBytes(StandardCharsets.UTF_8));
      LOG.info("Kafka Connection '" + connectionName + "' summary written to " + file);
    } catch (IOException e) {
      LOG.error("cannot write Kafka summary file " + file + ": " + e);
    }
  }

  public String getConnectionName() {
    return connectionName;
  }

  public void setConnectionName(String connectionName) {
    this.connectionName = connectionName;
  }

  public String getBootstrapServers() {
    return bootstrapServers;
  }

  public void setBootstrapServers(String bootstrapServers) {
    this.bootstrapServers = bootstrapServers;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public long getDeliveryTimeoutMs() {
    return deliveryTimeoutMs;
  }

  public void setDeliveryTimeoutMs(long deliveryTimeoutMs) {
    this.deliveryTimeoutMs = deliveryTimeoutMs;
  }

  public long getFlushTimeoutMs() {
    return flushTimeoutMs;
  }

  public void setFlushTimeoutMs(long flushTimeoutMs) {
    this.flushTimeoutMs = flushTimeoutMs;
  }

  public String getAcks() {
    return acks;
  }

  public void setAcks(String acks) {
    this.acks = acks;
  }

  public String getCompression() {
    return compression;
  }

  public void setCompression(String compression) {
    this.compression = compression;
  }

  public String getLingerMs() {
    return lingerMs;
  }

  public void setLingerMs(String lingerMs) {
    this.lingerMs = lingerMs;
  }

  public String getBatchSize() {
    return batchSize;
  }

  public void setBatchSize(String batchSize) {
    this.batchSize = batchSize;
  }

  public boolean isIdempotence() {
    return idempotence;
  }

  public void setIdempotence(boolean idempotence) {
    this.idempotence = idempotence;
  }

  public String getMaxInFlight() {
    return maxInFlight;
  }

  public void setMaxInFlight(String maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  public String getProperties() {
    return properties;
  }

  public void setProperties(String properties) {
    this.properties = properties;
  }

  public String getSummaryFile() {
    return summaryFile;
  }

  public void setSummaryFile(String summaryFile) {
    this.summaryFile = summaryFile;
  }
}
