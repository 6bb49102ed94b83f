package io.kafkanative.jmeter.core;

/** Builds ProduceOutcome values for tests, slot by slot as native code fills them. */
public final class Outcomes {
  private Outcomes() {}

  public static ProduceOutcome of(
      long requested, long acked, long ackedBytes, long firstAckMicros, long inFlight) {
    ProduceOutcome outcome = new ProduceOutcome();
    outcome.setCounts(requested, requested, acked, ackedBytes);
    long[] slots = outcome.slots();
    slots[5] = firstAckMicros * 3; // elapsed
    slots[6] = firstAckMicros;
    slots[7] = firstAckMicros * 2; // worst ack latency
    slots[9] = 2; // first partition@offset
    slots[10] = 40;
    slots[11] = 0; // last
    slots[12] = 17;
    slots[13] = inFlight;
    slots[14] = acked * firstAckMicros * 3 / 2; // acknowledgement latencies, summed
    return outcome;
  }

  public static ConsumeOutcome consumed(
      long messages, long missing, long duplicates, long reordered, String problem) {
    ConsumeOutcome outcome = new ConsumeOutcome();
    long[] slots = outcome.slots();
    slots[0] = messages;
    slots[1] = messages * 100;
    slots[3] = messages > 0 ? 1500 : -1;
    slots[6] = missing;
    slots[7] = duplicates;
    slots[8] = reordered;
    slots[11] = -1; // nothing forwarded: a plain consumer
    if (problem != null) {
      outcome.setTexts(new byte[][] {null, null, ProducerConfig.utf8(problem), null, null, null});
    }
    return outcome;
  }

  /** A poll of `messages` of which `undecodable` did not decode, the first for `problem`. */
  public static ConsumeOutcome undecodable(long messages, long undecodable, String problem) {
    ConsumeOutcome outcome = consumed(messages, 0, 0, 0, null);
    outcome.slots()[12] = undecodable;
    outcome.setTexts(new byte[][] {null, null, null, null, null, null, ProducerConfig.utf8(problem)});
    return outcome;
  }

  /** A Kafka Processor's poll: `messages` consumed, `forwarded` of them sent on in `micros`. */
  public static ConsumeOutcome processed(long messages, long forwarded, long micros) {
    ConsumeOutcome outcome = consumed(messages, 0, 0, 0, null);
    outcome.slots()[10] = forwarded;
    outcome.slots()[11] = micros;
    return outcome;
  }

  /** A poll of `messages` whose last message is this (`size`: the whole value's size). */
  public static ConsumeOutcome withLastMessage(
      long messages, String key, String value, String headers, long size) {
    ConsumeOutcome outcome = consumed(messages, 0, 0, 0, null);
    outcome.slots()[9] = size;
    outcome.setTexts(
        new byte[][] {
          null, null, null, ProducerConfig.utf8(key), ProducerConfig.utf8(value),
          ProducerConfig.utf8(headers)
        });
    return outcome;
  }

  public static ProducerConfig config(String topic, String valueTemplate) {
    ProducerConfig config = new ProducerConfig();
    config.topic = topic;
    config.valueTemplate = valueTemplate;
    return config;
  }
}
