// Cluster health from metadata: counting recorded snapshots, and readings from a live cluster.
#include "ClusterHealth.hpp"

#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

#include "EmbeddedCluster.hpp"
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

/// Creates a topic of 3 partitions and writes to it through `kafka`, so the health reader
/// watches it.
void writeANewTopic(const std::shared_ptr<Connection>& kafka) {
  const auto topic = uniqueName("health");
  createTopic(*kafka, topic, 3);
  ProducerSettings settings;
  settings.topic = topic;
  settings.statsName = topic;
  ProducerSession producer(kafka, settings);
  ASSERT_EQ(producer.produce(10).acked, 10u);
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
  ASSERT_NO_FATAL_FAILURE(writeANewTopic(kafka));
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  const auto health = nlohmann::json::parse(kafka->summaryJson())["health"];
  EXPECT_EQ(health["intervalMs"], 1000);
  ASSERT_FALSE(health["readings"].empty());
  const auto& last = health["readings"].back();
  EXPECT_GE(last[1].get<int>(), 1);  // brokers
  EXPECT_GE(last[2].get<int>(), 3);  // this topic's partitions, and any others the client knows
  EXPECT_EQ(last[4], 0);             // none offline
}

// A broker that stops answering without closing its connections (a killed container, a hung
// process; here each broker in turn answers 10 s late) must not leave the reader blind while
// librdkafka still counts it up: every second still gets an answered reading.
TEST(ClusterHealth, KeepsReadingWhileABrokerStopsAnswering) {
  auto kafka = Connection::open(ConnectionConfig{
      testBootstrap(), {{"client.id", uniqueName("health")}}, std::chrono::milliseconds(5000), ""});
  EmbeddedCluster* cluster = kafka->embeddedCluster();
  if (cluster == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's broker delays";
  }
  ASSERT_NO_FATAL_FAILURE(writeANewTopic(kafka));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto epochMillis = [] {
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  };
  const auto from = epochMillis();
  for (int broker = 1; broker <= cluster->brokers(); ++broker) {
    cluster->setBrokerRtt(broker, std::chrono::seconds(10));
    std::this_thread::sleep_for(std::chrono::seconds(3));
    cluster->setBrokerRtt(broker, std::chrono::milliseconds(0));
  }
  const auto until = epochMillis();
  const auto readings = nlohmann::json::parse(kafka->summaryJson())["health"]["readings"];
  for (const auto& reading : readings) {
    if (reading[0].get<std::int64_t>() >= from && reading[0].get<std::int64_t>() <= until) {
      EXPECT_GE(reading[1].get<int>(), 1)
          << "unanswered at " << reading[0].get<std::int64_t>() - from << " ms";
    }
  }
  EXPECT_GE(readings.back()[0].get<std::int64_t>(), until - 2000);  // still reading
}
