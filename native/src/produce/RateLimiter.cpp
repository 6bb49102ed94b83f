#include "kafkanative/RateLimiter.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {
constexpr double kMaxRate = 1e9;  // one message per nanosecond: the schedule's resolution
}

RateLimiter::RateLimiter(double messagesPerSecond)
    : messagesPerSecond_(messagesPerSecond),
      intervalNanos_(static_cast<std::int64_t>(
          std::llround(1e9 / std::clamp(messagesPerSecond, 1e-9, kMaxRate)))) {
  if (!(messagesPerSecond > 0) || messagesPerSecond > kMaxRate) {
    throw KafkaError::invalidArgument("target rate: must be above 0 and at most 1e9 messages/s");
  }
}

std::int64_t RateLimiter::steadyNanos() noexcept {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

std::int64_t RateLimiter::claim(std::uint32_t count) noexcept {
  if (next_.load(std::memory_order_relaxed) == 0) {  // the first claim starts the schedule
    std::int64_t unset = 0;
    next_.compare_exchange_strong(unset, steadyNanos(), std::memory_order_relaxed);
  }
  return next_.fetch_add(intervalNanos_ * static_cast<std::int64_t>(count),
                         std::memory_order_relaxed);
}

std::int64_t RateLimiter::lagNanos() const noexcept {
  const std::int64_t next = next_.load(std::memory_order_relaxed);
  return next == 0 ? 0 : std::max<std::int64_t>(0, steadyNanos() - next);
}

}  // namespace kafkanative
