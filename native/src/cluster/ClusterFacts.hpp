#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "WorkerThread.hpp"

struct rd_kafka_s;

namespace kafkanative {

/// What the cluster says about the topics a run used, for run reports: broker count, each
/// topic's partitions, replication factor and retention settings (Admin API DescribeConfigs),
/// and every partition's offsets when the run first used the topic and when the report was
/// taken. What the cluster does not tell (no permission, an API the broker lacks) is reported
/// as not available with the reason, never guessed.
class ClusterFacts {
 public:
  /// Asks of the cluster through `client` (which must outlive this object), each request
  /// bounded by `timeout`.
  ClusterFacts(rd_kafka_s* client, std::chrono::milliseconds timeout);
  ~ClusterFacts();
  ClusterFacts(const ClusterFacts&) = delete;
  ClusterFacts& operator=(const ClusterFacts&) = delete;

  /// Remembers `topic`'s end offsets as the run's starting point (first call per topic). The
  /// query runs on a thread of its own, so a session never waits for it (nor does JMeter's
  /// Stop, should the cluster be unreachable); the offsets are those of moments later.
  void noteTopic(const std::string& topic);

  /// The facts, asked of the cluster now (after any start offsets still being queried).
  nlohmann::json collect();

 private:
  struct Start {
    bool queried = false;
    std::vector<std::int64_t> endOffsets;  ///< per partition; empty: not available
    std::string unavailable;               ///< why there are no offsets, if so
  };

  void queryStarts();

  rd_kafka_s* client_;
  const int timeoutMs_;
  std::mutex mutex_;
  std::map<std::string, Start> topics_;
  WorkerThread worker_{mutex_};  ///< its notify() says topics_ changed
};

}  // namespace kafkanative
