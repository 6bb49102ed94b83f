package io.kafkanative.jmeter.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one class with {@code native} methods. Each wrapper makes exactly one JNI crossing;
 * strings cross as UTF-8 bytes. Handles are opaque ids checked natively: a closed or forged
 * handle raises {@link IllegalStateException}, never a crash.
 */
public final class NativeKafka {
  private NativeKafka() {}

  /** Opens (or shares) the client for this configuration; see {@link NativeConnection}. */
  static long openConnection(
      String bootstrap, Map<String, String> properties, long flushMs, String statisticsFile) {
    NativeLibrary.ensureLoaded();
    byte[][] pairs = new byte[properties.size() * 2][];
    int i = 0;
    for (Map.Entry<String, String> property : properties.entrySet()) {
      pairs[i++] = utf8(property.getKey());
      pairs[i++] = utf8(property.getValue());
    }
    return openConnection0(utf8(bootstrap), pairs, flushMs, utf8(statisticsFile));
  }

  static void scheduleFaults(long connection, String schedule) {
    scheduleFaults0(connection, utf8(schedule));
  }

  static void closeConnection(long connection) {
    closeConnection0(connection);
  }

  /** A connection's figures: the order is the native side's. */
  enum SummaryForm {
    JSON,
    TEXT,
    LIVE,
    LIVE_SECONDS
  }

  static String connectionSummary(long connection, SummaryForm form) {
    return new String(connectionSummary0(connection, form.ordinal()), StandardCharsets.UTF_8);
  }

  static long openProducer(long connection, ProducerConfig config) {
    return openProducer0(connection, config.texts(), config.numbers(), config.ratePerSecond);
  }

  static long openConsumer(long connection, ConsumerConfig config) {
    return openConsumer0(connection, config.texts(), config.numbers());
  }

  static void closeConsumer(long consumer) {
    closeConsumer0(consumer);
  }

  static void consume(long consumer, int maxMessages, long timeoutMs, ConsumeOutcome outcome) {
    outcome.setTexts(consume0(consumer, maxMessages, timeoutMs, outcome.slots()));
  }

  /** Interrupts the call in progress on a producer or consumer session, from any thread. */
  static void interrupt(long session) {
    interrupt0(session);
  }

  static void closeProducer(long producer) {
    closeProducer0(producer);
  }

  /** Sends (and waits, in WAIT mode); fills {@code outcome}'s slots and its error, if any. */
  static void produce(long producer, int messages, ProduceOutcome outcome) {
    setError(outcome, produce0(producer, messages, outcome.slots()));
  }

  /** TRACK mode: waits for the deliveries still in flight and reports them. */
  static void finish(long producer, ProduceOutcome outcome) {
    setError(outcome, finish0(producer, outcome.slots()));
  }

  private static void setError(ProduceOutcome outcome, byte[][] error) {
    if (error == null) {
      outcome.clearError();
    } else {
      outcome.setError(
          new String(error[0], StandardCharsets.UTF_8),
          new String(error[1], StandardCharsets.UTF_8));
    }
  }

  /** Opens a reader of {@code group}'s lag on {@code topics}; see {@link NativeLagReader}. */
  static long openLagReader(long connection, String group, List<String> topics) {
    byte[][] texts = new byte[1 + topics.size()][];
    texts[0] = utf8(group);
    for (int i = 0; i < topics.size(); i++) {
      texts[1 + i] = utf8(topics.get(i));
    }
    return openLagReader0(connection, texts);
  }

  static void readLag(long reader, long timeoutMs, GroupLagReading reading) {
    reading.setTexts(readLag0(reader, timeoutMs, reading.slots()));
  }

  static void closeLagReader(long reader) {
    closeLagReader0(reader);
  }

  /** Native log lines since the last call; each starts with 'I', 'W' or 'E' (its level). */
  public static List<String> drainLog() {
    NativeLibrary.ensureLoaded();
    byte[][] lines = drainLog0();
    List<String> result = new ArrayList<String>(lines.length);
    for (byte[] line : lines) {
      result.add(new String(line, StandardCharsets.UTF_8));
    }
    return result;
  }

  /** How many calls Java has made into the native library so far (a debug counter). */
  public static long crossings() {
    NativeLibrary.ensureLoaded();
    return crossings0();
  }

  /** This JVM as an engine of a distributed test ("host:pid"), as the summaries name it. */
  public static String engineName() {
    NativeLibrary.ensureLoaded();
    return new String(engineName0(), StandardCharsets.UTF_8);
  }

  private static byte[] utf8(String text) {
    return ProducerConfig.utf8(text);
  }

  private static native long openConnection0(
      byte[] bootstrap, byte[][] properties, long flushMs, byte[] statisticsFile);

  private static native void closeConnection0(long connection);

  private static native void scheduleFaults0(long connection, byte[] schedule);

  private static native byte[] connectionSummary0(long connection, int form);

  private static native long openProducer0(
      long connection, byte[][] texts, long[] numbers, double ratePerSecond);

  private static native void closeProducer0(long producer);

  private static native void interrupt0(long session);

  private static native byte[][] produce0(long producer, int messages, long[] outcome);

  private static native byte[][] finish0(long producer, long[] outcome);

  private static native byte[][] drainLog0();

  private static native long openLagReader0(long connection, byte[][] texts);

  private static native byte[][] readLag0(long reader, long timeoutMs, long[] reading);

  private static native void closeLagReader0(long reader);

  private static native long crossings0();

  private static native byte[] engineName0();

  private static native long openConsumer0(long connection, byte[][] texts, long[] numbers);

  private static native void closeConsumer0(long consumer);

  private static native byte[][] consume0(
      long consumer, int maxMessages, long timeoutMs, long[] outcome);
}
