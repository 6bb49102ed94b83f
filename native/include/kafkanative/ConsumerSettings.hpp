#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "kafkanative/ForwardSettings.hpp"
#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

/// When a consumer commits its offsets.
enum class CommitMode {
  kAuto,   ///< librdkafka's periodic auto-commit
  kSync,   ///< synchronously after every sample that consumed something
  kAsync,  ///< asynchronously after every such sample
  kNone    ///< never (offsets are not stored in the group)
};

/// Where a consumer finds the producers' stamps (end-to-end latency, sequence checks).
enum class StampSource {
  kHeaders,  ///< the kn-* headers the producer wrote (applications that carry headers through)
  kValue,    ///< a "kn-stamp/..." text anywhere in the value (StampHeaders::kValuePrefix)
  kKey       ///< the same in the key
};

/// One explicitly assigned partition, for consuming without a group subscription.
struct PartitionAssignment {
  std::string topic;
  std::int32_t partition = 0;
  std::int64_t offset = -2;  ///< an offset, or -2 (beginning), -1 (end), -1000 (stored)
};

/// What one Kafka Consumer sampler reads and how.
struct ConsumerSettings {
  /// Topics to subscribe to; an entry starting with '^' is a regular expression.
  std::vector<std::string> topics;
  /// Explicit partitions instead of a subscription (then `groupId` only stores offsets).
  std::vector<PartitionAssignment> assignments;
  std::string groupId;
  /// How long a subscribed topic may not exist before one sample fails (the wait goes on).
  std::chrono::milliseconds topicWait{60000};
  std::string autoOffsetReset = "earliest";
  CommitMode commit = CommitMode::kAuto;
  StampSource stampsFrom = StampSource::kHeaders;
  /// Keep the poll's last message (ConsumeOutcome::lastKey...), its value cut to this many
  /// bytes: 0 keeps nothing, SIZE_MAX all of it.
  std::size_t lastMessageBytes = 0;
  /// Sessions with the same name share statistics and sequence verification.
  std::string statsName = "consumer";
  /// Values in a schema format are decoded (each checked; the kept last one as JSON): the
  /// format and, without a registry, the schema file.
  SchemaSettings valueSchema;
  /// Where a processor sends what it consumes (see ForwardSettings); none by default.
  ForwardSettings forward;
};

}  // namespace kafkanative
