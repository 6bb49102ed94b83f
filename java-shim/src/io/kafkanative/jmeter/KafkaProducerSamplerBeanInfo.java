package io.kafkanative.jmeter;

import org.apache.jmeter.testbeans.gui.TypeEditor;

/** GUI description of {@link KafkaProducerSampler}; labels live in its resource bundle. */
public class KafkaProducerSamplerBeanInfo extends KafkaBeanInfo {
  public KafkaProducerSamplerBeanInfo() {
    super(KafkaProducerSampler.class);
    createPropertyGroup("connection", new String[] {"connectionName"});
    createPropertyGroup(
        "message",
        new String[] {
          "topic", "keyTemplate", "valueTemplate", "valueSize", "payloadFile", "payloadOrder",
          "headers", "stampHeaders"
        });
    createPropertyGroup(
        "schema",
        new String[] {
          "valueFormat", "valueSchemaFile", "valueMessageName", "keyFormat", "keySchemaFile",
          "keyMessageName", "schemaFolders", "subjectStrategy", "valueSubject", "keySubject",
          "schemaVersion"
        });
    createPropertyGroup("partitioning", new String[] {"partitioning", "partition"});
    createPropertyGroup(
        "delivery", new String[] {"messagesPerSample", "deliveryMode", "producerScope"});
    createPropertyGroup("rate", new String[] {"targetRate", "rateScope"});

    required(property("connectionName"), "kafka");
    required(property("topic"), "");
    required(property("keyTemplate"), "");
    required(property("valueTemplate", TypeEditor.TextAreaEditor), "message-{{seq}}");
    required(property("valueSize"), Integer.valueOf(0));
    required(property("payloadFile", TypeEditor.FileEditor), "");
    choices(property("payloadOrder"), KafkaProducerSampler.PAYLOAD_ORDERS);
    required(property("headers", TypeEditor.TextAreaEditor), "");
    required(property("stampHeaders"), Boolean.FALSE);
    choices(property("valueFormat"), KafkaProducerSampler.FORMATS);
    required(property("valueSchemaFile", TypeEditor.FileEditor), "");
    choices(property("keyFormat"), KafkaProducerSampler.FORMATS);
    required(property("keySchemaFile", TypeEditor.FileEditor), "");
    choices(property("subjectStrategy"), KafkaProducerSampler.SUBJECT_STRATEGIES);
    required(property("valueSubject"), "");
    required(property("keySubject"), "");
    required(property("schemaVersion"), "latest");
    required(property("valueMessageName"), "");
    required(property("keyMessageName"), "");
    required(property("schemaFolders"), "");
    choices(property("partitioning"), KafkaProducerSampler.PARTITIONING);
    required(property("partition"), Integer.valueOf(0));
    required(property("messagesPerSample"), Integer.valueOf(1));
    choices(property("deliveryMode"), KafkaProducerSampler.DELIVERY_MODES);
    choices(property("producerScope"), KafkaProducerSampler.PRODUCER_SCOPES);
    required(property("targetRate"), "");
    choices(property("rateScope"), KafkaProducerSampler.RATE_SCOPES);
    resultsGroup();
  }
}
