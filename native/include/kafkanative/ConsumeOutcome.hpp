#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// What one consumer sample reports, measured natively.
struct ConsumeOutcome {
  std::uint32_t messages = 0;
  std::uint64_t bytes = 0;               ///< key + value bytes
  std::int64_t elapsedMicros = 0;        ///< poll start to the last message (or timeout)
  std::int64_t firstMessageMicros = -1;  ///< poll start to the first message
  std::int64_t maxEndToEndMicros = -1;   ///< worst producer-stamp-to-consumption, -1: no stamps
  std::int64_t maxLag = -1;              ///< worst lag of the partitions polled, -1: unknown
  std::uint64_t missing = 0;             ///< sequence numbers newly skipped (see SequenceVerifier)
  std::uint64_t duplicates = 0;
  std::uint64_t reordered = 0;
  std::uint32_t forwarded = 0;      ///< a processor's outputs acknowledged (and committed)
  std::int64_t forwardMicros = -1;  ///< a processor's time to send, acknowledge and commit
  std::string verificationProblem;  ///< the first finding, empty when clean
  std::uint32_t undecodable = 0;    ///< values that are not what their schema says
  std::string decodeProblem;        ///< why the first of them was not, empty when none
  std::string errorName;            ///< a consume error, empty when none
  std::string errorMessage;
  /// The poll's last message, when asked for (ConsumerSettings::lastMessageBytes).
  std::string lastKey;
  std::string lastValue;             ///< at most lastMessageBytes of it (decoded: its JSON)
  std::uint64_t lastValueBytes = 0;  ///< its whole size
  std::string lastHeaders;           ///< "name=value" lines
};

}  // namespace kafkanative
