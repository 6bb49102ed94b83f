#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

namespace kafkanative {

/// The counter behind `{{sequence:NAME:START:STEP}}`: one per name for the whole engine, so
/// every thread and every template that names it draws from it (as Pepper-Box's SEQUENCE and
/// JMeter's __counter(FALSE) count), each value once. One atomic add per message; the counter
/// has a cache line of its own, so threads drawing from it contend only for it, not for data
/// beside it. Each test starts it again (restartAll, when a test's first connection opens).
class SharedSequence {
 public:
  SharedSequence(std::int64_t start, std::int64_t step)
      : next_(static_cast<std::uint64_t>(start)), start_(start), step_(step) {}

  /// The sequence named `name`, made on first use; throws KafkaError when it already counts
  /// from another start or by another step (`what` names the template).
  static std::shared_ptr<SharedSequence> named(const std::string& name, std::int64_t start,
                                               std::int64_t step, const std::string& what);
  /// Forgets every sequence: the next test's templates count from their start again.
  static void restartAll();

  /// The next value: START, START + STEP, ... (wrapping past the 64-bit range).
  std::int64_t next() noexcept {
    return static_cast<std::int64_t>(
        next_.fetch_add(static_cast<std::uint64_t>(step_), std::memory_order_relaxed));
  }

 private:
  alignas(64) std::atomic<std::uint64_t> next_;
  alignas(64) const std::int64_t start_;
  const std::int64_t step_;
};

}  // namespace kafkanative
