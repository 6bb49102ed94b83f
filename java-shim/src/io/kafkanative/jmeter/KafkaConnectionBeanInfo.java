package io.kafkanative.jmeter;

import java.beans.PropertyDescriptor;
import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/** GUI description of {@link KafkaConnection}; labels live in KafkaConnectionResources. */
public class KafkaConnectionBeanInfo extends BeanInfoSupport {
  public KafkaConnectionBeanInfo() {
    super(KafkaConnection.class);
    createPropertyGroup("connection", new String[] {"connectionName", "bootstrapServers", "clientId"});
    createPropertyGroup(
        "delivery",
        new String[] {
          "acks", "compression", "lingerMs", "batchSize", "idempotence", "maxInFlight",
          "deliveryTimeoutMs", "flushTimeoutMs"
        });
    createPropertyGroup("advanced", new String[] {"properties", "summaryFile"});

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
    required(property("properties", TypeEditor.TextAreaEditor), "");
    required(property("summaryFile"), "");
  }

  static void required(PropertyDescriptor property, Object defaultValue) {
    property.setValue(NOT_UNDEFINED, Boolean.TRUE);
    property.setValue(DEFAULT, defaultValue);
  }

  /** A drop-down of fixed choices, the first being the default; ${...} is still allowed. */
  static void choices(PropertyDescriptor property, String[] tags) {
    required(property, tags[0]);
    property.setValue(NOT_OTHER, Boolean.TRUE);
    property.setValue(TAGS, tags);
  }
}
