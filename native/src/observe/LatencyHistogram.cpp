#include "kafkanative/LatencyHistogram.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace kafkanative {

namespace {
constexpr std::uint64_t kSubBuckets = 32;
}

std::size_t LatencyHistogram::bucketIndex(std::uint64_t value) noexcept {
  value = std::min(value, kMaxValue);
  if (value < 2 * kSubBuckets) {
    return static_cast<std::size_t>(value);
  }
  const auto shift = static_cast<int>(std::bit_width(value)) - 1 - kSubBucketBits;
  const std::uint64_t sub = value >> shift;  // in [32, 64)
  return static_cast<std::size_t>((static_cast<std::uint64_t>(shift) + 1) * kSubBuckets +
                                  (sub - kSubBuckets));
}

std::uint64_t LatencyHistogram::bucketUpperBound(std::size_t index) noexcept {
  if (index < 2 * kSubBuckets) {
    return index;
  }
  const std::uint64_t shift = index / kSubBuckets - 1;
  const std::uint64_t sub = index % kSubBuckets + kSubBuckets;
  return ((sub + 1) << shift) - 1;
}

void LatencyHistogram::record(std::uint64_t micros) noexcept {
  micros = std::min(micros, kMaxValue);
  buckets_[bucketIndex(micros)].fetch_add(1, std::memory_order_relaxed);
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(micros, std::memory_order_relaxed);
  std::uint64_t seen = max_.load(std::memory_order_relaxed);
  while (micros > seen && !max_.compare_exchange_weak(seen, micros, std::memory_order_relaxed)) {
  }
}

void LatencyHistogram::add(const LatencyHistogram& other) noexcept {
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    buckets_[i].fetch_add(other.buckets_[i].load(std::memory_order_relaxed),
                          std::memory_order_relaxed);
  }
  count_.fetch_add(other.count(), std::memory_order_relaxed);
  sum_.fetch_add(other.sum_.load(std::memory_order_relaxed), std::memory_order_relaxed);
  const std::uint64_t otherMax = other.max();
  std::uint64_t seen = max_.load(std::memory_order_relaxed);
  while (otherMax > seen &&
         !max_.compare_exchange_weak(seen, otherMax, std::memory_order_relaxed)) {
  }
}

void LatencyHistogram::reset() noexcept {
  for (auto& bucket : buckets_) {
    bucket.store(0, std::memory_order_relaxed);
  }
  count_.store(0, std::memory_order_relaxed);
  sum_.store(0, std::memory_order_relaxed);
  max_.store(0, std::memory_order_relaxed);
}

std::vector<std::pair<std::uint64_t, std::uint64_t>> LatencyHistogram::nonEmptyBuckets() const {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> buckets;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    if (const auto n = buckets_[i].load(std::memory_order_relaxed); n > 0) {
      buckets.emplace_back(bucketUpperBound(i), n);
    }
  }
  return buckets;
}

double LatencyHistogram::mean() const noexcept {
  const std::uint64_t n = count();
  return n == 0
             ? 0.0
             : static_cast<double>(sum_.load(std::memory_order_relaxed)) / static_cast<double>(n);
}

std::uint64_t LatencyHistogram::percentile(double percent) const noexcept {
  const std::uint64_t n = count();
  if (n == 0) {
    return 0;
  }
  const double clamped = std::clamp(percent, 0.0, 100.0);
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(clamped / 100.0 * static_cast<double>(n))));
  std::uint64_t seen = 0;
  for (std::size_t i = 0; i < kBucketCount; ++i) {
    seen += buckets_[i].load(std::memory_order_relaxed);
    if (seen >= rank) {
      return std::min(bucketUpperBound(i), max());
    }
  }
  return max();
}

}  // namespace kafkanative
