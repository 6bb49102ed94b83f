// Cluster health from metadata: counting recorded snapshots, and readings from a live cluster.
#include "ClusterHealth.hpp"

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "TestCluster.hpp"
#include "TestTopics.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;

namespace {

/// A partition led by `leader` (-1: none) with `replicas` replicas of which `inSync` in sync.
rd_kafka_metadata_partition_t partition(int id, int leader, int replicas, int inSync) {
  static std::vector<std::int32_t> brokers{1, 2, 3, 4, 5};
  return {id, RD_KAFKA_RESP_ERR_NO_ERROR, leader, replicas, brokers.data(), inSync, brokers.data()};
}

}  // namespace

TEST(ClusterHealth, CountsUnderReplicatedAndOfflinePartitions) {
  std::vector<rd_kafka_metadata_partition_t> orders{partition(0, 1, 3, 3), partition(1, 2, 3, 2),
                                                    partition(2, -1, 3, 0)};
  std::vector<rd_kafka_metadata_partition_t> audit{partition(0, 3, 3, 1)};
  std::vector<rd_kafka_metadata_topic_t> topics{
      {const_cast<char*>("orders"), 3, orders.data(), RD_KAFKA_RESP_ERR_NO_ERROR},
      {const_cast<char*>("audit"), 1, audit.data(), RD_KAFKA_RESP_ERR_NO_ERROR},
      {const_cast<char*>("unknown"), 0, nullptr, RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART}};
  std::vector<rd_kafka_metadata_broker_t> brokers{{1, nullptr, 9092}, {3, nullptr, 9092}};
  const rd_kafka_metadata_t metadata{2, brokers.data(),         3, topics.data(),
                                     1, const_cast<char*>("b1")};
  const auto reading = ClusterHealth::count(metadata, 1234);
  EXPECT_EQ(reading.epochMillis, 1234);
  EXPECT_EQ(reading.brokers, 2);
  EXPECT_EQ(reading.partitions, 4);
  EXPECT_EQ(reading.underReplicated, 3);  // orders 1 and 2, audit 0
  EXPECT_EQ(reading.offline, 1);          // orders 2
}

TEST(ClusterHealth, ReadsThePartitionsTheRunWritesOnceASecond) {
  auto kafka =
      Connection::open(ConnectionConfig{testBootstrap(), {}, std::chrono::milliseconds(5000), ""});
  const auto topic = uniqueName("health");
  createTopic(*kafka, topic, 3);
  ProducerSettings settings;
  settings.topic = topic;
  settings.statsName = topic;
  ProducerSession producer(kafka, settings);
  ASSERT_EQ(producer.produce(10).acked, 10u);
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const auto health = nlohmann::json::parse(kafka->summaryJson())["health"];
  EXPECT_EQ(health["intervalMs"], 1000);
  ASSERT_FALSE(health["readings"].empty());
  const auto& last = health["readings"].back();
  EXPECT_GE(last[1].get<int>(), 1);  // brokers
  EXPECT_GE(last[2].get<int>(), 3);  // this topic's partitions, and any others the client knows
  EXPECT_EQ(last[4], 0);             // none offline
}
