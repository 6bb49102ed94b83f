#pragma once

#include <atomic>
#include <cstdint>

#include "kafkanative/LatencyHistogram.hpp"

namespace kafkanative {

/// Running totals of one shared producer, updated lock-free from JMeter threads (sends) and
/// from librdkafka's delivery callbacks (acks), read at any time for the run summary.
struct ProducerStats {
  std::atomic<std::uint64_t> sent{0};    ///< accepted by librdkafka's queue
  std::atomic<std::uint64_t> acked{0};   ///< delivery confirmed by the broker
  std::atomic<std::uint64_t> failed{0};  ///< rejected at enqueue or failed delivery
  std::atomic<std::uint64_t> ackedBytes{0};
  std::atomic<std::uint64_t> queueFullRetries{0};
  std::atomic<std::int64_t> firstSendEpochMicros{0};
  std::atomic<std::int64_t> lastAckEpochMicros{0};
  LatencyHistogram ackLatency;  ///< per message, enqueue to delivery report, µs
};

}  // namespace kafkanative
