#pragma once

#include <string_view>

namespace kafkanative {

/// Names of the headers a producer stamps when asked. Values are decimal ASCII, so other
/// tools (kcat -f '%h') can read them too.
namespace StampHeaders {
/// Wall-clock epoch microseconds when the message was handed to librdkafka.
inline constexpr std::string_view kTimestampMicros = "kn-ts-us";
/// Identifies one producer session (random, 16 hex digits).
inline constexpr std::string_view kProducerId = "kn-producer";
/// The session's message sequence number: 0, 1, 2, ... across all partitions.
inline constexpr std::string_view kSequence = "kn-seq";
/// The session's sequence number within the message's partition: 0, 1, 2, ... per partition,
/// so a consumer of that partition can tell a gap (loss), a repeat (duplicate) or a step
/// back (reordering) from the messages alone.
inline constexpr std::string_view kPartitionSequence = "kn-pseq";
/// The same stamp as text in a value (a template's `{{stamp}}`), for applications that do
/// not carry headers from their input to their output but copy a field of the value:
/// "kn-stamp/TIMESTAMP_US/PARTITION_SEQUENCE/PRODUCER_ID", the producer id last (letters,
/// digits and '@', ':', '.', '-'), so a consumer finds it anywhere in a value: in a JSON
/// string, a CSV column, an Avro string.
inline constexpr std::string_view kValuePrefix = "kn-stamp/";
}  // namespace StampHeaders

}  // namespace kafkanative
