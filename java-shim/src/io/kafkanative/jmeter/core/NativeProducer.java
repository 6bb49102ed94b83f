package io.kafkanative.jmeter.core;

/** One sampler thread's producer session: templates, topic and sequence. Not thread-safe. */
public final class NativeProducer extends NativeHandle {
  NativeProducer(long handle) {
    super(handle);
  }

  /** Sends {@code messages} messages, waits for their delivery reports, fills {@code outcome}. */
  public void produce(int messages, ProduceOutcome outcome) {
    NativeKafka.produce(handle(), messages, outcome);
  }

  @Override
  void release(long value) {
    NativeKafka.closeProducer(value);
  }
}
