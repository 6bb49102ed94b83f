#pragma once

#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "WorkerThread.hpp"

struct rd_kafka_s;
struct rd_kafka_conf_s;
struct rd_kafka_topic_s;
struct rd_kafka_metadata;

namespace kafkanative {

/// The health of the partitions a run uses, once a second, from the cluster's metadata: how
/// many brokers it lists, how many partitions have fewer in-sync replicas than replicas
/// (under-replicated) and how many have no leader (offline). Run reports turn the series into
/// time to full replication and time without a leader after a failure. The topics are those
/// the run's producers write (watch()), so the metadata request stays small on a cluster of
/// many topics.
///
/// It reads through a metadata client of its own. librdkafka sends such a request to the
/// broker it used last, so a broker that stops answering without closing its connections (a
/// killed container, a hung process) would leave every reading unanswered until librdkafka
/// gives up on it — seconds in which a real cluster's under-replication begins. A reading the
/// client leaves unanswered for half the timeout is asked again of a new client, which uses
/// only brokers that answer its handshake.
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

  /// Reads every `interval`, each reading bounded by `timeout`, through producer clients made
  /// from `conf` (which it owns: a client that sends nothing, so no producer settings).
  ClusterHealth(rd_kafka_conf_s* conf, std::chrono::milliseconds interval,
                std::chrono::milliseconds timeout);
  ~ClusterHealth();
  ClusterHealth(const ClusterHealth&) = delete;
  ClusterHealth& operator=(const ClusterHealth&) = delete;

  /// Adds `topic` to those read (once; from any thread).
  void watch(const std::string& topic);

  /// The latest reading (brokers -1 before the first answer).
  Reading last();

  /// {"intervalMs", "readings": [[epoch ms, brokers, partitions, under-replicated, offline]]}:
  /// a row each time a figure changed, and the last one.
  nlohmann::json json();

 private:
  void run();
  /// One reading: asked of the current client, then, if unanswered, of a new one.
  Reading read();
  /// The metadata of the watched topics from the current client, if it answers in `timeout`.
  std::optional<Reading> ask(std::chrono::milliseconds timeout);
  /// Replaces the client (and its topic handles) with a new one; false if none could be made.
  bool renewClient();
  void destroyHandles();
  void record(const Reading& reading);

  rd_kafka_conf_s* const conf_;
  rd_kafka_s* client_ = nullptr;            // the worker's alone once running
  std::vector<rd_kafka_topic_s*> handles_;  // the client's handles of topics_[0, size)
  const std::chrono::milliseconds interval_;
  const std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::vector<std::string> topics_;                    // guarded by mutex_
  nlohmann::json readings_ = nlohmann::json::array();  // guarded by mutex_
  Reading last_;                                       // guarded by mutex_
  WorkerThread worker_{mutex_};
};

}  // namespace kafkanative
