package io.kafkanative.jmeter.live;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.kafkanative.jmeter.core.NativeConnection;
import io.kafkanative.jmeter.engines.BucketCounts;

/**
 * One sampler's live figures as read from its connection (NativeConnection.liveFigures): its
 * kind ("producer" or "consumer"), name, cumulative counts and latency histograms.
 */
public final class SamplerFigures {
  final String kind;
  final String name;
  private final Map<String, String> fields;

  private SamplerFigures(String kind, String name, Map<String, String> fields) {
    this.kind = kind;
    this.name = name;
    this.fields = fields;
  }

  /**
   * Parses lines of {@code kind TAB name (TAB key=value)*}; {@code prefix} goes before each
   * name (a connection's, when several are open).
   */
  static List<SamplerFigures> parse(String lines, String prefix) {
    List<SamplerFigures> figures = new ArrayList<SamplerFigures>();
    for (String line : lines.split("\n")) {
      String[] parts = line.split("\t");
      if (parts.length < 2) {
        continue;
      }
      Map<String, String> fields = new HashMap<String, String>();
      for (int i = 2; i < parts.length; i++) {
        int equals = parts[i].indexOf('=');
        if (equals > 0) {
          fields.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
        }
      }
      figures.add(new SamplerFigures(parts[0], prefix + parts[1], fields));
    }
    return figures;
  }

  boolean isProducer() {
    return "producer".equals(kind);
  }

  /** Messages done so far, whatever became of them: it stops growing when nothing flows. */
  long progress() {
    return isProducer() ? count("acked") + count("failed") : count("consumed") + count("errors");
  }

  /** A count; 0 when absent. */
  long count(String key) {
    String value = fields.get(key);
    return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
  }

  BucketCounts histogram(String key) {
    return BucketCounts.parse(fields.get(key));
  }
}
