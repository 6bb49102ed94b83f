package io.kafkanative.jmeter;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeConnection;
import java.util.Map;
import java.util.TreeMap;
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

  private static final ConcurrentMap<String, RefusedSamples> REFUSED =
      new ConcurrentHashMap<String, RefusedSamples>();

  private ConnectionRegistry() {}

  /** The refused samples of the connection {@code name}'s samplers, for its summary. */
  static RefusedSamples refused(String name) {
    RefusedSamples refused = REFUSED.get(name);
    if (refused == null) {
      RefusedSamples fresh = new RefusedSamples();
      refused = REFUSED.putIfAbsent(name, fresh);
      if (refused == null) {
        refused = fresh;
      }
    }
    return refused;
  }

  static void register(String name, NativeConnection connection) {
    CONNECTIONS.put(name, connection);
  }

  static void registerFailure(String name, KafkaNativeException error) {
    CONNECTIONS.put(name, error);
  }

  /** Forgets the connection; returns its samplers' refused samples. */
  static RefusedSamples unregister(String name) {
    CONNECTIONS.remove(name);
    RefusedSamples refused = REFUSED.remove(name);
    return refused != null ? refused : new RefusedSamples();
  }

  /** The connections open now, by name. */
  static Map<String, NativeConnection> open() {
    Map<String, NativeConnection> open = new TreeMap<String, NativeConnection>();
    for (Map.Entry<String, Object> entry : CONNECTIONS.entrySet()) {
      if (entry.getValue() instanceof NativeConnection) {
        open.put(entry.getKey(), (NativeConnection) entry.getValue());
      }
    }
    return open;
  }

  /** @throws UnusableConnectionException when no usable connection of that name is open */
  static NativeConnection lookup(String name) {
    Object entry = CONNECTIONS.get(name);
    if (entry instanceof NativeConnection) {
      return (NativeConnection) entry;
    }
    if (entry instanceof KafkaNativeException) {
      KafkaNativeException error = (KafkaNativeException) entry;
      throw new UnusableConnectionException(
          error.getErrorName(), "Kafka Connection '" + name + "': " + error.getMessage(), error);
    }
    throw new UnusableConnectionException(
        "_INVALID_ARG",
        "no Kafka Connection named '" + name + "' in the test plan (add Config Element > Kafka"
            + " Connection with that name)",
        null);
  }
}
