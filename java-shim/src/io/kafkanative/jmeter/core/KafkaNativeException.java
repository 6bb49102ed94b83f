package io.kafkanative.jmeter.core;

import java.nio.charset.StandardCharsets;

/** An error from the native core, carrying librdkafka's error name (e.g. {@code _INVALID_ARG}). */
public class KafkaNativeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String errorName;

  public KafkaNativeException(String errorName, String message) {
    super(message);
    this.errorName = errorName;
  }

  public KafkaNativeException(String errorName, String message, Throwable cause) {
    super(message, cause);
    this.errorName = errorName;
  }

  /** Called from native code with UTF-8 text. */
  KafkaNativeException(byte[] errorName, byte[] message) {
    this(
        new String(errorName, StandardCharsets.UTF_8), new String(message, StandardCharsets.UTF_8));
  }

  public String getErrorName() {
    return errorName;
  }
}
