#pragma once

#include <atomic>
#include <cstdint>

namespace kafkanative {

/// Whether a session's interrupt() was called since one call began. Sessions count interrupt
/// requests; a call notes the count when it starts, so a request aimed at an earlier sample
/// never cuts a later one short (JMeter's sample timeouts interrupt one sample, not a thread).
struct InterruptCheck {
  const std::atomic<std::uint64_t>& requests;
  const std::uint64_t seen = requests.load(std::memory_order_relaxed);

  bool requested() const noexcept { return requests.load(std::memory_order_relaxed) != seen; }
};

}  // namespace kafkanative
