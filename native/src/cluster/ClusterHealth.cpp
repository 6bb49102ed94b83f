#include "ClusterHealth.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <stdexcept>

#include "AtomicFigures.hpp"

namespace kafkanative {

ClusterHealth::Reading ClusterHealth::count(const rd_kafka_metadata_t& metadata,
                                            std::int64_t epochMillis) {
  Reading reading;
  reading.epochMillis = epochMillis;
  reading.brokers = metadata.broker_cnt;
  for (int t = 0; t < metadata.topic_cnt; ++t) {
    const rd_kafka_metadata_topic_t& topic = metadata.topics[t];
    if (topic.err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      continue;  // not (yet) known to the cluster: nothing to count
    }
    for (int p = 0; p < topic.partition_cnt; ++p) {
      const rd_kafka_metadata_partition_t& partition = topic.partitions[p];
      ++reading.partitions;
      reading.offline += partition.leader < 0 ? 1 : 0;
      reading.underReplicated += partition.isr_cnt < partition.replica_cnt ? 1 : 0;
    }
  }
  return reading;
}

ClusterHealth::ClusterHealth(rd_kafka_conf_s* conf, std::chrono::milliseconds interval,
                             std::chrono::milliseconds timeout)
    : conf_(conf), interval_(interval), timeout_(timeout) {
  if (!renewClient()) {  // the same settings made the connection's own clients
    rd_kafka_conf_destroy(conf_);
    throw std::runtime_error("the cluster health reader could not make its client");
  }
  worker_.start([this] { run(); });
}

ClusterHealth::~ClusterHealth() {
  worker_.stop();
  destroyHandles();
  if (client_ != nullptr) {
    rd_kafka_destroy(client_);
  }
  rd_kafka_conf_destroy(conf_);
}

void ClusterHealth::watch(const std::string& topic) {
  std::lock_guard lock(mutex_);
  if (std::find(topics_.begin(), topics_.end(), topic) == topics_.end()) {
    topics_.push_back(topic);
  }
}

void ClusterHealth::run() {
  auto next = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (worker_.sleepUntil(lock, next)) {
    next += interval_;
    lock.unlock();  // a reading takes a round trip, or the timeout when no broker answers
    const Reading reading = read();
    lock.lock();
    record(reading);
    next = std::max(next, std::chrono::steady_clock::now());
  }
}

ClusterHealth::Reading ClusterHealth::read() {
  if (auto reading = ask(timeout_ / 2)) {
    return *reading;
  }
  if (renewClient()) {
    if (auto reading = ask(timeout_ / 2)) {
      return *reading;
    }
  }
  Reading unanswered;
  unanswered.epochMillis = epochMicrosNow() / 1000;
  return unanswered;
}

std::optional<ClusterHealth::Reading> ClusterHealth::ask(std::chrono::milliseconds timeout) {
  if (client_ == nullptr) {
    return std::nullopt;
  }
  {
    std::lock_guard lock(mutex_);
    // With all_topics=0 and no topic, librdkafka asks for the topics the client has handles of.
    while (handles_.size() < topics_.size()) {
      handles_.push_back(rd_kafka_topic_new(client_, topics_[handles_.size()].c_str(), nullptr));
    }
  }
  const rd_kafka_metadata_t* metadata = nullptr;
  if (rd_kafka_metadata(client_, 0, nullptr, &metadata, static_cast<int>(timeout.count())) !=
      RD_KAFKA_RESP_ERR_NO_ERROR) {
    return std::nullopt;
  }
  const Reading reading = count(*metadata, epochMicrosNow() / 1000);
  rd_kafka_metadata_destroy(metadata);
  return reading;
}

bool ClusterHealth::renewClient() {
  destroyHandles();
  if (client_ != nullptr) {
    rd_kafka_destroy(client_);
  }
  rd_kafka_conf_t* conf = rd_kafka_conf_dup(conf_);
  client_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, nullptr, 0);
  if (client_ == nullptr) {
    rd_kafka_conf_destroy(conf);  // kept by librdkafka only on success
  }
  return client_ != nullptr;
}

void ClusterHealth::destroyHandles() {
  for (auto* handle : handles_) {
    if (handle != nullptr) {  // a name librdkafka refused has none
      rd_kafka_topic_destroy(handle);
    }
  }
  handles_.clear();
}

ClusterHealth::Reading ClusterHealth::last() {
  std::lock_guard lock(mutex_);
  return last_;
}

void ClusterHealth::record(const Reading& reading) {
  const bool changed = readings_.empty() || reading.brokers != last_.brokers ||
                       reading.partitions != last_.partitions ||
                       reading.underReplicated != last_.underReplicated ||
                       reading.offline != last_.offline;
  if (changed) {
    readings_.push_back({reading.epochMillis, reading.brokers, reading.partitions,
                         reading.underReplicated, reading.offline});
  }
  last_ = reading;
}

nlohmann::json ClusterHealth::json() {
  std::lock_guard lock(mutex_);
  nlohmann::json readings = readings_;
  if (!readings_.empty() && readings_.back()[0] != last_.epochMillis) {
    readings.push_back(
        {last_.epochMillis, last_.brokers, last_.partitions, last_.underReplicated, last_.offline});
  }
  return {{"intervalMs", interval_.count()}, {"readings", std::move(readings)}};
}

}  // namespace kafkanative
