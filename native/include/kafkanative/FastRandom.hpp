#pragma once

#include <cstdint>

namespace kafkanative {

/// xoshiro256** — a small, fast, non-cryptographic generator for message content. One per
/// session, so the per-message path takes no lock and shares no state between threads.
class FastRandom {
 public:
  explicit FastRandom(std::uint64_t seed) noexcept;

  std::uint64_t next() noexcept;

  /// Uniform in [low, high] (inclusive); `low` <= `high`.
  std::int64_t between(std::int64_t low, std::int64_t high) noexcept;

  /// Uniform in [0, bound); `bound` > 0.
  std::uint64_t below(std::uint64_t bound) noexcept;

 private:
  std::uint64_t state_[4];
};

}  // namespace kafkanative
