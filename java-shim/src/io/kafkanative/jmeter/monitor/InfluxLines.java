package io.kafkanative.jmeter.monitor;

import java.util.Map;

/**
 * Points in InfluxDB's line protocol: {@code measurement,tag=value field=value timestamp}, with
 * its escaping (commas, spaces and equals signs in tags; quotes and backslashes in strings),
 * integers suffixed {@code i}, nanosecond timestamps.
 */
public final class InfluxLines {
  private final String measurement;
  private final String application;

  public InfluxLines(String measurement, String application) {
    this.measurement = escapeMeasurement(measurement);
    this.application = escapeTag(application);
  }

  /** {@code point} as one line, tagged with the application, engine, connection, kind and sampler. */
  public String line(LivePoint point) {
    StringBuilder line = new StringBuilder(measurement);
    line.append(",application=").append(application);
    tag(line, "engine", point.engine);
    tag(line, "connection", point.connection);
    tag(line, "kind", point.kind);
    tag(line, "sampler", point.sampler);
    char separator = ' ';
    for (Map.Entry<String, Number> field : point.fields.entrySet()) {
      line.append(separator).append(escapeTag(field.getKey())).append('=');
      Number value = field.getValue();
      if (value instanceof Long) {
        line.append(value.longValue()).append('i');
      } else {
        double number = value.doubleValue();
        line.append(Double.isNaN(number) || Double.isInfinite(number) ? 0.0 : number);
      }
      separator = ',';
    }
    return line.append(' ').append(point.epochMicros * 1000).toString();
  }

  /**
   * A test's start or end in the {@code events} measurement, as JMeter's own InfluxDB client
   * writes it (Grafana annotations read {@code text} and {@code tags}).
   */
  public String event(String engine, String title, String text, String tags, long epochMillis) {
    StringBuilder line = new StringBuilder("events,application=").append(application);
    tag(line, "engine", engine);
    line.append(" title=").append(quoted(title));
    line.append(",text=").append(quoted(text));
    if (!tags.isEmpty()) {
      line.append(",tags=").append(quoted(tags));
    }
    return line.append(' ').append(epochMillis * 1_000_000L).toString();
  }

  /** Adds {@code ,name=value}, or nothing for an empty value (line protocol has none). */
  private static void tag(StringBuilder line, String name, String value) {
    if (value != null && !value.isEmpty()) {
      line.append(',').append(name).append('=').append(escapeTag(value));
    }
  }

  static String escapeTag(String text) {
    return text.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ")
        .replace("\n", "\\n");
  }

  static String escapeMeasurement(String text) {
    return text.replace("\\", "\\\\").replace(",", "\\,").replace(" ", "\\ ");
  }

  static String quoted(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
