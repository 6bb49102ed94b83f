#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// What happened to the messages of one sample, measured natively.
struct ProduceOutcome {
  std::uint32_t requested = 0;           ///< messages the sample asked for
  std::uint32_t sent = 0;                ///< accepted by librdkafka's queue
  std::uint32_t acked = 0;               ///< delivery confirmed by the broker
  std::uint32_t failed = 0;              ///< requested - acked: rejected, failed or never confirmed
  std::uint64_t ackedBytes = 0;          ///< key + value bytes of acked messages
  std::int64_t elapsedMicros = 0;        ///< first send to last delivery report
  std::int64_t firstAckMicros = 0;       ///< first send to first delivery report
  std::int64_t maxAckLatencyMicros = 0;  ///< worst single message, send to report
  std::string errorName;                 ///< librdkafka name of the first error, empty on success
  std::string errorMessage;              ///< its description, with the client's last error if any
};

}  // namespace kafkanative
