package io.kafkanative.jmeter.connection;

import org.apache.jorphan.logging.LoggingManager;
import org.apache.log.Logger;

/**
 * This plugin's version, from its jar's manifest (the one place it is set is CMake's project
 * version): logged once per JVM when a Kafka Connection first opens, and told to the brokers
 * as librdkafka's client.software.name / client.software.version.
 */
public final class PluginVersion {
  public static final String NAME = "jmeter-kafka-native";
  private static final Logger LOG = LoggingManager.getLoggerForClass();
  private static volatile boolean logged;

  private PluginVersion() {}

  /** The version, or "unknown" for classes not loaded from the plugin jar (unit tests). */
  public static String get() {
    Package of = PluginVersion.class.getPackage();
    String version = of == null ? null : of.getImplementationVersion();
    return version != null ? version : "unknown";
  }

  /** Logs name and version, once per JVM. */
  public static void logOnce() {
    if (!logged) {
      logged = true;
      LOG.info(NAME + " " + get() + " loaded");
    }
  }
}
