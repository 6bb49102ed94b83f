package io.kafkanative.jmeter.core;

/**
 * What one sample reports, as measured natively; see {@code native/.../ProduceOutcome.hpp} for
 * the meaning of each figure in WAIT and TRACK mode. Reused across samples by its thread, so a
 * sample allocates nothing here unless it failed. Slot order mirrors {@code
 * jni/OutcomeLayout.hpp}.
 */
public final class ProduceOutcome {
  private static final int REQUESTED = 0;
  private static final int SENT = 1;
  private static final int ACKED = 2;
  private static final int FAILED = 3;
  private static final int ACKED_BYTES = 4;
  private static final int ELAPSED_MICROS = 5;
  private static final int FIRST_ACK_MICROS = 6;
  private static final int MAX_ACK_LATENCY_MICROS = 7;
  private static final int MAX_INTENDED_LATENCY_MICROS = 8;
  private static final int FIRST_PARTITION = 9;
  private static final int FIRST_OFFSET = 10;
  private static final int LAST_PARTITION = 11;
  private static final int LAST_OFFSET = 12;
  private static final int IN_FLIGHT = 13;
  private static final int ACK_LATENCY_SUM_MICROS = 14;
  private static final int SLOTS = 15;

  private final long[] slots = new long[SLOTS];
  private String errorName;
  private String errorMessage;

  long[] slots() {
    return slots;
  }

  /** A copy that later samples do not overwrite (for text built after the sample). */
  public ProduceOutcome copy() {
    ProduceOutcome copy = new ProduceOutcome();
    System.arraycopy(slots, 0, copy.slots, 0, SLOTS);
    copy.errorName = errorName;
    copy.errorMessage = errorMessage;
    return copy;
  }

  void clearError() {
    errorName = null;
    errorMessage = null;
  }

  /** Marks the outcome failed; also used for errors raised before anything was sent. */
  public void setError(String name, String message) {
    errorName = name;
    errorMessage = message;
  }

  /**
   * Sets the counts of a sample whose messages all failed before being sent (or, in tests, any
   * counts): {@code failed} = requested - acked.
   */
  public void setCounts(long requested, long sent, long acked, long ackedBytes) {
    java.util.Arrays.fill(slots, 0);
    slots[REQUESTED] = requested;
    slots[SENT] = sent;
    slots[ACKED] = acked;
    slots[FAILED] = requested - acked;
    slots[ACKED_BYTES] = ackedBytes;
    slots[FIRST_PARTITION] = -1;
    slots[FIRST_OFFSET] = -1;
    slots[LAST_PARTITION] = -1;
    slots[LAST_OFFSET] = -1;
  }

  public boolean isSuccess() {
    return errorName == null && slots[FAILED] == 0;
  }

  public long requested() {
    return slots[REQUESTED];
  }

  public long sent() {
    return slots[SENT];
  }

  public long acked() {
    return slots[ACKED];
  }

  public long failed() {
    return slots[FAILED];
  }

  public long ackedBytes() {
    return slots[ACKED_BYTES];
  }

  public long elapsedMicros() {
    return slots[ELAPSED_MICROS];
  }

  public long firstAckMicros() {
    return slots[FIRST_ACK_MICROS];
  }

  public long maxAckLatencyMicros() {
    return slots[MAX_ACK_LATENCY_MICROS];
  }

  public long maxIntendedLatencyMicros() {
    return slots[MAX_INTENDED_LATENCY_MICROS];
  }

  public long firstPartition() {
    return slots[FIRST_PARTITION];
  }

  public long firstOffset() {
    return slots[FIRST_OFFSET];
  }

  public long lastPartition() {
    return slots[LAST_PARTITION];
  }

  public long lastOffset() {
    return slots[LAST_OFFSET];
  }

  public long inFlight() {
    return slots[IN_FLIGHT];
  }

  /** The mean acknowledgement latency of the acknowledged messages reported; -1: none. */
  public long meanAckLatencyMicros() {
    return slots[ACKED] > 0 ? slots[ACK_LATENCY_SUM_MICROS] / slots[ACKED] : -1;
  }

  public String errorName() {
    return errorName;
  }

  public String errorMessage() {
    return errorMessage;
  }
}
