// The librdkafka settings the plugin chooses where the connection's properties say nothing,
// read back from the clients librdkafka created.
#include <gtest/gtest.h>
#include <librdkafka/rdkafka.h>

#include "TestCluster.hpp"
#include "kafkanative/Connection.hpp"

using namespace kafkanative;

namespace {

std::shared_ptr<Connection> open(std::map<std::string, std::string> properties) {
  properties.emplace("client.id", uniqueName("defaults"));  // a connection of its own
  return Connection::open(ConnectionConfig{testBootstrap(), std::move(properties),
                                           std::chrono::milliseconds(5000), ""});
}

std::string property(const rd_kafka_conf_t* conf, const char* name) {
  char value[64];
  size_t size = sizeof value;
  EXPECT_EQ(rd_kafka_conf_get(conf, name, value, &size), RD_KAFKA_CONF_OK) << name;
  return value;
}

std::string property(rd_kafka_t* client, const char* name) {
  return property(rd_kafka_conf(client), name);
}

}  // namespace

// A waited one-message sample would otherwise sit out librdkafka's 5 ms linger every time
// (360 samples/s per thread); tracked batches keep it, as it fills their requests.
TEST(ClientDefaults, ProducersAwaitedBySamplesSendAtOnceAndTrackedOnesLinger) {
  auto connection = open({});
  EXPECT_EQ(property(connection->waitedHandle(), "linger.ms"), "0");
  EXPECT_EQ(property(connection->dedicatedHandle(true, {}, true), "linger.ms"), "0");
  EXPECT_NE(property(connection->handle(), "linger.ms"), "0");
  EXPECT_NE(property(connection->dedicatedHandle(false), "linger.ms"), "0");
  // The Kafka Processor's: it forwards whole polls, as a stream application batches.
  EXPECT_NE(property(connection->dedicatedHandle(true), "linger.ms"), "0");
  EXPECT_EQ(connection->waitedHandle(), connection->waitedHandle()) << "one, shared";
  EXPECT_NE(connection->waitedHandle(), connection->handle());
}

TEST(ClientDefaults, AUsersLingerHoldsForEveryProducer) {
  for (const char* name : {"linger.ms", "queue.buffering.max.ms"}) {
    auto connection = open({{name, "7"}});
    EXPECT_EQ(connection->waitedHandle(), connection->handle()) << name;
    EXPECT_EQ(property(connection->handle(), "linger.ms"), "7") << name;
    EXPECT_EQ(property(connection->dedicatedHandle(true, {}, true), "linger.ms"), "7") << name;
  }
}

// As Java's Kafka clients: a small request is not held back behind an unacknowledged one.
TEST(ClientDefaults, NaglesAlgorithmIsOffUnlessTheUserTurnsItOn) {
  auto defaults = open({});
  EXPECT_EQ(property(defaults->handle(), "socket.nagle.disable"), "true");
  EXPECT_EQ(property(defaults->waitedHandle(), "socket.nagle.disable"), "true");
  rd_kafka_conf_t* consumer = defaults->newConsumerConf();
  EXPECT_EQ(property(consumer, "socket.nagle.disable"), "true");
  rd_kafka_conf_destroy(consumer);

  auto nagle = open({{"socket.nagle.disable", "false"}});
  EXPECT_EQ(property(nagle->handle(), "socket.nagle.disable"), "false");
  consumer = nagle->newConsumerConf();
  EXPECT_EQ(property(consumer, "socket.nagle.disable"), "false");
  rd_kafka_conf_destroy(consumer);
}
