package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeConnection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The connections opened by {@link KafkaConnection} elements for the running test, by name.
 * Samplers look theirs up here; a connection that failed to open is kept as its error, so
 * every sample using it fails with the reason.
 */
final class ConnectionRegistry {
  private static final ConcurrentMap<String, Object> CONNECTIONS =
      new ConcurrentHashMap<String, Object>();

  private ConnectionRegistry() {}

  static void register(String name, NativeConnection connection) {
    CONNECTIONS.put(name, connection);
  }

  static void registerFailure(String name, KafkaNativeException error) {
    CONNECTIONS.put(name, error);
  }

  static void unregister(String name) {
    CONNECTIONS.remove(name);
  }

  /** @throws KafkaNativeException when no usable connection of that name is open */
  static NativeConnection lookup(String name) {
    Object entry = CONNECTIONS.get(name);
    if (entry instanceof NativeConnection) {
      return (NativeConnection) entry;
    }
    if (entry instanceof KafkaNativeException) {
      KafkaNativeException error = (KafkaNativeException) entry;
      throw new KafkaNativeException(
          error.getErrorName(), "Kafka Connection '" + name + "': " + error.getMessage(), error);
    }
    throw new KafkaNativeException(
        "_INVALID_ARG",
        "no Kafka Connection named '" + name + "' in the test plan (add Config Element > Kafka"
            + " Connection with that name)");
  }
}
