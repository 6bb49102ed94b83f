#pragma once

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>

namespace kafkanative::report {

/// Histogram buckets as the native core writes them: upper bound (µs) → count.
using Buckets = std::map<std::uint64_t, std::uint64_t>;

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
