package io.kafkanative.jmeter.core;

import java.nio.charset.StandardCharsets;

/**
 * One reading of a consumer group's lag, as measured natively (see {@code
 * native/include/kafkanative/GroupLag.hpp}); slot order mirrors {@code jni/NativeKafkaJni.cpp}.
 */
public final class GroupLagReading {
  private static final int LAG = 0;
  private static final int END_OFFSETS = 1;
  private static final int COMMITTED = 2;
  private static final int PARTITIONS = 3;
  private static final int UNCOMMITTED = 4;
  private static final int ELAPSED_MICROS = 5;
  private static final int SLOTS = 6;

  private final long[] slots = new long[SLOTS];
  /** Error name and message, or null when the reading is whole. */
  private byte[][] texts;

  long[] slots() {
    return slots;
  }

  void setTexts(byte[][] texts) {
    this.texts = texts;
  }

  /** For failures raised before reading: no figures, and this error. */
  public void setError(String name, String message) {
    java.util.Arrays.fill(slots, 0);
    slots[LAG] = -1;
    texts = new byte[][] {ProducerConfig.utf8(name), ProducerConfig.utf8(message)};
  }

  /** End offsets less committed offsets over the group's partitions; -1 when unknown. */
  public long lag() {
    return slots[LAG];
  }

  public long endOffsets() {
    return slots[END_OFFSETS];
  }

  public long committed() {
    return slots[COMMITTED];
  }

  public long partitions() {
    return slots[PARTITIONS];
  }

  /** Partitions on which the group has committed nothing yet (counted from their start). */
  public long uncommitted() {
    return slots[UNCOMMITTED];
  }

  public long elapsedMicros() {
    return slots[ELAPSED_MICROS];
  }

  public String errorName() {
    return text(0);
  }

  public String errorMessage() {
    return text(1);
  }

  private String text(int index) {
    return texts == null || texts[index] == null
        ? null
        : new String(texts[index], StandardCharsets.UTF_8);
  }
}
