package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeConnection;
import io.kafkanative.jmeter.core.NativeKafka;
import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.jmeter.config.ConfigTestElement;
import org.apache.jmeter.testbeans.TestBean;
import org.apache.jmeter.testelement.TestStateListener;
import org.apache.jmeter.util.JMeterUtils;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;
import io.kafkanative.jmeter.connection.ConnectionRegistry;
import io.kafkanative.jmeter.connection.NativeLogForwarder;
import io.kafkanative.jmeter.connection.PluginVersion;
import io.kafkanative.jmeter.engines.SummaryFile;
import io.kafkanative.jmeter.monitor.PrometheusEndpoint;
import io.kafkanative.jmeter.plan.FieldDefaults;
import io.kafkanative.jmeter.plan.PropertyLines;

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
  // Producer settings with a named field. Empty means librdkafka's default; a plan saved before
  // a field existed gets the field's default (FieldDefaults).
  private String acks = "all";
  private String compression = "";
  private String lingerMs = "";
  private String batchSize = "";
  private boolean idempotence = false;
  private String maxInFlight = "";
  // Security: passed to librdkafka as they are, never logged or written anywhere by the plugin.
  private String securityProtocol = "";
  private String saslMechanism = "";
  private String saslUsername = "";
  private String saslPassword = "";
  private String sslCaLocation = "";
  private String sslCertificateLocation = "";
  private String sslKeyLocation = "";
  private String sslKeyPassword = "";
  private String sslEndpointIdentification = "";
  private String schemaRegistryUrl = "";
  private String schemaRegistryUserInfo = "";
  private String schemaRegistryCaLocation = "";
  private String properties = "";
  private String summaryFile = "";
  private String statisticsFile = "";
  private String faultSchedule = "";

  private transient NativeConnection connection;

  public KafkaConnection() {
    FieldDefaults.set(this);
  }

  @Override
  public void testStarted() {
    PluginVersion.logOnce();
    NativeLogForwarder.start();
    openPrometheusEndpoint();
    try {
      connection =
          new NativeConnection(
              bootstrapServers,
              librdkafkaProperties(),
              flushTimeoutMs,
              statisticsFile == null ? "" : statisticsFile.trim());
      if (faultSchedule != null && !faultSchedule.trim().isEmpty()) {
        connection.scheduleFaults(faultSchedule);
        LOG.warn("Kafka Connection '" + connectionName + "' fault schedule started: " + faultSchedule);
      }
      ConnectionRegistry.register(connectionName, connection);
      LOG.info("Kafka Connection '" + connectionName + "' opened to " + bootstrapServers);
    } catch (KafkaNativeException e) {
      ConnectionRegistry.registerFailure(connectionName, e);
      LOG.error("Kafka Connection '" + connectionName + "' cannot open: " + e.getMessage());
    }
  }

  /** JMeter calls this form on a remote engine (jmeter-server), with the engine's host. */
  @Override
  public void testStarted(String host) {
    testStarted();
    ConnectionRegistry.markRemote(connectionName);
    if (isEmbedded(bootstrapServers)) {
      LOG.warn(
          "Kafka Connection '" + connectionName + "' on remote engine " + host + ": bootstrap '"
              + bootstrapServers + "' starts an embedded cluster inside this engine, which no"
              + " other engine shares; each engine then tests a cluster of its own. Point every"
              + " engine at one cluster (a real one, or tools' kns-embedded-cluster) with"
              + " -Gkafka.bootstrap=HOST:PORT to test one cluster.");
    }
  }

  /** Whether {@code bootstrap} names the embedded cluster rather than brokers. */
  static boolean isEmbedded(String bootstrap) {
    String value = bootstrap == null ? "" : bootstrap.trim();
    return value.isEmpty() || value.equals("embedded") || value.startsWith("embedded:");
  }

  @Override
  public void testEnded() {
    for (String line : ConnectionRegistry.unregister(connectionName).lines()) {
      LOG.warn("Kafka Connection '" + connectionName + "' " + line);
    }
    if (connection != null) {
      // Complete: every sampler thread has already waited for its messages at thread end.
      String summary = connection.summaryJson();
      for (String line : connection.summaryText().split("\n")) {
        if (!line.isEmpty()) {
          LOG.info("Kafka Connection '" + connectionName + "' " + line);
        }
      }
      connection.close();
      connection = null;
      writeSummary(summary);
      LOG.info("JNI crossings so far: " + NativeKafka.crossings());
    }
    closePrometheusEndpoint();
    NativeLogForwarder.stop();
  }

  /** With kafka.prometheus.port set, this engine's endpoint (one for all its connections). */
  private static void openPrometheusEndpoint() {
    String port = JMeterUtils.getPropDefault("kafka.prometheus.port", "").trim();
    if (port.isEmpty()) {
      return;
    }
    try {
      PrometheusEndpoint.open(
          JMeterUtils.getPropDefault("kafka.prometheus.address", "127.0.0.1").trim(),
          Integer.parseInt(port));
    } catch (NumberFormatException e) {
      LOG.error("kafka.prometheus.port: '" + port + "' is not a port number; no Prometheus"
          + " endpoint in this test");
    }
  }

  private static void closePrometheusEndpoint() {
    if (JMeterUtils.getPropDefault("kafka.prometheus.port", "").trim().isEmpty()) {
      return;
    }
    try {
      PrometheusEndpoint.close(
          1000L * JMeterUtils.getPropDefault("kafka.prometheus.linger", 15));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void testEnded(String host) {
    testEnded();
  }

  /** The librdkafka properties: the named fields, then the free-form lines, which win. */
  Map<String, String> librdkafkaProperties() {
    Map<String, String> result = new LinkedHashMap<String, String>();
    result.put("client.id", clientId);
    // What brokers show as this client's software (KIP-511); the free-form lines may override.
    result.put("client.software.name", PluginVersion.NAME);
    result.put("client.software.version", PluginVersion.get());
    result.put("message.timeout.ms", Long.toString(deliveryTimeoutMs));
    putIfSet(result, "acks", acks);
    putIfSet(result, "compression.type", compression);
    putIfSet(result, "linger.ms", lingerMs);
    putIfSet(result, "batch.size", batchSize);
    putIfSet(result, "max.in.flight.requests.per.connection", maxInFlight);
    if (idempotence) {
      result.put("enable.idempotence", "true");
    }
    putIfSet(result, "security.protocol", securityProtocol);
    putIfSet(result, "sasl.mechanism", saslMechanism);
    putIfSet(result, "sasl.username", saslUsername);
    putIfSet(result, "sasl.password", saslPassword);
    putIfSet(result, "ssl.ca.location", sslCaLocation);
    putIfSet(result, "ssl.certificate.location", sslCertificateLocation);
    putIfSet(result, "ssl.key.location", sslKeyLocation);
    putIfSet(result, "ssl.key.password", sslKeyPassword);
    putIfSet(result, "ssl.endpoint.identification.algorithm", sslEndpointIdentification);
    // The core takes these out of librdkafka's properties for its Schema Registry client.
    putIfSet(result, "schema.registry.url", schemaRegistryUrl);
    putIfSet(result, "schema.registry.basic.auth.user.info", schemaRegistryUserInfo);
    putIfSet(result, "schema.registry.ssl.ca.location", schemaRegistryCaLocation);
    result.putAll(PropertyLines.parse(properties, "librdkafka properties"));
    return result;
  }

  private static void putIfSet(Map<String, String> properties, String name, String value) {
    if (value != null && !value.trim().isEmpty()) {
      properties.put(name, value.trim());
    }
  }

  /**
   * This JVM as a file-name part, "host-pid": what {engine} in the summary file's path becomes,
   * so engines of one distributed test sharing a directory (or a -G property) write apart.
   */
  static String engineTag() {
    String runtime = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
    int at = runtime.indexOf('@');  // "pid@host" on HotSpot
    String tag = at > 0 ? runtime.substring(at + 1) + "-" + runtime.substring(0, at) : runtime;
    return tag.replaceAll("[^A-Za-z0-9._-]", "_");
  }

  private void writeSummary(String summary) {
    if (summaryFile == null || summaryFile.trim().isEmpty()) {
      return;
    }
    File file = new File(summaryFile.trim().replace("{engine}", engineTag()));
    SummaryFile.write(file, summary, "Kafka Connection '" + connectionName + "'");
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

  public String getSecurityProtocol() {
    return securityProtocol;
  }

  public void setSecurityProtocol(String securityProtocol) {
    this.securityProtocol = securityProtocol;
  }

  public String getSaslMechanism() {
    return saslMechanism;
  }

  public void setSaslMechanism(String saslMechanism) {
    this.saslMechanism = saslMechanism;
  }

  public String getSaslUsername() {
    return saslUsername;
  }

  public void setSaslUsername(String saslUsername) {
    this.saslUsername = saslUsername;
  }

  public String getSaslPassword() {
    return saslPassword;
  }

  public void setSaslPassword(String saslPassword) {
    this.saslPassword = saslPassword;
  }

  public String getSslCaLocation() {
    return sslCaLocation;
  }

  public void setSslCaLocation(String sslCaLocation) {
    this.sslCaLocation = sslCaLocation;
  }

  public String getSslCertificateLocation() {
    return sslCertificateLocation;
  }

  public void setSslCertificateLocation(String sslCertificateLocation) {
    this.sslCertificateLocation = sslCertificateLocation;
  }

  public String getSslKeyLocation() {
    return sslKeyLocation;
  }

  public void setSslKeyLocation(String sslKeyLocation) {
    this.sslKeyLocation = sslKeyLocation;
  }

  public String getSslKeyPassword() {
    return sslKeyPassword;
  }

  public void setSslKeyPassword(String sslKeyPassword) {
    this.sslKeyPassword = sslKeyPassword;
  }

  public String getSslEndpointIdentification() {
    return sslEndpointIdentification;
  }

  public void setSslEndpointIdentification(String sslEndpointIdentification) {
    this.sslEndpointIdentification = sslEndpointIdentification;
  }

  public String getProperties() {
    return properties;
  }

  public void setProperties(String properties) {
    this.properties = properties;
  }

  public String getFaultSchedule() {
    return faultSchedule;
  }

  public void setFaultSchedule(String faultSchedule) {
    this.faultSchedule = faultSchedule;
  }

  public String getStatisticsFile() {
    return statisticsFile;
  }

  public void setStatisticsFile(String statisticsFile) {
    this.statisticsFile = statisticsFile;
  }

  public String getSummaryFile() {
    return summaryFile;
  }

  public void setSummaryFile(String summaryFile) {
    this.summaryFile = summaryFile;
  }

  public String getSchemaRegistryUrl() {
    return schemaRegistryUrl;
  }

  public void setSchemaRegistryUrl(String schemaRegistryUrl) {
    this.schemaRegistryUrl = schemaRegistryUrl;
  }

  public String getSchemaRegistryUserInfo() {
    return schemaRegistryUserInfo;
  }

  public void setSchemaRegistryUserInfo(String schemaRegistryUserInfo) {
    this.schemaRegistryUserInfo = schemaRegistryUserInfo;
  }

  public String getSchemaRegistryCaLocation() {
    return schemaRegistryCaLocation;
  }

  public void setSchemaRegistryCaLocation(String schemaRegistryCaLocation) {
    this.schemaRegistryCaLocation = schemaRegistryCaLocation;
  }
}
