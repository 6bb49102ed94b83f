#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>

#include <nlohmann/json.hpp>

#include "WorkerThread.hpp"

struct rd_kafka_s;
struct rd_kafka_metadata;

namespace kafkanative {

/// The health of the partitions a run uses, once a second, from the cluster's metadata: how
/// many brokers it lists, how many partitions have fewer in-sync replicas than replicas
/// (under-replicated) and how many have no leader (offline). Run reports turn the series into
/// time to full replication and time without a leader after a failure. The topics are those
/// the client knows (the ones its producers write), so the metadata request stays small on a
/// cluster of many topics.
class ClusterHealth {
 public:
  /// One reading. `brokers` is -1 when the cluster did not answer within the timeout.
  struct Reading {
    std::int64_t epochMillis = 0;
    int brokers = -1;
    int partitions = 0;
    int underReplicated = 0;
    int offline = 0;
  };

  /// Counts the partitions of `metadata` (pure: recorded metadata can be checked).
  static Reading count(const struct rd_kafka_metadata& metadata, std::int64_t epochMillis);

  /// Reads through `client` (which must outlive this object) every `interval`, each request
  /// bounded by `timeout`.
  ClusterHealth(rd_kafka_s* client, std::chrono::milliseconds interval,
                std::chrono::milliseconds timeout);
  ~ClusterHealth();
  ClusterHealth(const ClusterHealth&) = delete;
  ClusterHealth& operator=(const ClusterHealth&) = delete;

  /// {"intervalMs", "readings": [[epoch ms, brokers, partitions, under-replicated, offline]]}:
  /// a row each time a figure changed, and the last one.
  nlohmann::json json();

 private:
  void run();
  void record(const Reading& reading);

  rd_kafka_s* client_;
  const std::chrono::milliseconds interval_;
  const int timeoutMs_;
  std::mutex mutex_;
  nlohmann::json readings_ = nlohmann::json::array();  // guarded by mutex_
  Reading last_;                                       // guarded by mutex_
  WorkerThread worker_{mutex_};
};

}  // namespace kafkanative
