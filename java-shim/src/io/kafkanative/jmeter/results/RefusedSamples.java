package io.kafkanative.jmeter.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples of one connection's samplers that failed before anything was sent or received (a
 * setting refused, a session that would not open). The native figures never see them, so the
 * end-of-test summary counts them here: a run in which every sample failed must not read as
 * "0 sent, 0 failed".
 */
public final class RefusedSamples {
  private static final class Count {
    final AtomicLong samples = new AtomicLong();
    final String firstReason;

    Count(String firstReason) {
      this.firstReason = firstReason;
    }
  }

  private final ConcurrentMap<String, Count> bySampler = new ConcurrentHashMap<String, Count>();

  public void note(String sampler, String reason) {
    Count count = bySampler.get(sampler);
    if (count == null) {
      Count first = new Count(reason);
      count = bySampler.putIfAbsent(sampler, first);
      if (count == null) {
        count = first;
      }
    }
    count.samples.incrementAndGet();
  }

  /** One summary line per sampler with refused samples. */
  public List<String> lines() {
    List<String> lines = new ArrayList<String>();
    for (Map.Entry<String, Count> entry : bySampler.entrySet()) {
      lines.add(
          entry.getKey() + ": " + entry.getValue().samples.get()
              + " samples failed before sending or receiving anything; first: "
              + entry.getValue().firstReason);
    }
    return lines;
  }
}
