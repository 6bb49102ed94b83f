#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

struct rd_kafka_s;

namespace kafkanative {

/// What the cluster says about the topics a run used, for run reports: broker count, each
/// topic's partitions, replication factor and retention settings (Admin API DescribeConfigs),
/// and every partition's offsets when the run first used the topic and when the report was
/// taken. What the cluster does not tell (no permission, an API the broker lacks) is reported
/// as not available with the reason, never guessed.
class ClusterFacts {
 public:
  /// Remembers `topic`'s end offsets now, as the run's starting point (first call per topic;
  /// later ones return at once). Bounded by `timeout` per request; never throws.
  void noteTopic(rd_kafka_s* client, const std::string& topic, std::chrono::milliseconds timeout);

  /// The facts, asked of the cluster now.
  nlohmann::json collect(rd_kafka_s* client, std::chrono::milliseconds timeout) const;

 private:
  struct Start {
    std::vector<std::int64_t> endOffsets;  ///< per partition; empty: the topic did not exist
    std::string unavailable;               ///< why there are no offsets, if so
  };

  mutable std::mutex mutex_;
  std::map<std::string, Start> topics_;
};

}  // namespace kafkanative
