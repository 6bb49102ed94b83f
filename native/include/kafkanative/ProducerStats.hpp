#pragma once

#include <atomic>
#include <cstdint>

#include "kafkanative/LatencyHistogram.hpp"

namespace kafkanative {

/// Running totals of one sampler's messages on one connection, updated lock-free from JMeter
/// threads (sends) and from librdkafka's delivery callbacks (acks), read at any time for the
/// run summary.
struct ProducerStats {
  std::atomic<std::uint64_t> sent{0};    ///< accepted by librdkafka's queue
  std::atomic<std::uint64_t> acked{0};   ///< delivery confirmed by the broker
  std::atomic<std::uint64_t> failed{0};  ///< refused at enqueue or failed delivery
  std::atomic<std::uint64_t> ackedBytes{0};
  std::atomic<std::uint64_t> queueFullRetries{0};
  std::atomic<std::int64_t> firstSendEpochMicros{0};
  std::atomic<std::int64_t> lastAckEpochMicros{0};
  /// When the last sample, or wait for deliveries at a thread's end, returned: when these
  /// producers last did anything, however long their messages queued before that.
  std::atomic<std::int64_t> samplingEndEpochMicros{0};
  /// The longest time without any acknowledgement between two that came (measured per
  /// completed batch): how long an outage lasted as the client saw it.
  std::atomic<std::int64_t> longestAckGapMicros{0};
  /// The target rate of the sessions that have one (the last one set), 0 without.
  std::atomic<double> targetRate{0};
  /// How far behind its schedule the rate limiter was at the last send, µs.
  std::atomic<std::int64_t> scheduleLagMicros{0};
  LatencyHistogram ackLatency;       ///< per message, queued to delivery report, µs
  LatencyHistogram intendedLatency;  ///< per message under a target rate: intended send to report

  /// Adds `other`'s counts into this one (for totals over samplers).
  void add(const ProducerStats& other) noexcept;
};

}  // namespace kafkanative
