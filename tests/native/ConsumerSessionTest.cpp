// The consumer engine against the embedded cluster (or $KAFKA_BOOTSTRAP): what the core's
// producer wrote is read back, counted, timed and verified.
#include "kafkanative/ConsumerSession.hpp"

#include <gtest/gtest.h>

#include "TestCluster.hpp"

#include <nlohmann/json.hpp>
#include <thread>

#include "EmbeddedCluster.hpp"
#include "Rebalance.hpp"
#include "TestTopics.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ConsumerStats.hpp"
#include "kafkanative/GroupLagReader.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;

namespace {

std::shared_ptr<Connection> connection() {
  return Connection::open(
      ConnectionConfig{testBootstrap(), {}, std::chrono::milliseconds(5000), ""});
}

ProducerSettings stamped(const std::string& topic) {
  ProducerSettings settings;
  settings.topic = topic;
  settings.valueTemplate = "{{seq}}";
  settings.stampHeaders = true;
  settings.statsName = topic;
  return settings;
}

ConsumerSettings consumerOf(const std::string& topic, const std::string& group) {
  ConsumerSettings settings;
  settings.topics = {topic};
  settings.groupId = group;
  settings.commit = CommitMode::kSync;
  settings.statsName = group;
  return settings;
}

/// Polls `sessions` in turn until `expected` messages arrived in all or 30 s passed.
std::vector<ConsumeOutcome> consumeAll(std::vector<ConsumerSession*> sessions,
                                       std::uint32_t expected) {
  std::vector<ConsumeOutcome> totals(sessions.size());
  std::uint32_t consumed = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (consumed < expected && std::chrono::steady_clock::now() < deadline) {
    for (std::size_t i = 0; i < sessions.size(); ++i) {
      const auto outcome = sessions[i]->poll(1000, std::chrono::milliseconds(200));
      EXPECT_TRUE(outcome.errorName.empty()) << outcome.errorName << outcome.errorMessage;
      totals[i].messages += outcome.messages;
      totals[i].missing += outcome.missing;
      totals[i].duplicates += outcome.duplicates;
      totals[i].reordered += outcome.reordered;
      if (totals[i].verificationProblem.empty()) {
        totals[i].verificationProblem = outcome.verificationProblem;
      }
      consumed += outcome.messages;
    }
  }
  return totals;
}

/// A connection whose producers are idempotent, as failover drills use. Its linger is
/// librdkafka's 5 ms: with waited samples' 0, this machine's librdkafka (2.0.2) and its mock
/// brokers, which do not check idempotent sequences, left 1 of 500 acknowledged messages
/// unread after injected NOT_LEADER and REQUEST_TIMED_OUT errors in 2 of 27 sanitizer runs
/// (0 of 15 with 5 ms; not yet explained: DESIGN.md, "Waited samples send at once").
std::shared_ptr<Connection> idempotentConnection() {
  return Connection::open(ConnectionConfig{testBootstrap(),
                                           {{"enable.idempotence", "true"}, {"linger.ms", "5"}},
                                           std::chrono::milliseconds(5000),
                                           ""});
}

/// Consumes `topic` from the start and expects exactly `expected` messages, each once.
void expectEachConsumedOnce(const std::shared_ptr<Connection>& kafka, const std::string& topic,
                            const std::string& group, std::uint32_t expected) {
  ConsumerSession consumer(kafka, consumerOf(topic, group));
  const auto total = consumeAll({&consumer}, expected).front();
  EXPECT_EQ(total.messages, expected);
  EXPECT_EQ(total.missing + total.duplicates + total.reordered, 0u) << total.verificationProblem;
}

}  // namespace

TEST(ConsumerSession, ConsumesExactlyWhatWasProducedWithLatencyAndNoFindings) {
  auto kafka = connection();
  const auto topic = uniqueName("consume");
  ProducerSession producer(kafka, stamped(topic));
  for (int sample = 0; sample < 3; ++sample) {
    ASSERT_EQ(producer.produce(100).acked, 100u);
  }
  ConsumerSession consumer(kafka, consumerOf(topic, uniqueName("group")));
  const auto outcome = consumeAll({&consumer}, 300).front();
  EXPECT_EQ(outcome.messages, 300u);
  EXPECT_EQ(outcome.missing + outcome.duplicates + outcome.reordered, 0u)
      << outcome.verificationProblem;
}

TEST(ConsumerSession, StatsCountEveryMessageAndItsEndToEndLatency) {
  auto kafka = connection();
  const auto topic = uniqueName("stats");
  const auto group = uniqueName("group");
  ProducerSession producer(kafka, stamped(topic));
  ASSERT_EQ(producer.produce(50).acked, 50u);
  ConsumerSession consumer(kafka, consumerOf(topic, group));
  consumeAll({&consumer}, 50);
  const ConsumerStats& stats = kafka->consumerStatsFor(group);
  EXPECT_EQ(stats.consumed.load(), 50u);
  EXPECT_EQ(stats.endToEndLatency.count(), 50u);
  EXPECT_EQ(stats.lastLag.load(), 0);
  EXPECT_NE(kafka->summaryJson().find("\"consumed\": 50"), std::string::npos);
}

// The consumer's rate is messages over its active span, first message to last: a final poll
// that waits out its timeout for messages that never come does not stretch it.
TEST(ConsumerSession, ActiveSpanEndsAtTheLastMessageNotAtTheLastPoll) {
  auto kafka = connection();
  const auto topic = uniqueName("span");
  const auto group = uniqueName("group");
  ProducerSession producer(kafka, stamped(topic));
  ASSERT_EQ(producer.produce(50).acked, 50u);
  ConsumerSession consumer(kafka, consumerOf(topic, group));
  std::uint32_t consumed = 0;
  const auto start = std::chrono::steady_clock::now();
  while (consumed < 25 && std::chrono::steady_clock::now() - start < std::chrono::seconds(30)) {
    consumed += consumer.poll(25 - consumed, std::chrono::milliseconds(500)).messages;
  }
  // The rest, then 2 s of waiting for more.
  consumed += consumer.poll(1000, std::chrono::milliseconds(2000)).messages;
  ASSERT_EQ(consumed, 50u);
  const ConsumerStats& stats = kafka->consumerStatsFor(group);
  const auto span = stats.lastConsumeEpochMicros.load() - stats.firstConsumeEpochMicros.load();
  EXPECT_GE(span, 0);
  EXPECT_LT(span, 1'000'000) << "the span includes the 2 s a part-filled poll waited";
}

TEST(ConsumerSession, AGroupOfThreeSharesThePartitionsWithoutOverlap) {
  // A short session timeout bounds how long a rebalance can wait for a slow member.
  auto kafka = Connection::open(
      ConnectionConfig{testBootstrap(),
                       {{"session.timeout.ms", "6000"}, {"heartbeat.interval.ms", "500"}},
                       std::chrono::milliseconds(5000),
                       ""});
  const auto topic = uniqueName("group3");
  const auto group = uniqueName("group");
  createTopic(*kafka, topic, 4);
  auto settings = stamped(topic);
  settings.partitioning = Partitioning::kRoundRobin;
  ProducerSession producer(kafka, settings);
  ConsumerSession a(kafka, consumerOf(topic, group));
  ConsumerSession b(kafka, consumerOf(topic, group));
  ConsumerSession c(kafka, consumerOf(topic, group));
  // Members poll concurrently, each on its own thread, as JMeter threads do; the group must
  // settle (every member holding partitions) before there is anything to read twice.
  const auto settled = [&] {
    return a.assignedPartitions() > 0 && b.assignedPartitions() > 0 && c.assignedPartitions() > 0;
  };
  std::vector<std::thread> members;
  for (auto* member : {&a, &b, &c}) {
    members.emplace_back([member, &settled] {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
      while (!settled() && std::chrono::steady_clock::now() < deadline) {
        member->poll(1, std::chrono::milliseconds(100));
      }
    });
  }
  for (auto& member : members) {
    member.join();
  }
  ASSERT_TRUE(settled()) << "the group did not settle in 60 s";
  EXPECT_EQ(a.assignedPartitions() + b.assignedPartitions() + c.assignedPartitions(),
            static_cast<std::size_t>(4));
  ASSERT_EQ(producer.produce(400).acked, 400u);
  const auto totals = consumeAll({&a, &b, &c}, 400);
  std::uint32_t sum = 0;
  for (const auto& member : totals) {
    EXPECT_GT(member.messages, 0u) << "every member got partitions";
    EXPECT_EQ(member.duplicates, 0u) << member.verificationProblem;
    sum += member.messages;
  }
  EXPECT_EQ(sum, 400u);
}

// Sequences crafted through the core's own producer: headers set by hand instead of stamped.
TEST(ConsumerSession, VerificationFindsAGapADuplicateAndAReordering) {
  auto kafka = connection();
  const auto topic = uniqueName("crafted");
  const auto send = [&](const std::string& sequence, std::uint32_t count) {
    ProducerSettings settings;
    settings.topic = topic;
    settings.valueTemplate = "v";
    settings.partitioning = Partitioning::kFixed;
    settings.partition = 0;
    settings.headers = {{"kn-producer", "00000000000c0ffe"}, {"kn-pseq", sequence}};
    ProducerSession session(kafka, settings);
    ASSERT_EQ(session.produce(count).acked, count);
  };
  send("{{seq}}", 5);             // 0 1 2 3 4
  send("{{random_int:7:7}}", 1);  // 7: 5 and 6 missing
  send("{{random_int:5:5}}", 1);  // 5 arrives late: reordered
  send("{{seq}}", 2);             // 0 1 again: duplicates
  ConsumerSession consumer(kafka, consumerOf(topic, uniqueName("group")));
  const auto outcome = consumeAll({&consumer}, 9).front();
  ASSERT_EQ(outcome.messages, 9u);
  EXPECT_EQ(outcome.missing, 2u);
  EXPECT_EQ(outcome.reordered, 1u);
  EXPECT_EQ(outcome.duplicates, 2u);
  EXPECT_EQ(outcome.verificationProblem,
            "gap at partition 0 offset 5 (producer 00000000000c0ffe, sequence 7)");
}

// Brokers refusing produce requests (NOT_LEADER, REQUEST_TIMED_OUT) make an idempotent
// producer retry: every message still arrives exactly once.
TEST(ConsumerSession, RetriedProduceErrorsLoseAndDuplicateNothingWithIdempotence) {
  auto kafka = idempotentConnection();
  if (kafka->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const auto topic = uniqueName("retried");
  const auto group = uniqueName("group");
  ProducerSession producer(kafka, stamped(topic));  // creates the topic before the faults
  kafka->scheduleFaults(
      "0 errors produce 3 NOT_LEADER_FOR_PARTITION\n0 errors produce 2 REQUEST_TIMED_OUT");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the schedule applies at 0 s
  for (int sample = 0; sample < 5; ++sample) {
    const auto outcome = producer.produce(100);
    ASSERT_EQ(outcome.acked, 100u) << outcome.errorName << " " << outcome.errorMessage;
  }
  expectEachConsumedOnce(kafka, topic, group, 500);
}

// Leadership of every partition moves to another broker twice while messages flow: the
// producer follows the new leaders and every message still arrives exactly once.
TEST(ConsumerSession, LeaderMovesLoseAndDuplicateNothingWithIdempotence) {
  auto kafka = idempotentConnection();
  if (kafka->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const auto topic = uniqueName("leaders");
  const auto group = uniqueName("group");
  constexpr int kPartitions = 3;
  createTopic(*kafka, topic, kPartitions);
  ProducerSession producer(kafka, stamped(topic));
  const int brokers = kafka->embeddedCluster()->brokers();
  std::string schedule;
  for (int partition = 0; partition < kPartitions; ++partition) {
    for (int move = 1; move <= 2; ++move) {
      schedule += "0." + std::to_string(move * 3) + " leader " + topic + " " +
                  std::to_string(partition) + " " +
                  std::to_string((partition + move) % brokers + 1) + "\n";
    }
  }
  kafka->scheduleFaults(schedule);
  for (int sample = 0; sample < 10; ++sample) {
    const auto outcome = producer.produce(100);
    ASSERT_EQ(outcome.acked, 100u) << outcome.errorName << " " << outcome.errorMessage;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  std::size_t moves = 0;
  const auto summary = nlohmann::json::parse(kafka->summaryJson());
  for (const auto& fault : summary["faults"]) {
    moves += fault["kind"] == "leader" && fault["topic"] == topic;
  }
  EXPECT_EQ(moves, 2u * kPartitions);  // they happened while messages flowed
  expectEachConsumedOnce(kafka, topic, group, 1000);
}

TEST(ConsumerSession, EndToEndLatencyReflectsAddedBrokerRoundTrip) {
  auto kafka = connection();
  if (kafka->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const auto topic = uniqueName("rtt");
  const auto group = uniqueName("group");
  ProducerSession producer(kafka, stamped(topic));
  ConsumerSession consumer(kafka, consumerOf(topic, group));
  consumer.poll(1, std::chrono::milliseconds(500));  // joins the group first
  auto* cluster = kafka->embeddedCluster();
  for (int broker = 1; broker <= cluster->brokers(); ++broker) {
    cluster->setBrokerRtt(broker, std::chrono::milliseconds(100));
  }
  ASSERT_EQ(producer.produce(20).acked, 20u);
  consumeAll({&consumer}, 20);
  for (int broker = 1; broker <= cluster->brokers(); ++broker) {
    cluster->setBrokerRtt(broker, std::chrono::milliseconds(0));
  }
  const auto& latency = kafka->consumerStatsFor(group).endToEndLatency;
  ASSERT_EQ(latency.count(), 20u);
  // The produce request alone waits out the added round trip before any consumer can see it.
  EXPECT_GE(latency.percentile(1), 100'000u);
}

// A consumer-only property the producer never sees (so the connection opened) that librdkafka
// refuses: the consumer fails with the property's name, and nothing leaks (the ASan run checks).
TEST(ConsumerSession, RefusedConsumerPropertyIsNamed) {
  auto kafka = Connection::open(ConnectionConfig{
      testBootstrap(), {{"session.timeout.ms", "soon"}}, std::chrono::milliseconds(5000), ""});
  try {
    ConsumerSession session(kafka, consumerOf(uniqueName("refused"), uniqueName("group")));
    FAIL() << "expected the property to be refused";
  } catch (const KafkaError& error) {
    EXPECT_NE(std::string(error.what()).find("session.timeout.ms"), std::string::npos)
        << error.what();
  }
}

// rd_kafka_rebalance_protocol() is NULL where there is no live group — as while
// rd_kafka_consumer_close() revokes a group's partitions. A handle without a group (a producer)
// gives that answer every time: the rebalance is applied as EAGER and refused, never a crash.
TEST(ConsumerSession, RebalanceWithoutALiveGroupIsRefusedNotACrash) {
  char error[512];
  rd_kafka_t* handle = rd_kafka_new(RD_KAFKA_PRODUCER, rd_kafka_conf_new(), error, sizeof error);
  ASSERT_NE(handle, nullptr) << error;
  EXPECT_EQ(rd_kafka_rebalance_protocol(handle), nullptr);
  EXPECT_FALSE(Rebalance::cooperative(handle));
  rd_kafka_topic_partition_list_t* partitions = rd_kafka_topic_partition_list_new(1);
  rd_kafka_topic_partition_list_add(partitions, "t", 0);
  EXPECT_NE(Rebalance::apply(handle, RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS, partitions), "");
  EXPECT_NE(Rebalance::apply(handle, RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS, partitions), "");
  rd_kafka_topic_partition_list_destroy(partitions);
  rd_kafka_destroy(handle);
}

namespace {

/// A Kafka Processor: consumes `input` in `group`, sends each message on to `output`.
ConsumerSettings processorOf(const std::string& input, const std::string& output,
                             const std::string& group, bool exactlyOnce) {
  ConsumerSettings settings = consumerOf(input, group);
  settings.forward.topic = output;
  settings.forward.valueTemplate = "processed {{input}} by {{thread}}";
  settings.forward.exactlyOnce = exactlyOnce;
  settings.forward.thread = 7;
  return settings;
}

/// Polls `processor` until `expected` messages were forwarded or 30 s passed; every poll's
/// outcome, for the caller's checks.
std::vector<ConsumeOutcome> forwardUntil(ConsumerSession& processor, std::uint32_t expected,
                                         std::uint32_t perPoll) {
  std::vector<ConsumeOutcome> outcomes;
  std::uint32_t forwarded = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (forwarded < expected && std::chrono::steady_clock::now() < deadline) {
    outcomes.push_back(processor.poll(perPoll, std::chrono::milliseconds(200)));
    forwarded += outcomes.back().forwarded;
  }
  return outcomes;
}

/// Produces `messages` stamped messages to a new `input` topic, runs them through a processor
/// into a new output topic, and expects each there once, with the stamps and the new value.
void expectProcessedOnce(bool exactlyOnce) {
  auto kafka = connection();
  const auto input = uniqueName("pipeline-in");
  const auto output = uniqueName("pipeline-out");
  createTopic(*kafka, input, 3);
  createTopic(*kafka, output, 3);
  ProducerSession producer(kafka, stamped(input));
  ASSERT_EQ(producer.produce(500).acked, 500u);

  const auto group = uniqueName("processor");
  ConsumerSession processor(kafka, processorOf(input, output, group, exactlyOnce));
  std::uint32_t forwarded = 0;
  for (const auto& outcome : forwardUntil(processor, 500, 200)) {
    ASSERT_TRUE(outcome.errorName.empty()) << outcome.errorName << " " << outcome.errorMessage;
    EXPECT_EQ(outcome.forwarded, outcome.messages);
    forwarded += outcome.forwarded;
  }
  EXPECT_EQ(forwarded, 500u);
  const auto summary = nlohmann::json::parse(kafka->summaryJson());
  EXPECT_EQ(summary["samplers"][group + " (output)"]["acked"], 500);

  // Downstream, the producer's stamps arrive whole: each message once, in sequence.
  expectEachConsumedOnce(kafka, output, uniqueName("downstream"), 500);
  ConsumerSettings reader = consumerOf(output, uniqueName("reader"));
  reader.lastMessageBytes = 100;
  ConsumerSession downstream(kafka, reader);
  ConsumeOutcome sample;
  for (int i = 0; i < 50 && sample.messages == 0; ++i) {
    sample = downstream.poll(1, std::chrono::milliseconds(200));
  }
  EXPECT_EQ(sample.lastValue.rfind("processed ", 0), 0u) << sample.lastValue;
  EXPECT_NE(sample.lastValue.find(" by 7"), std::string::npos) << sample.lastValue;

  // The group's offsets moved past everything forwarded: a new member reads nothing more.
  // (librdkafka 2.0.2's mock brokers accept a transaction's offsets but never store them.)
  if (exactlyOnce && kafka->embeddedCluster() != nullptr) {
    return;
  }
  ConsumerSession restarted(kafka, processorOf(input, output, group, exactlyOnce));
  std::uint32_t again = 0;
  for (int poll = 0; poll < 20; ++poll) {  // long enough to join the group and fetch
    again += restarted.poll(500, std::chrono::milliseconds(500)).messages;
  }
  EXPECT_EQ(again, 0u);
}

}  // namespace

TEST(Processor, ForwardsEveryMessageWithItsStampsAtLeastOnce) { expectProcessedOnce(false); }

TEST(Processor, ForwardsEveryMessageWithItsStampsExactlyOnce) { expectProcessedOnce(true); }

namespace {

/// Outputs the cluster refuses fail the sample; the processor reads their inputs again and
/// forwards them once the cluster accepts: nothing is lost (exactly once: the aborted
/// transaction's outputs are never read by a read_committed consumer, so each arrives once).
void expectRefusedOutputsForwardedLater(bool exactlyOnce) {
  auto kafka = connection();
  if (kafka->embeddedCluster() == nullptr) {
    GTEST_SKIP() << "needs the embedded cluster's fault injection";
  }
  const auto input = uniqueName("refused-in");
  const auto output = uniqueName("refused-out");
  createTopic(*kafka, input, 1);
  createTopic(*kafka, output, 1);
  ProducerSession producer(kafka, stamped(input));
  ASSERT_EQ(producer.produce(100).acked, 100u);
  ConsumerSession processor(kafka,
                            processorOf(input, output, uniqueName("processor"), exactlyOnce));
  kafka->scheduleFaults("0 errors produce 1 INVALID_RECORD");
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // the schedule applies at 0 s
  bool refused = false;
  std::uint32_t forwarded = 0;
  for (const auto& outcome : forwardUntil(processor, 100, 100)) {
    refused = refused || !outcome.errorName.empty();
    forwarded += outcome.forwarded;
  }
  EXPECT_TRUE(refused);
  EXPECT_GE(forwarded, 100u);
  expectEachConsumedOnce(kafka, output, uniqueName("downstream"), 100);
}

}  // namespace

TEST(Processor, RefusedOutputsAreReadAgainAndForwardedLater) {
  expectRefusedOutputsForwardedLater(false);
}

TEST(Processor, AnAbortedTransactionsInputsAreReadAgainAndForwardedOnce) {
  expectRefusedOutputsForwardedLater(true);
}

TEST(Processor, BadSettingsAreClearErrors) {
  auto kafka = connection();
  const auto input = uniqueName("bad-in");
  try {
    ConsumerSession processor(kafka, processorOf(input, "no spaces", uniqueName("p"), false));
    FAIL() << "an invalid output topic was accepted";
  } catch (const KafkaError& error) {
    EXPECT_NE(std::string(error.what()).find("output topic"), std::string::npos) << error.what();
  }
  ProducerSettings producer = stamped(input);
  producer.valueTemplate = "{{input}}";
  EXPECT_THROW(ProducerSession(kafka, producer), KafkaError);
}

// A group's lag read from outside: end offsets less what the group committed, without
// joining the group; every reading lands in the connection's timeline.
TEST(GroupLagReader, ReadsWhatTheGroupLeftUnconsumed) {
  auto kafka = connection();
  const auto topic = uniqueName("lag");
  createTopic(*kafka, topic, 3);
  ProducerSession producer(kafka, stamped(topic));
  ASSERT_EQ(producer.produce(300).acked, 300u);
  const auto group = uniqueName("lagging");
  std::uint32_t consumed = 0;
  {
    ConsumerSession consumer(kafka, consumerOf(topic, group));  // commits after every poll
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (consumed < 100 && std::chrono::steady_clock::now() < deadline) {
      consumed += consumer.poll(50, std::chrono::milliseconds(200)).messages;
    }
  }
  ASSERT_GE(consumed, 100u);
  GroupLagReader reader(kafka, group, {topic});
  const auto lag = reader.read(std::chrono::milliseconds(5000));
  ASSERT_TRUE(lag.errorName.empty()) << lag.errorName << " " << lag.errorMessage;
  EXPECT_EQ(lag.partitions, 3);
  EXPECT_EQ(lag.endOffsets, 300);
  EXPECT_EQ(lag.committed, consumed);
  EXPECT_EQ(lag.lag, 300 - static_cast<std::int64_t>(consumed));

  GroupLagReader idle(kafka, uniqueName("idle"), {topic});
  const auto untouched = idle.read(std::chrono::milliseconds(5000));
  EXPECT_EQ(untouched.lag, 300);
  EXPECT_EQ(untouched.uncommitted, 3);

  const auto readings = nlohmann::json::parse(kafka->summaryJson())["timeline"]["groups"][group];
  ASSERT_EQ(readings.size(), 1u);
  EXPECT_EQ(readings[0][3], lag.lag);
}

// Lag readings start with the run, often before the producers' first message creates the
// topic: a topic that does not exist yet reads as holding nothing, not as a failed reading.
TEST(GroupLagReader, ATopicNotCreatedYetHoldsNothingUntilItIs) {
  auto kafka = connection();
  const auto topic = uniqueName("later");
  GroupLagReader reader(kafka, uniqueName("early"), {topic});
  const auto before = reader.read(std::chrono::milliseconds(5000));
  EXPECT_TRUE(before.errorName.empty()) << before.errorName << " " << before.errorMessage;
  EXPECT_EQ(before.lag, 0);

  ProducerSession producer(kafka, stamped(topic));
  ASSERT_EQ(producer.produce(10).acked, 10u);
  const auto after = reader.read(std::chrono::milliseconds(5000));
  ASSERT_TRUE(after.errorName.empty()) << after.errorName << " " << after.errorMessage;
  EXPECT_EQ(after.lag, 10);
}

// Consumers often subscribe before the producers' first message creates their topic: the
// subscription waits for it (librdkafka reports the missing topic as an error), and the
// messages are read once it exists.
TEST(ConsumerSession, ASubscribedTopicNotCreatedYetIsAWaitNotAnError) {
  auto kafka = connection();
  const auto topic = uniqueName("awaited");
  ConsumerSession consumer(kafka, consumerOf(topic, uniqueName("waiting")));
  const auto early = consumer.poll(10, std::chrono::milliseconds(1500));
  EXPECT_TRUE(early.errorName.empty()) << early.errorName << " " << early.errorMessage;
  EXPECT_EQ(early.messages, 0u);

  ProducerSession producer(kafka, stamped(topic));
  ASSERT_EQ(producer.produce(5).acked, 5u);
  EXPECT_EQ(consumeAll({&consumer}, 5)[0].messages, 5u);
}

// A name no topic can have is refused when the session opens, not awaited.
TEST(ConsumerSession, ATopicNameThatCanNeverExistIsRefusedAtOnce) {
  auto kafka = connection();
  EXPECT_THROW(ConsumerSession(kafka, consumerOf("no such topic!", uniqueName("g"))), KafkaError);
  // A regular expression is a subscription to whatever matches, never awaited by name.
  ConsumerSession pattern(kafka, consumerOf("^" + uniqueName("pattern") + ".*", uniqueName("g")));
  EXPECT_TRUE(pattern.poll(1, std::chrono::milliseconds(300)).errorName.empty());
}

TEST(GroupLagReader, BadInputIsAClearError) {
  auto kafka = connection();
  EXPECT_THROW(GroupLagReader(kafka, "", {"t"}), KafkaError);
  EXPECT_THROW(GroupLagReader(kafka, "g", {}), KafkaError);
  EXPECT_THROW(GroupLagReader(kafka, "g", {"not a topic name"}), KafkaError);
}

// Applications that drop headers but copy a field of the value: the producer writes its stamp
// into the value with {{stamp}}, and a consumer reading stamps from the value measures
// end-to-end latency and checks sequences just as from headers.
TEST(ConsumerSession, StampsCarriedInTheValueAreFoundThere) {
  auto kafka = connection();
  const auto topic = uniqueName("value-stamps");
  createTopic(*kafka, topic, 3);
  ProducerSettings producer;
  producer.topic = topic;
  producer.statsName = topic;
  producer.valueTemplate = R"({"id": {{seq}}, "meta": {"stamp": "{{stamp}}"}})";
  ProducerSession session(kafka, producer);
  ASSERT_EQ(session.produce(300).acked, 300u);

  ConsumerSettings settings = consumerOf(topic, uniqueName("from-value"));
  settings.stampsFrom = StampSource::kValue;
  ConsumerSession consumer(kafka, settings);
  const auto total = consumeAll({&consumer}, 300).front();
  EXPECT_EQ(total.messages, 300u);
  EXPECT_EQ(total.missing + total.duplicates + total.reordered, 0u) << total.verificationProblem;
  const auto summary = nlohmann::json::parse(kafka->summaryJson());
  EXPECT_EQ(summary["consumers"][settings.statsName]["endToEndLatencyMicros"]["count"], 300);

  // Read from the key instead, the same messages carry no stamp: nothing is measured.
  ConsumerSettings fromKey = consumerOf(topic, uniqueName("from-key"));
  fromKey.stampsFrom = StampSource::kKey;
  ConsumerSession keyConsumer(kafka, fromKey);
  EXPECT_EQ(consumeAll({&keyConsumer}, 300).front().messages, 300u);
  EXPECT_EQ(
      nlohmann::json::parse(
          kafka->summaryJson())["consumers"][fromKey.statsName]["endToEndLatencyMicros"]["count"],
      0);
}

TEST(ConsumerSession, AStampCannotBeInTheKey) {
  ProducerSettings producer = stamped(uniqueName("stamp-key"));
  producer.keyTemplate = "{{stamp}}";
  EXPECT_THROW(ProducerSession(connection(), producer), KafkaError);
}
