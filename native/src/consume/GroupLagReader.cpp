#include "kafkanative/GroupLagReader.hpp"

#include <librdkafka/rdkafka.h>

#include "RunTimeline.hpp"
#include "TopicMetadata.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

namespace {

using PartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t,
                                      decltype(&rd_kafka_topic_partition_list_destroy)>;

void fail(GroupLag& lag, rd_kafka_resp_err_t error, const std::string& what) {
  if (lag.errorName.empty()) {
    lag.errorName = rd_kafka_err2name(error);
    lag.errorMessage = what + ": " + rd_kafka_err2str(error);
  }
}

}  // namespace

GroupLagReader::GroupLagReader(std::shared_ptr<Connection> connection, std::string group,
                               std::vector<std::string> topics)
    : connection_(std::move(connection)), group_(std::move(group)), topics_(std::move(topics)) {
  if (group_.empty()) {
    throw KafkaError::invalidArgument("group id: name the group whose lag to read");
  }
  if (topics_.empty()) {
    throw KafkaError::invalidArgument("topics: name at least one topic the group consumes");
  }
  for (const auto& topic : topics_) {
    TopicMetadata::validateName(topic);
  }
  rd_kafka_conf_t* conf = connection_->newConsumerConf();
  char error[512];
  // A client with the group's id only asks for its offsets; it never subscribes, so it never
  // joins the group or changes its assignment.
  if (rd_kafka_conf_set(conf, "group.id", group_.c_str(), error, sizeof error) !=
          RD_KAFKA_CONF_OK ||
      rd_kafka_conf_set(conf, "enable.auto.commit", "false", error, sizeof error) !=
          RD_KAFKA_CONF_OK) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(std::string("group id: ") + error);
  }
  client_ = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
  if (client_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(error);
  }
}

GroupLagReader::~GroupLagReader() {
  rd_kafka_consumer_close(client_);
  rd_kafka_destroy(client_);
}

GroupLag GroupLagReader::read(std::chrono::milliseconds timeout) {
  const auto start = std::chrono::steady_clock::now();
  const int timeoutMs = static_cast<int>(timeout.count());
  GroupLag lag;
  PartitionList partitions(rd_kafka_topic_partition_list_new(16),
                           &rd_kafka_topic_partition_list_destroy);
  bool known = true;
  for (const auto& topic : topics_) {
    known = listPartitions(topic, partitions.get(), timeoutMs, lag) && known;
  }
  const auto committed = rd_kafka_committed(client_, partitions.get(), timeoutMs);
  if (committed != RD_KAFKA_RESP_ERR_NO_ERROR) {
    fail(lag, committed, "committed offsets of group '" + group_ + "'");
    known = false;
  }
  for (int i = 0; known && i < partitions->cnt; ++i) {
    const rd_kafka_topic_partition_t& partition = partitions->elems[i];
    std::int64_t low = 0;
    std::int64_t high = 0;
    const auto error = rd_kafka_query_watermark_offsets(
        client_, partition.topic, partition.partition, &low, &high, timeoutMs);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR || partition.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      fail(lag, error != RD_KAFKA_RESP_ERR_NO_ERROR ? error : partition.err,
           std::string("offsets of ") + partition.topic + " [" +
               std::to_string(partition.partition) + "]");
      known = false;
      break;
    }
    const bool hasCommitted = partition.offset >= 0;
    lag.uncommitted += hasCommitted ? 0 : 1;
    lag.endOffsets += high;
    lag.committed += hasCommitted ? partition.offset : low;
  }
  lag.partitions = partitions->cnt;
  lag.elapsedMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                          std::chrono::steady_clock::now() - start)
                          .count();
  if (known) {
    lag.lag = lag.endOffsets - lag.committed;
    connection_->timeline().onGroupLag(group_, lag);
  }
  return lag;
}

bool GroupLagReader::listPartitions(const std::string& topic,
                                    rd_kafka_topic_partition_list_t* partitions, int timeoutMs,
                                    GroupLag& lag) {
  rd_kafka_topic_t* handle = rd_kafka_topic_new(client_, topic.c_str(), nullptr);
  if (handle == nullptr) {
    fail(lag, rd_kafka_last_error(), "topic '" + topic + "'");
    return false;
  }
  const rd_kafka_metadata_t* metadata = nullptr;
  auto error = rd_kafka_metadata(client_, 0, handle, &metadata, timeoutMs);
  rd_kafka_topic_destroy(handle);
  if (error == RD_KAFKA_RESP_ERR_NO_ERROR) {
    error = metadata->topics[0].err;
    for (int i = 0; error == RD_KAFKA_RESP_ERR_NO_ERROR && i < metadata->topics[0].partition_cnt;
         ++i) {
      rd_kafka_topic_partition_list_add(partitions, topic.c_str(),
                                        metadata->topics[0].partitions[i].id);
    }
    rd_kafka_metadata_destroy(metadata);
  }
  // Readings often start with the run, before the producers' first message creates the topic
  // (a consumer's metadata request does not create it): a wait, said once, not a failure.
  if (error == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART) {
    if (!reportedMissingTopic_) {
      reportedMissingTopic_ = true;
      NativeLog::warn("lag of group '" + group_ + "': topic '" + topic +
                      "' does not exist yet; read as holding nothing until it does");
    }
    return true;
  }
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    fail(lag, error, "topic '" + topic + "'");
    return false;
  }
  return true;
}

}  // namespace kafkanative
