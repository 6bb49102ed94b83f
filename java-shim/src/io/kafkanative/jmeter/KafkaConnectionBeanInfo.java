package io.kafkanative.jmeter;

import org.apache.jmeter.testbeans.gui.TypeEditor;

/** GUI description of {@link KafkaConnection}; labels live in KafkaConnectionResources. */
public class KafkaConnectionBeanInfo extends KafkaBeanInfo {
  public KafkaConnectionBeanInfo() {
    super(KafkaConnection.class);
    createPropertyGroup("connection", new String[] {"connectionName", "bootstrapServers", "clientId"});
    createPropertyGroup(
        "delivery",
        new String[] {
          "acks", "compression", "lingerMs", "batchSize", "idempotence", "maxInFlight",
          "deliveryTimeoutMs", "flushTimeoutMs"
        });
    createPropertyGroup(
        "security",
        new String[] {
          "securityProtocol", "saslMechanism", "saslUsername", "saslPassword", "sslCaLocation",
          "sslCertificateLocation", "sslKeyLocation", "sslKeyPassword", "sslEndpointIdentification"
        });
    createPropertyGroup(
        "schemaRegistry",
        new String[] {"schemaRegistryUrl", "schemaRegistryUserInfo", "schemaRegistryCaLocation"});
    createPropertyGroup(
        "advanced", new String[] {"properties", "summaryFile", "statisticsFile", "faultSchedule"});

    required(property("connectionName"), "kafka");
    required(property("bootstrapServers"), "embedded");
    required(property("clientId"), "jmeter-kafka-native");
    choices(property("acks"), new String[] {"all", "1", "0"});
    choices(property("compression"), new String[] {"", "none", "gzip", "snappy", "lz4", "zstd"});
    required(property("lingerMs"), "");
    required(property("batchSize"), "");
    required(property("idempotence"), Boolean.FALSE);
    required(property("maxInFlight"), "");
    required(property("deliveryTimeoutMs"), Long.valueOf(30000));
    required(property("flushTimeoutMs"), Long.valueOf(10000));
    choices(
        property("securityProtocol"),
        new String[] {"", "plaintext", "ssl", "sasl_plaintext", "sasl_ssl"});
    choices(
        property("saslMechanism"),
        new String[] {"", "PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512", "GSSAPI", "OAUTHBEARER"});
    required(property("saslUsername"), "");
    required(property("saslPassword", TypeEditor.PasswordEditor), "");
    required(property("sslCaLocation", TypeEditor.FileEditor), "");
    required(property("sslCertificateLocation", TypeEditor.FileEditor), "");
    required(property("sslKeyLocation", TypeEditor.FileEditor), "");
    required(property("sslKeyPassword", TypeEditor.PasswordEditor), "");
    choices(property("sslEndpointIdentification"), new String[] {"", "https", "none"});
    required(property("schemaRegistryUrl"), "");
    required(property("schemaRegistryUserInfo", TypeEditor.PasswordEditor), "");
    required(property("schemaRegistryCaLocation", TypeEditor.FileEditor), "");
    required(property("properties", TypeEditor.TextAreaEditor), "");
    required(property("summaryFile", TypeEditor.FileEditor), "");
    required(property("statisticsFile", TypeEditor.FileEditor), "");
    required(property("faultSchedule", TypeEditor.TextAreaEditor), "");
  }
}
