package io.kafkanative.jmeter;

import static io.kafkanative.jmeter.KafkaConnectionBeanInfo.required;

import org.apache.jmeter.testbeans.BeanInfoSupport;
import org.apache.jmeter.testbeans.gui.TypeEditor;

/** GUI description of {@link KafkaProducerSampler}; labels live in its resource bundle. */
public class KafkaProducerSamplerBeanInfo extends BeanInfoSupport {
  public KafkaProducerSamplerBeanInfo() {
    super(KafkaProducerSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup("message", new String[] {"topic", "keyTemplate", "valueTemplate", "valueSize"});
    createPropertyGroup("delivery", new String[] {"messagesPerSample"});

    required(property("connectionName"), "kafka");
    required(property("topic"), "");
    required(property("keyTemplate"), "");
    required(property("valueTemplate", TypeEditor.TextAreaEditor), "message-{{seq}}");
    required(property("valueSize"), Integer.valueOf(0));
    required(property("messagesPerSample"), Integer.valueOf(1));
  }
}
