package io.kafkanative.jmeter.connection;

import io.kafkanative.jmeter.core.KafkaNativeException;

/**
 * A sampler's Kafka Connection is missing or failed to open. Connections open once, at test
 * start, so no later sample can succeed through it.
 */
public final class UnusableConnectionException extends KafkaNativeException {
  private static final long serialVersionUID = 1L;

  UnusableConnectionException(String errorName, String message, Throwable cause) {
    super(errorName, message, cause);
  }
}
