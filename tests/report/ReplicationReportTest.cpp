// The replication section from recorded health readings:
// [epoch ms, brokers, partitions, under-replicated, offline], a row whenever a figure changed.
#include "ReplicationReport.hpp"

#include <gtest/gtest.h>

using kafkanative::report::replicationOf;
using json = nlohmann::json;

namespace {

constexpr double kStart = 1'000'000;  // ms

json row(double second, int brokers, int underReplicated, int offline) {
  return {kStart + second * 1000, brokers, 6, underReplicated, offline};
}

/// Broker 2 is down from 5 s to 10 s; its partitions lose their leader for 1.5 s until new
/// leaders are elected, and are fully replicated 4 s after it returns.
json brokerLoss(bool embedded) {
  return {{"embedded", embedded},
          {"timeline", {{"startEpochMicros", kStart * 1000}}},
          {"faults",
           {{{"kind", "down"},
             {"broker", 2},
             {"fromEpochMicros", (kStart + 5000) * 1000},
             {"untilEpochMicros", (kStart + 10000) * 1000}}}},
          {"health",
           {{"readings",
             {row(0, 3, 0, 0), row(5.2, 2, 4, 0), row(5.5, 2, 4, 2), row(7, 2, 4, 0),
              row(10.3, 3, 4, 0), row(14, 3, 0, 0), row(20, 3, 0, 0)}}}}};
}

}  // namespace

TEST(ReplicationReport, ABrokerLossIsTimedFromTheMetadata) {
  const json replication = replicationOf(brokerLoss(false));
  ASSERT_FALSE(replication.contains("notAvailable"));
  const json& under = replication["spans"]["underReplicated"];
  ASSERT_EQ(under.size(), 1u);
  EXPECT_DOUBLE_EQ(under[0]["fromSecond"].get<double>(), 5.2);
  EXPECT_DOUBLE_EQ(under[0]["durationSeconds"].get<double>(), 8.8);
  EXPECT_EQ(under[0]["most"], 4);
  EXPECT_DOUBLE_EQ(replication["spans"]["withoutLeader"][0]["durationSeconds"].get<double>(), 1.5);
  EXPECT_DOUBLE_EQ(replication["spans"]["brokersMissing"][0]["durationSeconds"].get<double>(), 5.1);
  const json& fault = replication["faults"][0];
  EXPECT_DOUBLE_EQ(fault["fullyReplicatedAfterReturnSeconds"].get<double>(), 4);
  EXPECT_DOUBLE_EQ(fault["withoutLeaderSeconds"].get<double>(), 1.5);
}

TEST(ReplicationReport, AnUnendedSpanSaysSo) {
  json summary = brokerLoss(false);
  summary["health"]["readings"] = {row(0, 3, 0, 0), row(5.2, 2, 4, 0)};
  const json replication = replicationOf(summary);
  EXPECT_FALSE(replication["spans"]["underReplicated"][0].contains("untilSecond"));
  EXPECT_FALSE(replication["faults"][0].contains("fullyReplicatedAfterReturnSeconds"));
}

TEST(ReplicationReport, TheEmbeddedClusterIsNotTakenAtItsWord) {
  EXPECT_NE(
      replicationOf(brokerLoss(true))["notAvailable"].get<std::string>().find("in-sync replicas"),
      std::string::npos);
  EXPECT_TRUE(replicationOf(json{{"timeline", json::object()}}).contains("notAvailable"));
}

namespace {

/// As a real Kafka 2.4 cluster showed it, with no fault schedule: broker 2 killed at 10 s is
/// gone from the metadata at 10.4 s; the reader goes unanswered for a few seconds; partitions
/// are under-replicated only from 16.2 s (its ZooKeeper session expired); it is back at 20.3 s
/// and every partition is fully replicated at 29.2 s. Then broker 3 is gone from 40 s to 43 s,
/// back before its session expired: nothing was under-replicated.
json realLosses() {
  const json unanswered = {kStart + 11'000, -1, 0, 0, 0};
  return {{"embedded", false},
          {"timeline", {{"startEpochMicros", kStart * 1000}}},
          {"health",
           {{"readings",
             {row(0, 3, 0, 0), row(10.4, 2, 0, 0), unanswered, row(13, 2, 0, 0), row(16.2, 2, 4, 0),
              row(20.3, 3, 4, 0), row(29.2, 3, 0, 0), row(40, 2, 0, 0), row(43, 3, 0, 0),
              row(50, 3, 0, 0)}}}}};
}

}  // namespace

TEST(ReplicationReport, EachRealBrokerLossIsTimedFromTheMetadataAlone) {
  const json replication = replicationOf(realLosses());
  ASSERT_EQ(replication["faults"].size(), 0u);
  const json& losses = replication["losses"];
  ASSERT_EQ(losses.size(), 2u);
  EXPECT_DOUBLE_EQ(losses[0]["lostAtSecond"].get<double>(), 10.4);
  EXPECT_DOUBLE_EQ(losses[0]["underReplicatedFromSecond"].get<double>(), 16.2);
  EXPECT_DOUBLE_EQ(losses[0]["returnedAtSecond"].get<double>(), 20.3);
  EXPECT_DOUBLE_EQ(losses[0]["fullyReplicatedAtSecond"].get<double>(), 29.2);
  EXPECT_NEAR(losses[0]["fullyReplicatedAfterReturnSeconds"].get<double>(), 8.9, 1e-9);
  EXPECT_DOUBLE_EQ(losses[1]["lostAtSecond"].get<double>(), 40);
  EXPECT_DOUBLE_EQ(losses[1]["returnedAtSecond"].get<double>(), 43);
  EXPECT_TRUE(losses[1]["underReplicatedFromSecond"].is_null());
  // The unanswered reading neither ended the broker's absence nor began anything.
  EXPECT_EQ(replication["spans"]["brokersMissing"].size(), 2u);
  EXPECT_EQ(replication["spans"]["unanswered"].size(), 1u);
}

TEST(ReplicationReport, ABrokerNotBackByTheEndSaysSo) {
  json summary = realLosses();
  summary["health"]["readings"] = {row(0, 3, 0, 0), row(10.4, 2, 0, 0), row(16.2, 2, 4, 0)};
  const json loss = replicationOf(summary)["losses"][0];
  EXPECT_FALSE(loss.contains("returnedAtSecond"));
  EXPECT_FALSE(loss.contains("fullyReplicatedAtSecond"));
  EXPECT_DOUBLE_EQ(loss["underReplicatedFromSecond"].get<double>(), 16.2);
}
