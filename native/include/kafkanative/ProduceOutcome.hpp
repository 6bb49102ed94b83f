#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// What one sample reports, measured natively.
///
/// In DeliveryMode::kWait every count is about this sample's own messages. In
/// DeliveryMode::kTrack `requested`/`sent` are this sample's messages, while the delivery
/// figures (`acked`, `failed`, bytes, latencies, offsets) are those of earlier messages whose
/// reports arrived since the previous sample; `failed` also counts this sample's messages that
/// could not be queued.
struct ProduceOutcome {
  std::uint32_t requested = 0;                ///< messages the sample asked for
  std::uint32_t sent = 0;                     ///< accepted by librdkafka's queue
  std::uint32_t acked = 0;                    ///< delivery confirmed by the broker
  std::uint32_t failed = 0;                   ///< refused, failed or (kWait) never confirmed
  std::uint64_t ackedBytes = 0;               ///< key + value bytes of acked messages
  std::int64_t elapsedMicros = 0;             ///< first send to last report (kTrack: to queued)
  std::int64_t firstAckMicros = 0;            ///< first send to first report (kWait)
  std::int64_t maxAckLatencyMicros = 0;       ///< worst message: queued to report
  std::int64_t ackLatencySumMicros = 0;       ///< acknowledged messages' latencies, summed
  std::int64_t maxIntendedLatencyMicros = 0;  ///< worst message: intended send time to report
  std::int32_t firstPartition = -1;           ///< of the first acknowledged message reported
  std::int64_t firstOffset = -1;
  std::int32_t lastPartition = -1;  ///< of the last acknowledged message reported
  std::int64_t lastOffset = -1;
  std::uint64_t inFlight = 0;  ///< kTrack: messages of this session still awaiting a report
  std::string errorName;       ///< librdkafka name of the first error, empty on success
  std::string errorMessage;    ///< its description, with the client's last error if any
};

}  // namespace kafkanative
