package io.kafkanative.jmeter;

import java.beans.PropertyDescriptor;
import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/** GUI description of {@link KafkaConnection}; labels live in KafkaConnectionResources. */
public class KafkaConnectionBeanInfo extends BeanInfoSupport {
  public KafkaConnectionBeanInfo() {
    super(KafkaConnection.class);
    createPropertyGroup("connection", new String[] {"connectionName", "bootstrapServers", "clientId"});
    createPropertyGroup("delivery", new String[] {"deliveryTimeoutMs", "flushTimeoutMs"});
    createPropertyGroup("advanced", new String[] {"properties", "summaryFile"});

    required(property("connectionName"), "kafka");
    required(property("bootstrapServers"), "embedded");
    required(property("clientId"), "jmeter-kafka-native");
    required(property("deliveryTimeoutMs"), Long.valueOf(30000));
    required(property("flushTimeoutMs"), Long.valueOf(10000));
    required(property("properties", TypeEditor.TextAreaEditor), "");
    required(property("summaryFile"), "");
  }

  static void required(PropertyDescriptor property, Object defaultValue) {
    property.setValue(NOT_UNDEFINED, Boolean.TRUE);
    property.setValue(DEFAULT, defaultValue);
  }
}
