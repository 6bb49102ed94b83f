package io.kafkanative.jmeter.core;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A Java object owning one native handle, released exactly once: {@link #close()} swaps the
 * handle to 0 atomically, so concurrent or repeated closes release it once, and use after close
 * fails with {@link IllegalStateException} before crossing into native code.
 */
public abstract class NativeHandle implements AutoCloseable {
  private final AtomicLong handle;

  NativeHandle(long handle) {
    this.handle = new AtomicLong(handle);
  }

  final long handle() {
    long value = handle.get();
    if (value == 0) {
      throw new IllegalStateException(getClass().getSimpleName() + " is closed");
    }
    return value;
  }

  /**
   * Cuts the call in progress on this session short, from any thread (JMeter's Stop). Does
   * nothing once closed.
   */
  public final void interrupt() {
    long value = handle.get();
    if (value != 0) {
      NativeKafka.interrupt(value);
    }
  }

  @Override
  public final void close() {
    long value = handle.getAndSet(0);
    if (value != 0) {
      release(value);
    }
  }

  abstract void release(long value);
}
