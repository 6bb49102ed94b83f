#include "ClusterFacts.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <memory>

namespace kafkanative {

namespace {

constexpr const char* kReportedConfigs[] = {"retention.ms",        "retention.bytes",
                                            "segment.bytes",       "cleanup.policy",
                                            "min.insync.replicas", "compression.type"};

using Metadata = std::unique_ptr<const rd_kafka_metadata_t, decltype(&rd_kafka_metadata_destroy)>;

/// The metadata of `topic` alone, or null with `error` set.
Metadata topicMetadata(rd_kafka_t* client, const std::string& topic, int timeoutMs,
                       std::string& error) {
  rd_kafka_topic_t* handle = rd_kafka_topic_new(client, topic.c_str(), nullptr);
  const rd_kafka_metadata_t* metadata = nullptr;
  const auto result = handle == nullptr
                          ? rd_kafka_last_error()
                          : rd_kafka_metadata(client, 0, handle, &metadata, timeoutMs);
  if (handle != nullptr) {
    rd_kafka_topic_destroy(handle);
  }
  if (result != RD_KAFKA_RESP_ERR_NO_ERROR) {
    error = std::string(rd_kafka_err2name(result)) + ": " + rd_kafka_err2str(result);
    return {nullptr, &rd_kafka_metadata_destroy};
  }
  if (metadata->topic_cnt != 1 || metadata->topics[0].err != RD_KAFKA_RESP_ERR_NO_ERROR) {
    const auto topicError =
        metadata->topic_cnt == 1 ? metadata->topics[0].err : RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC;
    error = std::string(rd_kafka_err2name(topicError)) + ": " + rd_kafka_err2str(topicError);
    rd_kafka_metadata_destroy(metadata);
    return {nullptr, &rd_kafka_metadata_destroy};
  }
  return {metadata, &rd_kafka_metadata_destroy};
}

/// Low (`low` true) or high watermark of every partition; empty with `error` on failure.
std::vector<std::int64_t> watermarks(rd_kafka_t* client, const std::string& topic, int partitions,
                                     bool low, int timeoutMs, std::string& error) {
  std::vector<std::int64_t> offsets;
  for (int partition = 0; partition < partitions; ++partition) {
    std::int64_t lowOffset = -1;
    std::int64_t highOffset = -1;
    const auto result = rd_kafka_query_watermark_offsets(client, topic.c_str(), partition,
                                                         &lowOffset, &highOffset, timeoutMs);
    if (result != RD_KAFKA_RESP_ERR_NO_ERROR) {
      error = std::string(rd_kafka_err2name(result)) + ": " + rd_kafka_err2str(result);
      return {};
    }
    offsets.push_back(low ? lowOffset : highOffset);
  }
  return offsets;
}

/// The topic's configuration entries listed in kReportedConfigs, or a reason why not.
nlohmann::json describeConfigs(rd_kafka_t* client, const std::string& topic, int timeoutMs) {
  rd_kafka_ConfigResource_t* resource =
      rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, topic.c_str());
  rd_kafka_queue_t* queue = rd_kafka_queue_new(client);
  rd_kafka_AdminOptions_t* options =
      rd_kafka_AdminOptions_new(client, RD_KAFKA_ADMIN_OP_DESCRIBECONFIGS);
  char text[256];
  rd_kafka_AdminOptions_set_request_timeout(options, timeoutMs, text, sizeof text);
  rd_kafka_DescribeConfigs(client, &resource, 1, options, queue);
  rd_kafka_event_t* event = rd_kafka_queue_poll(queue, timeoutMs + 1000);
  nlohmann::json configs = {{"unavailable", "no answer within the timeout"}};
  const rd_kafka_DescribeConfigs_result_t* result =
      event == nullptr ? nullptr : rd_kafka_event_DescribeConfigs_result(event);
  if (event != nullptr && rd_kafka_event_error(event) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    configs = {{"unavailable", std::string(rd_kafka_err2name(rd_kafka_event_error(event))) + ": " +
                                   rd_kafka_event_error_string(event)}};
  } else if (result != nullptr) {
    size_t count = 0;
    const rd_kafka_ConfigResource_t** resources =
        rd_kafka_DescribeConfigs_result_resources(result, &count);
    if (count == 1 && rd_kafka_ConfigResource_error(resources[0]) != RD_KAFKA_RESP_ERR_NO_ERROR) {
      configs = {{"unavailable", rd_kafka_ConfigResource_error_string(resources[0])}};
    } else if (count == 1) {
      configs = nlohmann::json::object();
      size_t entries = 0;
      const rd_kafka_ConfigEntry_t** entry =
          rd_kafka_ConfigResource_configs(resources[0], &entries);
      for (size_t i = 0; i < entries; ++i) {
        const std::string name = rd_kafka_ConfigEntry_name(entry[i]);
        const char* value = rd_kafka_ConfigEntry_value(entry[i]);
        for (const char* wanted : kReportedConfigs) {
          if (name == wanted && value != nullptr) {
            configs[name] = value;
          }
        }
      }
    }
  }
  if (event != nullptr) {
    rd_kafka_event_destroy(event);
  }
  rd_kafka_AdminOptions_destroy(options);
  rd_kafka_queue_destroy(queue);
  rd_kafka_ConfigResource_destroy(resource);
  return configs;
}

bool hasController(const rd_kafka_metadata_t& metadata, std::int32_t controller) {
  for (int i = 0; i < metadata.broker_cnt; ++i) {
    if (metadata.brokers[i].id == controller) {
      return true;
    }
  }
  return false;
}

}  // namespace

ClusterFacts::ClusterFacts(rd_kafka_s* client, std::chrono::milliseconds timeout)
    : client_(client), timeoutMs_(static_cast<int>(timeout.count())) {
  worker_.start([this] { queryStarts(); });
}

ClusterFacts::~ClusterFacts() { worker_.stop(); }

void ClusterFacts::noteTopic(const std::string& topic) {
  std::lock_guard lock(mutex_);
  if (topics_.try_emplace(topic).second) {
    worker_.notify();
  }
}

void ClusterFacts::queryStarts() {
  const auto pending = [this] {
    return std::find_if(topics_.begin(), topics_.end(),
                        [](const auto& entry) { return !entry.second.queried; });
  };
  std::unique_lock lock(mutex_);
  while (worker_.wait(lock, [&] { return pending() != topics_.end(); })) {
    const std::string topic = pending()->first;
    Start start;
    lock.unlock();  // the queries take round trips; sessions keep noting topics meanwhile
    if (const auto metadata = topicMetadata(client_, topic, timeoutMs_, start.unavailable)) {
      start.endOffsets = watermarks(client_, topic, metadata->topics[0].partition_cnt, false,
                                    timeoutMs_, start.unavailable);
    }
    start.queried = true;
    lock.lock();
    topics_[topic] = std::move(start);
    worker_.notify();
  }
}

nlohmann::json ClusterFacts::collect() {
  rd_kafka_t* client = client_;
  const int timeoutMs = timeoutMs_;
  nlohmann::json facts = {{"topics", nlohmann::json::object()}};
  std::map<std::string, Start> topics;
  {
    std::unique_lock lock(mutex_);
    worker_.waitFor(lock, std::chrono::milliseconds(timeoutMs), [this] {
      return std::all_of(topics_.begin(), topics_.end(),
                         [](const auto& entry) { return entry.second.queried; });
    });
    topics = topics_;
  }
  std::string unreachable;  // once a request timed out, the others would too: not asked
  for (const auto& [topic, start] : topics) {
    nlohmann::json& described = facts["topics"][topic];
    std::string error = unreachable;
    const auto metadata = unreachable.empty() ? topicMetadata(client, topic, timeoutMs, error)
                                              : Metadata(nullptr, &rd_kafka_metadata_destroy);
    if (!metadata) {
      described["unavailable"] = error;
      if (error.rfind("_TIMED_OUT", 0) == 0 || error.rfind("_TRANSPORT", 0) == 0) {
        unreachable = error;
      }
      continue;
    }
    facts["brokers"] = metadata->broker_cnt;
    const auto& partitions = metadata->topics[0];
    int replication = partitions.partition_cnt > 0 ? partitions.partitions[0].replica_cnt : 0;
    for (int i = 0; i < partitions.partition_cnt; ++i) {
      replication = std::min(replication, partitions.partitions[i].replica_cnt);
    }
    described["partitions"] = partitions.partition_cnt;
    described["replicationFactor"] = replication;
    // Admin requests go to the controller; a cluster that names none of its brokers as the
    // controller cannot answer them (librdkafka would wait out the timeout).
    described["configs"] = hasController(*metadata, rd_kafka_controllerid(client, 0))
                               ? describeConfigs(client, topic, timeoutMs)
                               : nlohmann::json{{"unavailable", "the cluster names no controller"}};
    if (start.endOffsets.empty()) {
      described["startOffsetsUnavailable"] = start.unavailable;
    } else {
      described["startEndOffsets"] = start.endOffsets;
    }
    described["endOffsets"] =
        watermarks(client, topic, partitions.partition_cnt, false, timeoutMs, error);
    described["endLowOffsets"] =
        watermarks(client, topic, partitions.partition_cnt, true, timeoutMs, error);
    if (!error.empty()) {
      described["offsetsUnavailable"] = error;
    }
  }
  return facts;
}

}  // namespace kafkanative
