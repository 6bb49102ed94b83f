#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

/// How a producer chooses each message's partition.
enum class Partitioning {
  kDefault,     ///< librdkafka's partitioner (consistent_random: by key hash, random without)
  kFixed,       ///< always `ProducerSettings::partition`
  kRoundRobin,  ///< the session cycles through the topic's partitions
  kByKey        ///< murmur2 of the key, as the Java client does (same key, same partition)
};

/// Whether a sample waits for its messages' delivery reports.
enum class DeliveryMode {
  kWait,  ///< the sample ends at the last delivery report
  kTrack  ///< the sample ends once its messages are queued; outcomes come with later samples
};

/// One header: a name and a value template.
struct HeaderTemplate {
  std::string name;
  std::string valueTemplate;
};

/// What one Kafka Producer sampler sends and how, as configured in the plan.
struct ProducerSettings {
  std::string topic;
  std::string keyTemplate;    ///< empty: messages have no key
  std::string valueTemplate;  ///< see MessageTemplate for the syntax
  /// Avro keys and values: the template is a JSON record template (see AvroTemplate).
  SchemaSettings keySchema;
  SchemaSettings valueSchema;
  std::size_t valueSize = 0;  ///< exact value size: pad shorter values, refuse longer; 0: as is
  /// When set, values come from this file (one per line) or directory (one per file) instead
  /// of `valueTemplate`: in order, cycling, or at random.
  std::string payloadFile;
  bool payloadRandom = false;
  std::vector<HeaderTemplate> headers;
  /// Adds the headers a consumer uses for end-to-end latency and loss/duplicate/reorder
  /// checks: see StampHeaders.
  bool stampHeaders = false;
  Partitioning partitioning = Partitioning::kDefault;
  std::int32_t partition = 0;  ///< for Partitioning::kFixed
  DeliveryMode mode = DeliveryMode::kWait;
  /// Sends through a librdkafka producer of the session's own instead of the connection's
  /// shared one (for "one producer per JMeter thread" tests).
  bool dedicatedClient = false;
  /// Target messages per second shared by every session with the same `rateGroup` on this
  /// connection; 0: as fast as possible.
  double ratePerSecond = 0;
  std::string rateGroup;
  /// Sessions with the same name share one set of statistics (the sampler's name).
  std::string statsName = "producer";
  std::uint32_t thread = 0;  ///< JMeter thread number, for {{thread}}
};

}  // namespace kafkanative
