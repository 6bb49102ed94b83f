package io.kafkanative.jmeter.plan;

import io.kafkanative.jmeter.core.ConsumerConfig;
import io.kafkanative.jmeter.core.KafkaNativeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses explicit partition assignments, one {@code topic:partition[:offset]} per line or
 * comma; the offset is a number, {@code beginning}, {@code end} or {@code stored} (default).
 */
public final class PartitionList {
  private PartitionList() {}

  public static List<ConsumerConfig.Assignment> parse(String text) {
    List<ConsumerConfig.Assignment> assignments = new ArrayList<ConsumerConfig.Assignment>();
    if (text == null) {
      return assignments;
    }
    for (String entry : text.split("[,\\r\\n]+")) {
      String trimmed = entry.trim();
      if (!trimmed.isEmpty()) {
        assignments.add(parseOne(trimmed));
      }
    }
    return assignments;
  }

  private static ConsumerConfig.Assignment parseOne(String entry) {
    String[] parts = entry.split(":");
    try {
      if (parts.length == 2 || parts.length == 3) {
        return new ConsumerConfig.Assignment(
            parts[0].trim(),
            Integer.parseInt(parts[1].trim()),
            parts.length == 3 ? offset(parts[2].trim()) : -1000);
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected form
    }
    throw new KafkaNativeException(
        "_INVALID_ARG",
        "partitions: '" + entry + "' is not topic:partition[:offset|beginning|end|stored]");
  }

  private static long offset(String text) {
    if ("beginning".equals(text)) {
      return -2;
    }
    if ("end".equals(text)) {
      return -1;
    }
    if ("stored".equals(text)) {
      return -1000;
    }
    return Long.parseLong(text);
  }
}
