package io.kafkanative.jmeter.core;

/**
 * What happened to one sample's messages, as measured natively. Reused across samples by its
 * thread, so a sample allocates nothing here unless it failed. Slot order mirrors
 * {@code jni/OutcomeLayout.hpp}.
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
  private static final int SLOTS = 8;

  private final long[] slots = new long[SLOTS];
  private String errorName;
  private String errorMessage;

  long[] slots() {
    return slots;
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

  /** For tests and for failures raised before sending: sets every numeric slot at once. */
  public void setCounts(
      long requested, long sent, long acked, long ackedBytes, long elapsedMicros,
      long firstAckMicros, long maxAckLatencyMicros) {
    slots[REQUESTED] = requested;
    slots[SENT] = sent;
    slots[ACKED] = acked;
    slots[FAILED] = requested - acked;
    slots[ACKED_BYTES] = ackedBytes;
    slots[ELAPSED_MICROS] = elapsedMicros;
    slots[FIRST_ACK_MICROS] = firstAckMicros;
    slots[MAX_ACK_LATENCY_MICROS] = maxAckLatencyMicros;
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

  public String errorName() {
    return errorName;
  }

  public String errorMessage() {
    return errorMessage;
  }
}
