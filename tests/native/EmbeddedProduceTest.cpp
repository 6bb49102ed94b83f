// Produces through the real core and librdkafka: against the embedded cluster by default, or
// against the cluster in $KAFKA_BOOTSTRAP when set.
#include <gtest/gtest.h>
#ifdef _WIN32
#include <process.h>
#define getpid _getpid
#else
#include <unistd.h>
#endif

#include "TestCluster.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <set>
#include <thread>

#include "EmbeddedCluster.hpp"
#include "Engine.hpp"
#include "Murmur2.hpp"
#include "TestTopics.hpp"
#include "TopicReader.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/ProducerSession.hpp"
#include "kafkanative/StampHeaders.hpp"

using namespace kafkanative;

namespace {

ConnectionConfig config(std::map<std::string, std::string> properties = {}) {
  return ConnectionConfig{testBootstrap(), std::move(properties), std::chrono::milliseconds(5000),
                          ""};
}

ProducerSettings settings(const std::string& topic, const std::string& value = "v",
                          std::size_t valueSize = 0) {
  ProducerSettings settings;
  settings.topic = topic;
  settings.valueTemplate = value;
  settings.valueSize = valueSize;
  settings.statsName = topic;
  return settings;
}

ProducerSettings stamped(const std::string& topic) {
  auto stamping = settings(topic);
  stamping.stampHeaders = true;
  return stamping;
}

/// A stamped session on `topic` opens, and its sample of 10 messages is acknowledged in full.
void expectStampedSampleAcknowledged(const std::shared_ptr<Connection>& connection,
                                     const std::string& topic) {
  ProducerSession session(connection, stamped(topic));
  const ProduceOutcome outcome = session.produce(10);
  EXPECT_TRUE(outcome.errorName.empty()) << outcome.errorName << ": " << outcome.errorMessage;
  EXPECT_EQ(outcome.acked, 10u);
}

}  // namespace

TEST(EmbeddedProduce, EveryMessageIsAcknowledgedAndCounted) {
  auto connection = Connection::open(config({{"acks", "all"}, {"linger.ms", "2"}}));
  auto produceSettings = settings(uniqueName("produce"), "v{{seq}}", 100);
  produceSettings.keyTemplate = "k{{seq}}";
  ProducerSession session(connection, produceSettings);

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
    EXPECT_GE(outcome.firstPartition, 0);
    EXPECT_GE(outcome.lastOffset, 0);
    acked += outcome.acked;
  }
  const ProducerStats& stats = connection->statsFor(produceSettings.statsName);
  EXPECT_EQ(stats.acked.load(), acked);
  EXPECT_EQ(stats.sent.load(), acked);
  EXPECT_EQ(stats.ackLatency.count(), acked);
  EXPECT_NE(connection->summaryJson().find("\"acked\": 1000"), std::string::npos)
      << connection->summaryJson();
}

TEST(EmbeddedProduce, HeadersAndStampsArriveWithEveryMessage) {
  auto connection = Connection::open(config());
  auto produceSettings = settings(uniqueName("headers"), "{{seq}}");
  produceSettings.headers = {{"trace", "t-{{seq}}"}, {"kind", "test"}};
  produceSettings.stampHeaders = true;
  ProducerSession session(connection, produceSettings);
  ASSERT_EQ(session.produce(20).acked, 20u);

  const auto messages = readTopic(connection->bootstrapServers(), produceSettings.topic, 20);
  ASSERT_EQ(messages.size(), 20u);
  std::set<std::string> producers;
  std::set<std::string> sequences;
  for (const auto& message : messages) {
    EXPECT_EQ(message.headers.at("trace"), "t-" + message.value);
    EXPECT_EQ(message.headers.at("kind"), "test");
    EXPECT_EQ(message.headers.at(std::string(StampHeaders::kSequence)), message.value);
    EXPECT_GT(std::stoll(message.headers.at(std::string(StampHeaders::kTimestampMicros))),
              1'600'000'000'000'000LL);
    producers.insert(message.headers.at(std::string(StampHeaders::kProducerId)));
    sequences.insert(message.headers.at(std::string(StampHeaders::kSequence)));
  }
  ASSERT_EQ(producers.size(), 1u);
  EXPECT_EQ(sequences.size(), 20u);
  // The producer id names this engine (host:pid) after a random part, for runs of several.
  const std::string& id = *producers.begin();
  EXPECT_EQ(id.substr(id.find('@') + 1), Engine::name()) << id;
  EXPECT_EQ(id.find('@'), 16u) << id;
  EXPECT_NE(Engine::name().find(':' + std::to_string(getpid())), std::string::npos);
}

TEST(EmbeddedProduce, AMessageCarriesOneTimeItsKafkaTimestampIncluded) {
  auto connection = Connection::open(config());
  auto produceSettings = settings(uniqueName("time"), "{{timestamp_ms}}");
  produceSettings.keyTemplate = "{{timestamp_us}}";
  produceSettings.headers = {{"sent", "{{timestamp_us}}"}};
  produceSettings.stampHeaders = true;
  ProducerSession session(connection, produceSettings);
  ASSERT_EQ(session.produce(20).acked, 20u);

  const auto messages = readTopic(connection->bootstrapServers(), produceSettings.topic, 20);
  ASSERT_EQ(messages.size(), 20u);
  for (const auto& message : messages) {
    const std::int64_t micros = std::stoll(message.key);
    EXPECT_GT(micros, 1'600'000'000'000'000LL);
    EXPECT_EQ(message.value, std::to_string(micros / 1000));
    EXPECT_EQ(message.headers.at("sent"), message.key);
    EXPECT_EQ(message.headers.at(std::string(StampHeaders::kTimestampMicros)), message.key);
    EXPECT_EQ(message.timestampMillis, micros / 1000);
  }
  // Without a time in the message, librdkafka stamps it with its own clock.
  auto untimed = settings(uniqueName("untimed"), "{{seq}}");
  ProducerSession untimedSession(connection, untimed);
  ASSERT_EQ(untimedSession.produce(3).acked, 3u);
  for (const auto& message : readTopic(connection->bootstrapServers(), untimed.topic, 3)) {
    EXPECT_GT(message.timestampMillis, 1'600'000'000'000LL);
  }
}

TEST(EmbeddedProduce, PartitioningFixedRoundRobinAndByKey) {
  auto connection = Connection::open(config());

  auto fixed = settings(uniqueName("fixed"));
  fixed.partitioning = Partitioning::kFixed;
  fixed.partition = 1;
  ProducerSession fixedSession(connection, fixed);
  ASSERT_EQ(fixedSession.produce(10).acked, 10u);
  for (const auto& message : readTopic(connection->bootstrapServers(), fixed.topic, 10)) {
    EXPECT_EQ(message.partition, 1);
  }

  auto roundRobin = settings(uniqueName("roundrobin"));
  roundRobin.partitioning = Partitioning::kRoundRobin;
  ProducerSession roundRobinSession(connection, roundRobin);
  ASSERT_EQ(roundRobinSession.produce(40).acked, 40u);
  std::map<std::int32_t, int> perPartition;
  for (const auto& message : readTopic(connection->bootstrapServers(), roundRobin.topic, 40)) {
    ++perPartition[message.partition];
  }
  ASSERT_GT(perPartition.size(), 1u);
  for (const auto& [partition, count] : perPartition) {
    EXPECT_EQ(count, 40 / static_cast<int>(perPartition.size())) << partition;
  }

  auto byKey = settings(uniqueName("bykey"));
  byKey.partitioning = Partitioning::kByKey;
  byKey.keyTemplate = "customer-{{pick:a|b|c|d|e}}";
  ProducerSession byKeySession(connection, byKey);
  ASSERT_EQ(byKeySession.produce(50).acked, 50u);
  const auto keyed = readTopic(connection->bootstrapServers(), byKey.topic, 50);
  ASSERT_EQ(keyed.size(), 50u);
  const auto partitions = static_cast<std::uint32_t>(perPartition.size());
  for (const auto& message : keyed) {
    EXPECT_EQ(static_cast<std::uint32_t>(message.partition),
              (murmur2(message.key) & 0x7fffffff) % partitions)
        << message.key;
  }
}

TEST(EmbeddedProduce, TrackedDeliveriesAreAllReportedByLaterSamplesOrFinish) {
  auto connection = Connection::open(config());
  auto tracked = settings(uniqueName("tracked"), "{{random_string:50}}");
  tracked.mode = DeliveryMode::kTrack;
  ProducerSession session(connection, tracked);
  std::uint64_t acked = 0;
  for (int sample = 0; sample < 20; ++sample) {
    const ProduceOutcome outcome = session.produce(100);
    ASSERT_TRUE(outcome.errorName.empty()) << outcome.errorMessage;
    EXPECT_EQ(outcome.sent, 100u);
    acked += outcome.acked;
    EXPECT_EQ(outcome.inFlight + acked, 100u * (sample + 1));
  }
  const ProduceOutcome last = session.finish();
  EXPECT_EQ(last.inFlight, 0u);
  EXPECT_EQ(acked + last.acked, 2000u);
  EXPECT_EQ(connection->statsFor(tracked.statsName).acked.load(), 2000u);
}

TEST(EmbeddedProduce, OversizedValueFailsInsteadOfSendingAnotherSize) {
  auto connection = Connection::open(config());
  ProducerSession session(connection, settings(uniqueName("oversize"), "{{seq}}-abc", 5));
  const ProduceOutcome outcome = session.produce(3);  // "0-abc" fits, "1-abc".. too: 5 bytes
  EXPECT_EQ(outcome.acked, 3u);
  ProducerSession tooLong(connection, settings(uniqueName("oversize"), "123456", 5));
  const ProduceOutcome refused = tooLong.produce(2);
  EXPECT_EQ(refused.acked, 0u);
  EXPECT_EQ(refused.failed, 2u);
  EXPECT_EQ(refused.errorName, "MSG_SIZE_TOO_LARGE");
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

TEST(EmbeddedProduce, InvalidSettingsAreRefused) {
  auto connection = Connection::open(config());
  EXPECT_THROW(ProducerSession(connection, settings("")), KafkaError);
  EXPECT_THROW(ProducerSession(connection, settings("bad topic!")), KafkaError);
  EXPECT_THROW(ProducerSession(connection, settings(std::string(250, 'a'))), KafkaError);
  auto noKey = settings(uniqueName("nokey"));
  noKey.partitioning = Partitioning::kByKey;
  EXPECT_THROW(ProducerSession(connection, noKey), KafkaError);
  auto badHeader = settings(uniqueName("header"));
  badHeader.headers = {{"h", "{{nope}}"}};
  EXPECT_THROW(ProducerSession(connection, badHeader), KafkaError);
  ProducerSession session(connection, settings(uniqueName("counts")));
  EXPECT_THROW(session.produce(0), KafkaError);
  EXPECT_THROW(session.produce(ProducerSession::kMaxMessagesPerSample + 1), KafkaError);
}

TEST(UnreachableCluster, SamplesFailWithTheReasonWithinTheDeliveryTimeout) {
  auto connection = Connection::open(ConnectionConfig{
      "127.0.0.1:1", {{"message.timeout.ms", "1500"}}, std::chrono::milliseconds(1000), ""});
  ProducerSession session(connection, settings("unreachable"));
  const ProduceOutcome outcome = session.produce(5);
  EXPECT_EQ(outcome.acked, 0u);
  EXPECT_EQ(outcome.failed, 5u);
  EXPECT_EQ(outcome.errorName, "_MSG_TIMED_OUT");
  EXPECT_NE(outcome.errorMessage.find("127.0.0.1:1"), std::string::npos) << outcome.errorMessage;
}

// A tracked thread's end with a producer of its own waits for its messages no longer than the
// connection's flush timeout (not the delivery timeout: a producer held back by a quota would
// hold the test for minutes), then purges them and says how many.
TEST(UnreachableCluster, ATrackedThreadEndsAtTheFlushTimeoutAndCountsWhatItPurged) {
  auto connection = Connection::open(ConnectionConfig{
      "127.0.0.1:1", {{"message.timeout.ms", "120000"}}, std::chrono::milliseconds(300), ""});
  auto tracked = settings(uniqueName("unsent"));
  tracked.mode = DeliveryMode::kTrack;
  tracked.dedicatedClient = true;
  ProducerSession session(connection, tracked);
  ASSERT_EQ(session.produce(100).sent, 100u);
  const auto start = std::chrono::steady_clock::now();
  const ProduceOutcome last = session.finish();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
  EXPECT_EQ(last.failed, 100u);
  EXPECT_EQ(last.inFlight, 0u);
  EXPECT_EQ(last.errorName, "_PURGE_QUEUE");
  EXPECT_NE(last.errorMessage.find("100 messages undelivered 300 ms after"), std::string::npos)
      << last.errorMessage;
  EXPECT_GT(connection->statsFor(tracked.statsName).samplingEndEpochMicros.load(), 0);
}

// Under a target rate, a broker that slows down mid-run must show up as latency measured from
// the intended send times (the schedule slips), while the plain ack latency of the delayed
// messages shows the added round trip itself.
TEST(TargetRate, BrokerDelayShowsInIntendedLatencyAndInAckLatency) {
  auto connection = Connection::open(config({{"linger.ms", "0"}}));
  if (connection->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  auto rated = settings(uniqueName("rate"));
  rated.ratePerSecond = 500;
  rated.rateGroup = rated.topic;
  // Created beforehand, so the first messages do not wait for the topic's auto-creation.
  createTopic(*connection, rated.topic, 1);
  ProducerSession session(connection, rated);
  for (int sample = 0; sample < 25; ++sample) {  // 0.5 s on schedule
    ASSERT_EQ(session.produce(10).acked, 10u);
  }
  const ProducerStats& stats = connection->statsFor(rated.statsName);
  const auto calmIntendedMax = stats.intendedLatency.max();
  EXPECT_LT(calmIntendedMax, 100'000u) << "the calm phase kept its schedule";

  constexpr auto kRtt = std::chrono::milliseconds(150);
  for (int broker = 1; broker <= connection->embeddedCluster()->brokers(); ++broker) {
    connection->embeddedCluster()->setBrokerRtt(broker, kRtt);
  }
  for (int sample = 0; sample < 5; ++sample) {
    ASSERT_EQ(session.produce(10).acked, 10u);
  }
  for (int broker = 1; broker <= connection->embeddedCluster()->brokers(); ++broker) {
    connection->embeddedCluster()->setBrokerRtt(broker, std::chrono::milliseconds(0));
  }
  // Plain ack latency shows the added round trip...
  EXPECT_GE(stats.ackLatency.max(), 150'000u);
  // ...and latency from the intended send time shows the schedule slipping on top of it:
  // five samples of 10 messages took at least 5 x 150 ms while scheduled for 100 ms.
  EXPECT_GE(stats.intendedLatency.max(), 500'000u);
  EXPECT_GT(stats.intendedLatency.percentile(99), stats.ackLatency.percentile(99));
  EXPECT_GT(stats.scheduleLagMicros.load(), 0);
}

TEST(EmbeddedProduce, ValuesFromAPayloadFileCycleInOrder) {
  const auto path = std::filesystem::temp_directory_path() / ("kns-values-" + uniqueName("p"));
  std::ofstream(path) << "red\ngreen\nblue\n";
  auto connection = Connection::open(config());
  auto fromFile = settings(uniqueName("payloads"));
  fromFile.payloadFile = path.string();
  fromFile.partitioning = Partitioning::kFixed;  // one partition keeps the order to check
  ProducerSession session(connection, fromFile);
  ASSERT_EQ(session.produce(6).acked, 6u);
  std::vector<std::string> values;
  for (const auto& message : readTopic(connection->bootstrapServers(), fromFile.topic, 6)) {
    values.push_back(message.value);
  }
  EXPECT_EQ(values, (std::vector<std::string>{"red", "green", "blue", "red", "green", "blue"}));
  std::filesystem::remove(path);
}

TEST(EmbeddedProduce, LibrdkafkaStatisticsGoToTheStatisticsFile) {
  const auto path = std::filesystem::temp_directory_path() / ("kns-stats-" + uniqueName("s"));
  auto statsConfig = config({{"statistics.interval.ms", "100"}});
  statsConfig.statisticsFile = path.string();
  {
    auto connection = Connection::open(statsConfig);
    ProducerSession session(connection, settings(uniqueName("stats")));
    ASSERT_EQ(session.produce(10).acked, 10u);
    // Statistics arrive every 100 ms; wait (bounded) for the first.
    for (int i = 0; i < 100 && std::filesystem::file_size(path) == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
  std::ifstream in(path);
  std::string line;
  ASSERT_TRUE(std::getline(in, line));
  EXPECT_EQ(line.front(), '{');
  EXPECT_NE(line.find("\"txmsgs\""), std::string::npos);
  in.close();  // Windows deletes no open file
  std::filesystem::remove(path);
}

TEST(EmbeddedProduce, PerThreadScopeGivesEachSessionItsOwnProducer) {
  auto connection = Connection::open(config({{"client.id", uniqueName("scope")}}));
  ASSERT_EQ(connection->clientCount(), 1u);  // the shared producer
  auto own = settings(uniqueName("scoped"));
  own.dedicatedClient = true;
  ProducerSession first(connection, own);
  ProducerSession second(connection, own);
  ProducerSession shared(connection, settings(own.topic));
  // The shared producer, one per session, and the shared producer of waited sessions.
  EXPECT_EQ(connection->clientCount(), 4u);
  EXPECT_EQ(first.produce(10).acked, 10u);
  EXPECT_EQ(second.produce(10).acked, 10u);
  EXPECT_EQ(shared.produce(10).acked, 10u);
  EXPECT_EQ(connection->statsFor(own.statsName).acked.load(), 30u);
  EXPECT_NE(connection->summaryJson().find("\"producerClients\": 4"), std::string::npos);
}

// A per-thread producer in waited mode has no thread of its own serving it: the waiting
// session polls it. Every sample still ends at its reports, with their latency and offsets,
// and tracked sessions on such a connection are unaffected.
TEST(EmbeddedProduce, WaitedPerThreadProducerIsServedByItsSession) {
  auto connection = Connection::open(config({{"client.id", uniqueName("served")}}));
  auto own = settings(uniqueName("served"), "v{{seq}}");
  own.dedicatedClient = true;
  ProducerSession session(connection, own);
  for (int sample = 0; sample < 200; ++sample) {
    const ProduceOutcome outcome = session.produce(1);
    ASSERT_TRUE(outcome.errorName.empty()) << outcome.errorName << ": " << outcome.errorMessage;
    ASSERT_EQ(outcome.acked, 1u);
    EXPECT_GE(outcome.firstOffset, 0);
    EXPECT_GT(outcome.maxAckLatencyMicros, 0);
  }
  EXPECT_EQ(session.produce(500).acked, 500u);
  EXPECT_EQ(connection->statsFor(own.statsName).acked.load(), 700u);
  EXPECT_EQ(connection->statsFor(own.statsName).ackLatency.count(), 700u);
}

// A topic that is still being created has no leader for a moment (LEADER_NOT_AVAILABLE in its
// metadata); a stamping session, which must know the partition count, waits for it within the
// delivery timeout instead of failing, as librdkafka itself waits before sending.
TEST(EmbeddedProduce, StampingWaitsForATopicBeingCreated) {
  auto connection = Connection::open(config());
  if (connection->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const std::string topic = uniqueName("being-created");
  connection->embeddedCluster()->setTopicError(topic, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE);
  std::thread leaderElected([&] {  // not std::jthread: Zig's libc++ (the Windows build) lacks it
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    connection->embeddedCluster()->setTopicError(topic, RD_KAFKA_RESP_ERR_NO_ERROR);
  });
  expectStampedSampleAcknowledged(connection, topic);
  leaderElected.join();
}

// A topic that stays unavailable still fails, with the broker's reason, once the wait is over.
TEST(EmbeddedProduce, StampingFailsClearlyForATopicThatNeverGetsALeader) {
  // The delivery timeout bounds the wait.
  auto connection = Connection::open(config({{"message.timeout.ms", "2000"}}));
  if (connection->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const std::string topic = uniqueName("leaderless");
  connection->embeddedCluster()->setTopicError(topic, RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE);
  try {
    ProducerSession session(connection, stamped(topic));
    FAIL() << "expected LEADER_NOT_AVAILABLE";
  } catch (const KafkaError& error) {
    EXPECT_EQ(error.name(), "LEADER_NOT_AVAILABLE");
  }
}

// message.timeout.ms=0 is librdkafka's "no limit" (and what an emptied Delivery timeout field
// becomes): waits built on it are bounded, not cut to nothing.
TEST(EmbeddedProduce, UnlimitedDeliveryTimeoutStillWaitsForMetadataAndReports) {
  auto connection = Connection::open(config({{"message.timeout.ms", "0"}}));
  EXPECT_GT(connection->deliveryTimeout(), std::chrono::minutes(1));
  expectStampedSampleAcknowledged(connection, uniqueName("unlimited"));
}

// A per-thread session that fails to open gives its producer back: a misconfigured sampler
// retries every sample, and must not pile up a librdkafka producer per try.
TEST(EmbeddedProduce, PerThreadSessionThatFailsToOpenLeavesNoProducer) {
  auto connection = Connection::open(config({{"client.id", uniqueName("failing")}}));
  auto own = stamped(uniqueName("failing"));
  own.dedicatedClient = true;
  own.partitioning = Partitioning::kFixed;
  own.partition = 10'000;  // beyond the topic's partitions: known only once the topic is open
  for (int attempt = 0; attempt < 3; ++attempt) {
    EXPECT_THROW(ProducerSession(connection, own), KafkaError);
  }
  EXPECT_EQ(connection->clientCount(), 1u);  // the shared producer only
}
