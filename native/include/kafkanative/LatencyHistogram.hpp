#pragma once

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kafkanative {

/// A log-linear (HDR-style) histogram of microsecond latencies: every power of two is split
/// into 32 linear sub-buckets, so any recorded value is reported within ~3% of itself.
/// Recording is lock-free and wait-free (relaxed atomic increments), so delivery callbacks on
/// librdkafka threads can record while another thread reads a snapshot.
class LatencyHistogram {
 public:
  /// Values above this (about 12.7 days in µs) are clamped to it.
  static constexpr std::uint64_t kMaxValue = (std::uint64_t{1} << 40) - 1;

  void record(std::uint64_t micros) noexcept;

  /// Adds every value recorded in `other` (for totals over several histograms).
  void add(const LatencyHistogram& other) noexcept;

  /// Forgets every value (not atomic as a whole: for a histogram no one records into now).
  void reset() noexcept;

  /// (bucket upper bound, count) of every non-empty bucket, in order: a compact, mergeable
  /// form for reports.
  std::vector<std::pair<std::uint64_t, std::uint64_t>> nonEmptyBuckets() const;

  std::uint64_t count() const noexcept { return count_.load(std::memory_order_relaxed); }
  std::uint64_t max() const noexcept { return max_.load(std::memory_order_relaxed); }
  /// The sum of every recorded value (µs), for outputs that report a histogram's sum.
  std::uint64_t sum() const noexcept { return sum_.load(std::memory_order_relaxed); }
  double mean() const noexcept;

  /// The smallest bucket upper bound below which `percent` % of recorded values fall
  /// (never understates); 0 when empty. `percent` is in [0, 100].
  std::uint64_t percentile(double percent) const noexcept;

  /// Bucket arithmetic, public so tests can check it.
  static std::size_t bucketIndex(std::uint64_t value) noexcept;
  static std::uint64_t bucketUpperBound(std::size_t index) noexcept;

 private:
  static constexpr int kSubBucketBits = 5;
  static constexpr std::size_t kBucketCount = (40 - kSubBucketBits + 1) << kSubBucketBits;

  std::array<std::atomic<std::uint64_t>, kBucketCount> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_{0};
  std::atomic<std::uint64_t> max_{0};
};

}  // namespace kafkanative
