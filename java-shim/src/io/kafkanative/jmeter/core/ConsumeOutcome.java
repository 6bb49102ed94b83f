package io.kafkanative.jmeter.core;

import java.nio.charset.StandardCharsets;

/**
 * What one consumer sample reports, as measured natively; see {@code
 * native/.../ConsumeOutcome.hpp}. Reused across samples by its thread; slot order mirrors
 * {@code jni/ConsumerLayout.hpp}.
 */
public final class ConsumeOutcome {
  private static final int MESSAGES = 0;
  private static final int BYTES = 1;
  private static final int ELAPSED_MICROS = 2;
  private static final int FIRST_MESSAGE_MICROS = 3;
  private static final int MAX_END_TO_END_MICROS = 4;
  private static final int MAX_LAG = 5;
  private static final int MISSING = 6;
  private static final int DUPLICATES = 7;
  private static final int REORDERED = 8;
  private static final int LAST_VALUE_BYTES = 9;
  private static final int FORWARDED = 10;
  private static final int FORWARD_MICROS = 11;
  private static final int UNDECODABLE = 12;
  private static final int SLOTS = 13;

  private final long[] slots = new long[SLOTS];
  /**
   * Error name, error message, verification finding, last key, last value, last headers, decode
   * problem.
   */
  private byte[][] texts;

  long[] slots() {
    return slots;
  }

  /**
   * A copy that later samples do not overwrite (for text built after the sample). The texts
   * are shared: each sample gets new ones rather than changing them.
   */
  public ConsumeOutcome copy() {
    ConsumeOutcome copy = new ConsumeOutcome();
    System.arraycopy(slots, 0, copy.slots, 0, SLOTS);
    copy.texts = texts;
    return copy;
  }

  void setTexts(byte[][] texts) {
    this.texts = texts;
  }

  /** For failures raised before polling: no messages, and this error. */
  public void setError(String name, String message) {
    java.util.Arrays.fill(slots, 0);
    slots[FIRST_MESSAGE_MICROS] = -1;
    slots[MAX_END_TO_END_MICROS] = -1;
    slots[MAX_LAG] = -1;
    slots[FORWARD_MICROS] = -1;
    texts =
        new byte[][] {
          ProducerConfig.utf8(name), ProducerConfig.utf8(message), null, null, null, null, null
        };
  }

  /** A Kafka Processor's outputs acknowledged (and committed) in this sample. */
  public long forwarded() {
    return slots[FORWARDED];
  }

  /** A Kafka Processor's time to send, acknowledge and commit its outputs; -1: none sent. */
  public long forwardMicros() {
    return slots[FORWARD_MICROS];
  }

  public long messages() {
    return slots[MESSAGES];
  }

  public long bytes() {
    return slots[BYTES];
  }

  public long elapsedMicros() {
    return slots[ELAPSED_MICROS];
  }

  /** Poll start to the first message, or -1 when none came. */
  public long firstMessageMicros() {
    return slots[FIRST_MESSAGE_MICROS];
  }

  /** Worst producer-stamp-to-consumption latency, or -1 when no message was stamped. */
  public long maxEndToEndMicros() {
    return slots[MAX_END_TO_END_MICROS];
  }

  /** Worst lag of the partitions polled, or -1 when unknown. */
  public long maxLag() {
    return slots[MAX_LAG];
  }

  public long missing() {
    return slots[MISSING];
  }

  public long duplicates() {
    return slots[DUPLICATES];
  }

  public long reordered() {
    return slots[REORDERED];
  }

  public long findings() {
    return missing() + duplicates() + reordered();
  }

  public String errorName() {
    return text(0);
  }

  public String errorMessage() {
    return text(1);
  }

  public String verificationProblem() {
    return text(2);
  }

  /** The whole size of the last message's value (lastValue() may be cut short). */
  public long lastValueBytes() {
    return slots[LAST_VALUE_BYTES];
  }

  public String lastKey() {
    return text(3);
  }

  public String lastValue() {
    return text(4);
  }

  public String lastHeaders() {
    return text(5);
  }

  /** Values their schema did not decode (not its format, unknown schema id, unreachable registry). */
  public long undecodable() {
    return slots[UNDECODABLE];
  }

  /** Why the first undecodable value was not decoded, with its partition and offset. */
  public String decodeProblem() {
    return text(6);
  }

  /** The text at {@code index}, or null when absent or empty. */
  private String text(int index) {
    if (texts == null || index >= texts.length || texts[index] == null || texts[index].length == 0) {
      return null;
    }
    return new String(texts[index], StandardCharsets.UTF_8);
  }
}
