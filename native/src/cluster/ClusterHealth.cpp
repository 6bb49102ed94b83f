#include "ClusterHealth.hpp"

#include <librdkafka/rdkafka.h>

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

ClusterHealth::ClusterHealth(rd_kafka_s* client, std::chrono::milliseconds interval,
                             std::chrono::milliseconds timeout)
    : client_(client), interval_(interval), timeoutMs_(static_cast<int>(timeout.count())) {
  worker_.start([this] { run(); });
}

ClusterHealth::~ClusterHealth() { worker_.stop(); }

void ClusterHealth::run() {
  auto next = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  while (worker_.sleepUntil(lock, next)) {
    next += interval_;
    lock.unlock();  // the request takes a round trip, or the timeout when no broker answers
    const rd_kafka_metadata_t* metadata = nullptr;
    const auto error = rd_kafka_metadata(client_, 0, nullptr, &metadata, timeoutMs_);
    Reading reading;
    reading.epochMillis = epochMicrosNow() / 1000;
    if (error == RD_KAFKA_RESP_ERR_NO_ERROR) {
      reading = count(*metadata, reading.epochMillis);
      rd_kafka_metadata_destroy(metadata);
    }
    lock.lock();
    record(reading);
    next = std::max(next, std::chrono::steady_clock::now());
  }
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
