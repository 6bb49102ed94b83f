package io.kafkanative.jmeter.core;

/**
 * Reads a consumer group's lag from outside the group (committed offsets against end
 * offsets), one reading per call; each reading also goes into the connection's summary.
 */
public final class NativeLagReader extends NativeHandle {
  NativeLagReader(long handle) {
    super(handle);
  }

  /** One reading, each request bounded by {@code timeoutMs}; fills {@code reading}. */
  public void read(long timeoutMs, GroupLagReading reading) {
    NativeKafka.readLag(handle(), timeoutMs, reading);
  }

  @Override
  void release(long value) {
    NativeKafka.closeLagReader(value);
  }
}
