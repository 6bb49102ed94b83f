#pragma once

#include <atomic>
#include <cstdint>

namespace kafkanative {

/// A shared send schedule for an open-model target rate: message k of the schedule is due at
/// start + k / rate. Threads claim consecutive slots with one atomic add, so the rate holds
/// across any number of threads without a lock, and a message sent late keeps its intended
/// time: latency is measured from it, and a stalled broker shows up as latency, not as a
/// quietly lower rate (no coordinated omission).
class RateLimiter {
 public:
  explicit RateLimiter(double messagesPerSecond);

  /// Claims `count` consecutive slots; returns the intended time (steady clock, ns) of the
  /// first. The schedule starts at the first claim.
  std::int64_t claim(std::uint32_t count) noexcept;

  std::int64_t intervalNanos() const noexcept { return intervalNanos_; }
  double messagesPerSecond() const noexcept { return messagesPerSecond_; }

  /// How far the schedule's next slot lies in the past (ns); 0 when on time or ahead.
  std::int64_t lagNanos() const noexcept;

  static std::int64_t steadyNanos() noexcept;

 private:
  const double messagesPerSecond_;
  const std::int64_t intervalNanos_;
  std::atomic<std::int64_t> next_{0};
};

}  // namespace kafkanative
