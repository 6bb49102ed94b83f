package io.kafkanative.jmeter.core;

/** One sampler thread's producer session: templates, topic and sequence. Not thread-safe. */
public final class NativeProducer extends NativeHandle {
  NativeProducer(long handle) {
    super(handle);
  }

  /**
   * Sends {@code messages} messages and fills {@code outcome}: in WAIT mode with their
   * deliveries, in TRACK mode with the deliveries reported since the previous call.
   */
  public void produce(int messages, ProduceOutcome outcome) {
    NativeKafka.produce(handle(), messages, outcome);
  }

  /** TRACK mode: waits for the messages still in flight and reports their deliveries. */
  public void finish(ProduceOutcome outcome) {
    NativeKafka.finish(handle(), outcome);
  }

  @Override
  void release(long value) {
    NativeKafka.closeProducer(value);
  }
}
