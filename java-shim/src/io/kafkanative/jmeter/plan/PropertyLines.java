package io.kafkanative.jmeter.plan;

import io.kafkanative.jmeter.core.KafkaNativeException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Parses "key=value per line" text (properties, headers); blank lines and # comments skipped. */
public final class PropertyLines {
  private PropertyLines() {}

  /** @param field names the field in error messages */
  public static Map<String, String> parse(String text, String field) {
    Map<String, String> result = new LinkedHashMap<String, String>();
    if (text == null) {
      return result;
    }
    int lineNumber = 0;
    for (String line : text.split("\r?\n")) {
      lineNumber++;
      String trimmed = line.trim();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      int equals = trimmed.indexOf('=');
      if (equals <= 0) {
        throw new KafkaNativeException(
            "_INVALID_ARG",
            field + ", line " + lineNumber + ": expected key=value");
      }
      result.put(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1).trim());
    }
    return result;
  }
}
