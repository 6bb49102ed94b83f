#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// Histogram buckets as the native core writes them: upper bound (µs) → count.
using Buckets = std::map<std::uint64_t, std::uint64_t>;

/// Merges the per-second [[upper bound µs, count], ...] histograms of `field` in `seconds`.
template <class Seconds>
Buckets mergedBuckets(const Seconds& seconds, const char* field) {
  Buckets merged;
  for (const nlohmann::json& second : seconds) {
    for (const auto& bucket : second[field]["buckets"]) {
      merged[bucket[0].template get<std::uint64_t>()] += bucket[1].template get<std::uint64_t>();
    }
  }
  return merged;
}

/// The percentile as the native histogram reports it: the smallest bucket bound below which
/// `percent` % of the `total` values fall (never understating); 0 when empty.
inline std::uint64_t bucketPercentile(const Buckets& buckets, std::uint64_t total, double percent) {
  const auto rank = std::max<std::uint64_t>(
      1, static_cast<std::uint64_t>(std::ceil(percent / 100.0 * static_cast<double>(total))));
  std::uint64_t seen = 0;
  for (const auto& [bound, count] : buckets) {
    seen += count;
    if (seen >= rank) {
      return bound;
    }
  }
  return 0;
}

}  // namespace kafkanative::report
