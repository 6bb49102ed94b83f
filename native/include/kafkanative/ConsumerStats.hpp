#pragma once

#include <atomic>
#include <cstdint>

#include "kafkanative/LatencyHistogram.hpp"
#include "kafkanative/SequenceVerifier.hpp"

namespace kafkanative {

/// Running totals of one consumer sampler (all its threads) on one connection.
struct ConsumerStats {
  std::atomic<std::uint64_t> consumed{0};
  std::atomic<std::uint64_t> bytes{0};  ///< key + value bytes
  std::atomic<std::uint64_t> errors{0};
  std::atomic<std::uint64_t> undecodable{0};  ///< values their schema does not decode
  std::atomic<std::uint64_t> rebalances{0};
  std::atomic<std::uint64_t> commitsRefusedInRebalance{0};
  std::atomic<std::int64_t> firstConsumeEpochMicros{0};
  std::atomic<std::int64_t> lastConsumeEpochMicros{0};
  std::atomic<std::int64_t> maxLag{0};   ///< worst lag seen, messages
  std::atomic<std::int64_t> lastLag{0};  ///< lag at the last poll, messages
  LatencyHistogram endToEndLatency;      ///< producer stamp (kn-ts-us) to consumption, µs
  SequenceVerifier verifier;
};

}  // namespace kafkanative
