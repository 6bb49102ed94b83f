#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "kafkanative/GroupLag.hpp"

struct rd_kafka_s;
struct rd_kafka_topic_partition_list_s;

namespace kafkanative {

class Connection;

/// Reads a named consumer group's lag from outside the group: its committed offsets
/// (OffsetFetch) against its topics' end offsets, without joining it, so the lag of any
/// application (a Kafka Streams app, a Flink job, a consumer service) can be watched while it
/// runs. Each reading is also kept in the connection's timeline, for run reports. Not
/// thread-safe: one per JMeter thread.
class GroupLagReader {
 public:
  /// Throws KafkaError for an empty group, no topic or an invalid topic name.
  GroupLagReader(std::shared_ptr<Connection> connection, std::string group,
                 std::vector<std::string> topics);
  ~GroupLagReader();
  GroupLagReader(const GroupLagReader&) = delete;
  GroupLagReader& operator=(const GroupLagReader&) = delete;

  /// One reading, each request bounded by `timeout`. Errors are in the reading, not thrown.
  GroupLag read(std::chrono::milliseconds timeout);

 private:
  /// Adds the partitions of `topic` to `partitions`; false (with the error) if they cannot be
  /// listed. A topic that does not exist yet adds none: it holds nothing to lag behind.
  bool listPartitions(const std::string& topic, rd_kafka_topic_partition_list_s* partitions,
                      int timeoutMs, GroupLag& lag);

  std::shared_ptr<Connection> connection_;
  std::string group_;
  std::vector<std::string> topics_;
  rd_kafka_s* client_ = nullptr;
  bool reportedMissingTopic_ = false;
};

}  // namespace kafkanative
