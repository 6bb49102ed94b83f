#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

namespace kafkanative {

/// Raises `target` to `value` if it is larger (relaxed: figures for reports, not for
/// synchronising anything).
template <typename T>
void storeMax(std::atomic<T>& target, T value) noexcept {
  T seen = target.load(std::memory_order_relaxed);
  while (value > seen && !target.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
  }
}

/// Lowers `target` to `value` if it is unset (0) or larger.
template <typename T>
void storeMinSet(std::atomic<T>& target, T value) noexcept {
  T seen = target.load(std::memory_order_relaxed);
  while ((seen == 0 || value < seen) &&
         !target.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
  }
}

/// Wall-clock time in µs since the epoch: what reports and other processes can line up.
inline std::int64_t epochMicrosNow() noexcept {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace kafkanative
