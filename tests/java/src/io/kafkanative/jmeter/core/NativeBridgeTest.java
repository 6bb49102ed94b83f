package io.kafkanative.jmeter.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.Test;

/** The JNI bridge against the real library and cluster ($KAFKA_BOOTSTRAP or embedded). */
public class NativeBridgeTest {
  private static String bootstrap() {
    String configured = System.getenv("KAFKA_BOOTSTRAP");
    return configured == null || configured.isEmpty() ? "embedded" : configured;
  }

  private static String topic(String prefix) {
    return prefix + "-" + System.nanoTime();
  }

  @Test
  public void producesThroughTheBridgeAndReportsCounts() {
    try (NativeConnection connection =
            new NativeConnection(bootstrap(), Collections.<String, String>emptyMap(), 5000, "");
        NativeProducer producer = connection.openProducer(Outcomes.config(topic("bridge"), "é-{{seq}}"))) {
      ProduceOutcome outcome = new ProduceOutcome();
      producer.produce(50, outcome);
      assertTrue(outcome.errorMessage(), outcome.isSuccess());
      assertEquals(50, outcome.acked());
      assertTrue(outcome.ackedBytes() >= 50 * 4);
      assertTrue(connection.summaryJson().contains("\"acked\": 50"));
    }
  }

  @Test
  public void nativeErrorsArriveAsKafkaNativeExceptionWithUtf8Intact() {
    try (NativeConnection connection =
        new NativeConnection(bootstrap(), Collections.<String, String>emptyMap(), 5000, "")) {
      connection.openProducer(Outcomes.config(topic("t"), "ü{{nöpe}}"));
      fail("expected KafkaNativeException");
    } catch (KafkaNativeException e) {
      assertEquals("_INVALID_ARG", e.getErrorName());
      assertEquals("value template: unknown placeholder '{{nöpe}}' at position 2", e.getMessage());
    }
  }

  @Test
  public void schemaSettingsCrossIntoTheirOwnSlots() {
    try (NativeConnection connection =
        new NativeConnection(bootstrap(), Collections.<String, String>emptyMap(), 5000, "")) {
      ProducerConfig value = Outcomes.config(topic("avro"), "{}");
      value.valueSchema.format = SchemaConfig.Format.AVRO;
      value.valueSchema.schemaFile = "/nonexistent-value.avsc";
      assertRefused(() -> connection.openProducer(value), "value schema: cannot read schema file '/nonexistent-value.avsc'");
      ProducerConfig key = Outcomes.config(topic("avro"), "x");
      key.keySchema.format = SchemaConfig.Format.AVRO;
      key.keySchema.schemaFile = "/nonexistent-key.avsc";
      key.keySchema.strategy = SchemaConfig.SubjectStrategy.TOPIC_RECORD_NAME;
      assertRefused(() -> connection.openProducer(key), "key schema: cannot read schema file '/nonexistent-key.avsc'");
      ConsumerConfig consumer = new ConsumerConfig();
      consumer.topics.add(topic("avro"));
      consumer.valueSchema.format = SchemaConfig.Format.AVRO;
      assertRefused(() -> connection.openConsumer(consumer), "decoding needs a Schema Registry");
      // Protobuf crosses as Protobuf: its own parser answers.
      ProducerConfig protobuf = Outcomes.config(topic("protobuf"), "{}");
      protobuf.valueSchema.format = SchemaConfig.Format.PROTOBUF;
      protobuf.valueSchema.schemaFile = protoFile("import \"other.proto\";\nmessage M {}\n");
      assertRefused(() -> connection.openProducer(protobuf), "import 'other.proto' not found");
    }
    Map<String, String> properties = new HashMap<String, String>();
    properties.put("schema.registry.urll", "http://localhost:8081");
    assertRefused(
        () -> new NativeConnection(bootstrap(), properties, 5000, "").close(),
        "schema.registry.urll: unknown Schema Registry property");
  }

  private static String protoFile(String text) {
    try {
      File file = File.createTempFile("schema", ".proto");
      file.deleteOnExit();
      Files.write(file.toPath(), text.getBytes(StandardCharsets.UTF_8));
      return file.getPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void assertRefused(Runnable action, String expected) {
    try {
      action.run();
      fail("expected KafkaNativeException: " + expected);
    } catch (KafkaNativeException e) {
      assertTrue(e.getMessage(), e.getMessage().contains(expected));
    }
  }

  @Test
  public void unknownPropertyIsRefusedAtOpen() {
    Map<String, String> properties = new HashMap<String, String>();
    properties.put("no.such.property", "1");
    try {
      new NativeConnection(bootstrap(), properties, 5000, "").close();
      fail("expected KafkaNativeException");
    } catch (KafkaNativeException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("no.such.property"));
    }
  }

  @Test
  public void closedHandlesAreRefusedNotDereferenced() {
    NativeConnection connection =
        new NativeConnection(bootstrap(), Collections.<String, String>emptyMap(), 5000, "");
    NativeProducer producer = connection.openProducer(Outcomes.config(topic("closed"), "v"));
    long stale = producer.handle();
    producer.close();
    producer.close(); // a second close is a no-op
    try {
      producer.produce(1, new ProduceOutcome());
      fail("expected IllegalStateException");
    } catch (IllegalStateException expected) {
      // refused in Java before crossing
    }
    try {
      NativeKafka.produce(stale, 1, new ProduceOutcome()); // the stale id reaches native code
      fail("expected IllegalStateException");
    } catch (IllegalStateException e) {
      assertTrue(e.getMessage(), e.getMessage().contains("closed or invalid"));
    }
    try {
      NativeKafka.produce(connection.handle(), 1, new ProduceOutcome()); // wrong kind of handle
      fail("expected IllegalStateException");
    } catch (IllegalStateException expected) {
      // a connection handle is not a producer handle
    }
    connection.close();
  }
}
