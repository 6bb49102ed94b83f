package io.kafkanative.jmeter.core;

import java.util.ArrayList;
import java.util.List;

/**
 * What a native consumer session reads and how. Crosses into native code as one {@code
 * byte[][]} of UTF-8 texts and one {@code long[]} of numbers, whose order mirrors {@code
 * jni/ConsumerLayout.hpp}.
 */
public final class ConsumerConfig {
  /** When offsets are committed; the ordinal crosses into native code. */
  public enum CommitMode {
    AUTO,
    SYNC,
    ASYNC,
    NONE
  }

  /** Where the producers' stamps are read from; the ordinal crosses into native code. */
  public enum StampSource {
    HEADERS,
    VALUE,
    KEY
  }

  /** One explicitly assigned partition. */
  public static final class Assignment {
    final String topic;
    final int partition;
    final long offset;

    /** @param offset an offset, or -2 (beginning), -1 (end), -1000 (the group's stored one) */
    public Assignment(String topic, int partition, long offset) {
      this.topic = topic;
      this.partition = partition;
      this.offset = offset;
    }
  }

  /** Topic names; one starting with '^' is a regular expression. */
  public List<String> topics = new ArrayList<String>();
  /** Explicit partitions instead of a group subscription. */
  public List<Assignment> assignments = new ArrayList<Assignment>();
  public String groupId = "";
  public String autoOffsetReset = "earliest";
  public CommitMode commit = CommitMode.AUTO;
  public StampSource stampsFrom = StampSource.HEADERS;
  /** How long a subscribed topic may not exist before one sample fails (the wait goes on). */
  public long topicWaitMillis = 60000;
  /** Keep the poll's last message, its value cut to this many bytes: 0 none, -1 all of it. */
  public long lastMessageBytes;
  /** Sessions with the same name share statistics and sequence verification. */
  public String statsName = "consumer";
  /** A Kafka Processor's output topic; empty for a plain consumer. */
  public String outputTopic = "";
  /** A Kafka Processor's output value; empty: the input value. */
  public String outputValueTemplate = "";
  /** A Kafka Processor's outputs carry their inputs' headers. */
  public boolean keepHeaders = true;
  /** A Kafka Processor commits its offsets in its outputs' transactions. */
  public boolean exactlyOnce;
  /** The JMeter thread number, for {@code {{thread}}} in the output value. */
  public int thread;
  /** Values in a schema format are decoded (each checked, the last one kept as JSON). */
  public SchemaConfig valueSchema = new SchemaConfig();

  byte[][] texts() {
    List<String> texts = new ArrayList<String>();
    texts.add(groupId);
    texts.add(autoOffsetReset);
    texts.add(statsName);
    texts.add(outputTopic);
    texts.add(outputValueTemplate);
    texts.addAll(java.util.Arrays.asList(valueSchema.texts()));
    texts.addAll(topics);
    for (Assignment assignment : assignments) {
      texts.add(assignment.topic);
    }
    byte[][] bytes = new byte[texts.size()][];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = ProducerConfig.utf8(texts.get(i));
    }
    return bytes;
  }

  long[] numbers() {
    final int fixed = 11;
    long[] numbers = new long[fixed + 2 * assignments.size()];
    numbers[0] = commit.ordinal();
    numbers[1] = lastMessageBytes;
    numbers[2] = topics.size();
    numbers[3] = assignments.size();
    numbers[4] = exactlyOnce ? 1 : 0;
    numbers[5] = thread;
    numbers[6] = stampsFrom.ordinal();
    numbers[7] = keepHeaders ? 1 : 0;
    numbers[8] = topicWaitMillis;
    numbers[9] = valueSchema.numbers()[0];
    numbers[10] = valueSchema.numbers()[1];
    for (int i = 0; i < assignments.size(); i++) {
      numbers[fixed + 2 * i] = assignments.get(i).partition;
      numbers[fixed + 1 + 2 * i] = assignments.get(i).offset;
    }
    return numbers;
  }

  /** The settings that, when changed, need a new session (JMeter variables may change them). */
  public String identity() {
    return java.util.Arrays.deepToString(texts()) + java.util.Arrays.toString(numbers());
  }
}
