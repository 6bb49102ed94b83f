// Produces through the real core and librdkafka: against the embedded cluster by default, or
// against the cluster in $KAFKA_BOOTSTRAP when set.
#include <gtest/gtest.h>

#include <cstdlib>
#include <random>

#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;

namespace {

std::string bootstrap() {
  const char* configured = std::getenv("KAFKA_BOOTSTRAP");
  return configured != nullptr && *configured != '\0' ? configured : "embedded";
}

std::string uniqueTopic(const std::string& prefix) {
  std::random_device random;
  return prefix + "-" + std::to_string(random());
}

ConnectionConfig config(std::map<std::string, std::string> properties = {}) {
  return ConnectionConfig{bootstrap(), std::move(properties), std::chrono::milliseconds(5000)};
}

}  // namespace

TEST(EmbeddedProduce, EveryMessageIsAcknowledgedAndCounted) {
  auto connection = Connection::open(config({{"acks", "all"}, {"linger.ms", "2"}}));
  ProducerSession session(connection, {uniqueTopic("produce"), "k{{seq}}", "v{{seq}}", 100});

  std::uint64_t acked = 0;
  for (int sample = 0; sample < 10; ++sample) {
    const ProduceOutcome outcome = session.produce(100);
    ASSERT_TRUE(outcome.errorName.empty()) << outcome.errorName << ": " << outcome.errorMessage;
    EXPECT_EQ(outcome.requested, 100u);
    EXPECT_EQ(outcome.sent, 100u);
    EXPECT_EQ(outcome.acked, 100u);
    EXPECT_EQ(outcome.failed, 0u);
    EXPECT_GE(outcome.ackedBytes, 100u * 101u);  // 100-byte values plus keys
    EXPECT_GE(outcome.elapsedMicros, outcome.firstAckMicros);
    EXPECT_GT(outcome.maxAckLatencyMicros, 0);
    acked += outcome.acked;
  }
  EXPECT_EQ(connection->stats().acked.load(), acked);
  EXPECT_EQ(connection->stats().sent.load(), acked);
  EXPECT_EQ(connection->stats().ackLatency.count(), acked);
  EXPECT_NE(connection->summaryJson().find("\"acked\": 1000"), std::string::npos)
      << connection->summaryJson();
}

TEST(EmbeddedProduce, EqualConfigurationsShareOneClient) {
  auto first = Connection::open(config({{"client.id", "shared"}}));
  auto second = Connection::open(config({{"client.id", "shared"}}));
  auto other = Connection::open(config({{"client.id", "other"}}));
  EXPECT_EQ(first, second);
  EXPECT_NE(first, other);
}

TEST(EmbeddedProduce, UnknownPropertyIsAClearError) {
  try {
    Connection::open(config({{"no.such.property", "1"}}));
    FAIL() << "expected KafkaError";
  } catch (const KafkaError& error) {
    EXPECT_EQ(error.name(), "_INVALID_ARG");
    EXPECT_NE(std::string(error.what()).find("no.such.property"), std::string::npos);
  }
}

TEST(EmbeddedProduce, InvalidTopicAndCountsAreRefused) {
  auto connection = Connection::open(config());
  EXPECT_THROW(ProducerSession(connection, {"", "", "v", 0}), KafkaError);
  EXPECT_THROW(ProducerSession(connection, {"bad topic!", "", "v", 0}), KafkaError);
  EXPECT_THROW(ProducerSession(connection, {std::string(250, 'a'), "", "v", 0}), KafkaError);
  ProducerSession session(connection, {uniqueTopic("counts"), "", "v", 0});
  EXPECT_THROW(session.produce(0), KafkaError);
  EXPECT_THROW(session.produce(ProducerSession::kMaxMessagesPerSample + 1), KafkaError);
}

TEST(UnreachableCluster, SamplesFailWithTheReasonWithinTheDeliveryTimeout) {
  auto connection = Connection::open(ConnectionConfig{
      "127.0.0.1:1", {{"message.timeout.ms", "1500"}}, std::chrono::milliseconds(1000)});
  ProducerSession session(connection, {"unreachable", "", "v", 0});
  const ProduceOutcome outcome = session.produce(5);
  EXPECT_EQ(outcome.acked, 0u);
  EXPECT_EQ(outcome.failed, 5u);
  EXPECT_EQ(outcome.errorName, "_MSG_TIMED_OUT");
  EXPECT_NE(outcome.errorMessage.find("127.0.0.1:1"), std::string::npos) << outcome.errorMessage;
}
