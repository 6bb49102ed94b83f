package io.kafkanative.jmeter.core;

/** One sampler thread's consumer: a member of its group. Not thread-safe. */
public final class NativeConsumer extends NativeHandle {
  NativeConsumer(long handle) {
    super(handle);
  }

  /** Consumes up to {@code maxMessages} within {@code timeoutMs}; fills {@code outcome}. */
  public void consume(int maxMessages, long timeoutMs, ConsumeOutcome outcome) {
    NativeKafka.consume(handle(), maxMessages, timeoutMs, outcome);
  }

  @Override
  void release(long value) {
    NativeKafka.closeConsumer(value);
  }
}
