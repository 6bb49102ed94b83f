#pragma once

#include <cstdint>

namespace kafkanative {

/// xoshiro256** — a small, fast, non-cryptographic generator for message content. One per
/// session, so the per-message path takes no lock and shares no state between threads. The
/// draws are defined here, inline, because record templates make dozens per message.
class FastRandom {
 public:
  explicit FastRandom(std::uint64_t seed) noexcept;

  std::uint64_t next() noexcept {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [low, high] (inclusive); `low` <= `high`.
  std::int64_t between(std::int64_t low, std::int64_t high) noexcept {
    const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    const std::uint64_t offset = span == UINT64_MAX ? next() : below(span + 1);
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + offset);
  }

  /// Uniform in [0, bound); `bound` > 0.
  std::uint64_t below(std::uint64_t bound) noexcept {
    // Lemire's multiply-shift: unbiased enough for load generation, and no division.
    __extension__ using Wide = unsigned __int128;
    return static_cast<std::uint64_t>((static_cast<Wide>(next()) * bound) >> 64);
  }

 private:
  static constexpr std::uint64_t rotl(std::uint64_t x, int k) noexcept {
    return (x << k) | (x >> (64 - k));
  }

  std::uint64_t state_[4];
};

}  // namespace kafkanative
