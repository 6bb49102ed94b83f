package io.kafkanative.jmeter.connection;

import io.kafkanative.jmeter.core.KafkaNativeException;
import io.kafkanative.jmeter.core.NativeConnection;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;
import io.kafkanative.jmeter.results.RefusedSamples;

/**
 * The connections opened by {@link io.kafkanative.jmeter.KafkaConnection} elements for the running test, by name.
 * Samplers look theirs up here; a connection that failed to open is kept as its error, so
 * every sample using it fails with the reason.
 */
public final class ConnectionRegistry {
  private static final ConcurrentMap<String, Object> CONNECTIONS =
      new ConcurrentHashMap<String, Object>();

  /** The last live figures of connections closed since, for views that outlast the test. */
  private static final ConcurrentMap<String, String> FINAL_FIGURES =
      new ConcurrentHashMap<String, String>();

  /** When each of those was taken (System.currentTimeMillis). */
  private static final ConcurrentMap<String, Long> CLOSED_AT = new ConcurrentHashMap<String, Long>();

  private static final ConcurrentMap<String, RefusedSamples> REFUSED =
      new ConcurrentHashMap<String, RefusedSamples>();

  /** Connections opened on a jmeter-server engine (JMeter's testStarted(host)), by name. */
  private static final Set<String> REMOTE =
      Collections.newSetFromMap(new ConcurrentHashMap<String, Boolean>());

  private ConnectionRegistry() {}

  /** Notes that the connection {@code name} was opened on a remote engine of the test. */
  public static void markRemote(String name) {
    REMOTE.add(name);
  }

  /** Whether the connection {@code name} runs on a remote engine, for a controller. */
  public static boolean isRemote(String name) {
    return REMOTE.contains(name);
  }

  /** The refused samples of the connection {@code name}'s samplers, for its summary. */
  public static RefusedSamples refused(String name) {
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

  public static void register(String name, NativeConnection connection) {
    FINAL_FIGURES.remove(name);
    CONNECTIONS.put(name, connection);
  }

  public static void registerFailure(String name, KafkaNativeException error) {
    CONNECTIONS.put(name, error);
  }

  /** Forgets the connection; returns its samplers' refused samples. */
  public static RefusedSamples unregister(String name) {
    Object entry = CONNECTIONS.remove(name);
    REMOTE.remove(name);
    if (entry instanceof NativeConnection) {
      CLOSED_AT.put(name, System.currentTimeMillis());
      FINAL_FIGURES.put(name, ((NativeConnection) entry).liveFigures());
    }
    RefusedSamples refused = REFUSED.remove(name);
    return refused != null ? refused : new RefusedSamples();
  }

  /**
   * Every connection's live figures (NativeConnection.liveFigures) by name: those open now,
   * and the last ones of connections closed since (a test's final figures stay readable).
   */
  public static Map<String, String> figures() {
    return readOpen(new TreeMap<String, String>(FINAL_FIGURES), NativeConnection::liveFigures);
  }

  /** When the connection {@code name} closed (ms since the epoch); now if it is open. */
  public static long closedAtMillis(String name) {
    Long closed = CONNECTIONS.containsKey(name) ? null : CLOSED_AT.get(name);
    return closed != null ? closed : System.currentTimeMillis();
  }

  /**
   * Every open connection's live figures at the end of each of its last seconds
   * (NativeConnection.liveSeconds) by name.
   */
  public static Map<String, String> liveSeconds() {
    return readOpen(new TreeMap<String, String>(), NativeConnection::liveSeconds);
  }

  /** {@code into} with {@code reading} of every open connection, by name. */
  private static Map<String, String> readOpen(
      Map<String, String> into, Function<NativeConnection, String> reading) {
    for (Map.Entry<String, Object> entry : CONNECTIONS.entrySet()) {
      if (entry.getValue() instanceof NativeConnection) {
        try {
          into.put(entry.getKey(), reading.apply((NativeConnection) entry.getValue()));
        } catch (IllegalStateException closedMeanwhile) {
          // closed between listing and reading: its final figures are read at unregister
        }
      }
    }
    return into;
  }

  /** @throws UnusableConnectionException when no usable connection of that name is open */
  public static NativeConnection lookup(String name) {
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
