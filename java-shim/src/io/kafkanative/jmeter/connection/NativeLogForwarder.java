package io.kafkanative.jmeter.connection;

import io.kafkanative.jmeter.core.NativeKafka;
import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * Moves native log lines (debug, info, warnings, errors) into jmeter.log. A Java daemon thread
 * drains the native queue five times a second, so samples never pay a JNI crossing for logging
 * and native threads never call into the JVM. librdkafka's debug lines exist only when a
 * connection's {@code debug} property asks for them, so they are logged at INFO, marked
 * "debug": asking for them is the user's opt-in, and jmeter.log shows INFO by default.
 */
public final class NativeLogForwarder implements Runnable {
  // The logger keeps the name it had before this class moved into its package, the one the
  // docs give for setting its level in log4j2.xml or jmeter.properties.
  private static final Logger LOG =
      LoggingManager.getLoggerFor("io.kafkanative.jmeter.NativeLogForwarder");
  private static final long INTERVAL_MS = 200;
  private static Thread thread;

  private NativeLogForwarder() {}

  public static synchronized void start() {
    if (thread == null) {
      thread = new Thread(new NativeLogForwarder(), "kafka-native-log");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /** Stops the thread and forwards what is left. */
  public static synchronized void stop() {
    if (thread != null) {
      thread.interrupt();
      thread = null;
    }
    forward();
  }

  @Override
  public void run() {
    while (!Thread.currentThread().isInterrupted()) {
      forward();
      try {
        Thread.sleep(INTERVAL_MS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  static void forward() {
    try {
      for (String line : NativeKafka.drainLog()) {
        char level = line.charAt(0);
        if (level == 'E') {
          LOG.error("kafka-native: " + line.substring(1));
        } else if (level == 'W') {
          LOG.warn("kafka-native: " + line.substring(1));
        } else if (level == 'D') {
          LOG.info("kafka-native debug: " + line.substring(1));
        } else {
          LOG.info("kafka-native: " + line.substring(1));
        }
      }
    } catch (RuntimeException e) { // the library failed to load: samples report that
      LOG.debug("native log not drained: " + e.getMessage());
    }
  }
}
