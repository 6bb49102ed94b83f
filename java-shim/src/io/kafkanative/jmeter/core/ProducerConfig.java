package io.kafkanative.jmeter.core;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a native producer session sends and how. Crosses into native code as one {@code
 * byte[][]} of UTF-8 texts and one {@code long[]} of numbers, whose order mirrors {@code
 * jni/SettingsLayout.hpp}.
 */
public final class ProducerConfig {
  /** How each message's partition is chosen; the ordinal crosses into native code. */
  public enum Partitioning {
    DEFAULT,
    FIXED,
    ROUND_ROBIN,
    BY_KEY
  }

  /** Whether a sample waits for its deliveries; the ordinal crosses into native code. */
  public enum DeliveryMode {
    WAIT,
    TRACK
  }

  public String topic = "";
  public String keyTemplate = "";
  public String valueTemplate = "";
  /** The key's and value's format (string, Avro or Protobuf) and schema. */
  public SchemaConfig keySchema = new SchemaConfig();
  public SchemaConfig valueSchema = new SchemaConfig();
  public int valueSize;
  /** Values from this file (one per line) or directory (one per file) instead of the template. */
  public String payloadFile = "";
  public boolean payloadRandom;
  public Map<String, String> headers = new LinkedHashMap<String, String>();
  public boolean stampHeaders;
  public Partitioning partitioning = Partitioning.DEFAULT;
  public int partition;
  public DeliveryMode mode = DeliveryMode.WAIT;
  /** A librdkafka producer of the session's own instead of the connection's shared one. */
  public boolean dedicatedClient;
  /** Messages per second shared by every session of {@link #rateGroup}; 0 for no limit. */
  public double ratePerSecond;
  public String rateGroup = "";
  /** Sessions with the same name share statistics: the sampler's name. */
  public String statsName = "producer";
  public int thread;

  byte[][] texts() {
    String[] fixed = {topic, keyTemplate, valueTemplate, statsName, rateGroup, payloadFile};
    String[] keyTexts = keySchema.texts();
    String[] valueTexts = valueSchema.texts();
    byte[][] texts =
        new byte[fixed.length + keyTexts.length + valueTexts.length + headers.size() * 2][];
    int i = 0;
    for (String[] group : new String[][] {fixed, keyTexts, valueTexts}) {
      for (String text : group) {
        texts[i++] = utf8(text);
      }
    }
    for (Map.Entry<String, String> header : headers.entrySet()) {
      texts[i++] = utf8(header.getKey());
      texts[i++] = utf8(header.getValue());
    }
    return texts;
  }

  long[] numbers() {
    return new long[] {
      valueSize,
      partitioning.ordinal(),
      partition,
      mode.ordinal(),
      stampHeaders ? 1 : 0,
      thread,
      payloadRandom ? 1 : 0,
      dedicatedClient ? 1 : 0,
      keySchema.numbers()[0],
      keySchema.numbers()[1],
      valueSchema.numbers()[0],
      valueSchema.numbers()[1]
    };
  }

  /** The settings that, when changed, need a new session (JMeter variables may change them). */
  public String identity() {
    return java.util.Arrays.deepToString(texts()) + java.util.Arrays.toString(numbers())
        + ratePerSecond;
  }

  static byte[] utf8(String text) {
    return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
  }
}
