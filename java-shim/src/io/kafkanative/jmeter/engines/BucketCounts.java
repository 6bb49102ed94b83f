package io.kafkanative.jmeter.engines;

import java.util.Arrays;

/**
 * A latency histogram as the native core exports it: the non-empty buckets of a log-linear
 * histogram, each its upper bound (µs) and count. Two readings of one histogram subtract into
 * the histogram of the interval between them, so a live view shows each second's percentiles
 * exactly, not an average of averages.
 */
public final class BucketCounts {
  public static final BucketCounts EMPTY = new BucketCounts(new long[0], new long[0]);

  private final long[] bounds;
  private final long[] counts;
  private final long total;

  private BucketCounts(long[] bounds, long[] counts) {
    this.bounds = bounds;
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    this.total = sum;
  }

  /** Parses {@code bound:count,bound:count,...} (bounds ascending); empty text: no values. */
  public static BucketCounts parse(String text) {
    if (text == null || text.isEmpty()) {
      return EMPTY;
    }
    String[] buckets = text.split(",");
    long[] bounds = new long[buckets.length];
    long[] counts = new long[buckets.length];
    for (int i = 0; i < buckets.length; i++) {
      int colon = buckets[i].indexOf(':');
      bounds[i] = Long.parseLong(buckets[i].substring(0, colon));
      counts[i] = Long.parseLong(buckets[i].substring(colon + 1));
    }
    return new BucketCounts(bounds, counts);
  }

  /** The values recorded after {@code earlier}, a previous reading of the same histogram. */
  public BucketCounts minus(BucketCounts earlier) {
    long[] counts = Arrays.copyOf(this.counts, this.counts.length);
    for (int i = 0; i < earlier.bounds.length; i++) {
      int at = Arrays.binarySearch(bounds, earlier.bounds[i]);
      if (at >= 0) {
        counts[at] = Math.max(0, counts[at] - earlier.counts[i]);
      }
    }
    return new BucketCounts(bounds, counts);
  }

  public long count() {
    return total;
  }

  /**
   * The smallest bucket bound below which {@code percent} % of the values fall, as the native
   * histogram reports it (never understating); -1 when empty.
   */
  public long percentile(double percent) {
    if (total == 0) {
      return -1;
    }
    long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
    long seen = 0;
    for (int i = 0; i < bounds.length; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return bounds[i];
      }
    }
    return bounds[bounds.length - 1];
  }

  /** How many values are at most {@code bound} (exact when it is a bucket bound). */
  public long countAtMost(long bound) {
    long seen = 0;
    for (int i = 0; i < bounds.length && bounds[i] <= bound; i++) {
      seen += counts[i];
    }
    return seen;
  }

  /** The bound of the highest non-empty bucket; -1 when empty. */
  public long max() {
    for (int i = bounds.length - 1; i >= 0; i--) {
      if (counts[i] > 0) {
        return bounds[i];
      }
    }
    return -1;
  }
}
