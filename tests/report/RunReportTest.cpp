// The run report's figures from a synthetic summary: formulas, capacity, keep-up and what is
// reported as not available.
#include "RunReport.hpp"

#include <gtest/gtest.h>

#include "ReportPage.hpp"
#include "SvgChart.hpp"

using kafkanative::report::RunReport;
using nlohmann::json;

namespace {

/// One second of the native timeline: `acked` messages of 1000 B at `p99` µs.
json second(int index, std::uint64_t acked, std::uint64_t p99, std::int64_t lag = -1) {
  json latency = {{"count", acked},
                  {"p50", p99 / 2},
                  {"p99", p99},
                  {"p99_9", p99},
                  {"buckets", json::array({json::array({p99, acked})})}};
  json entry = {{"second", index},
                {"sent", acked},
                {"acked", acked},
                {"ackedBytes", acked * 1000},
                {"failed", 0},
                {"consumed", acked},
                {"consumedBytes", acked * 1000},
                {"throttledMillis", 0},
                {"ackLatencyMicros", latency},
                {"endToEndLatencyMicros", {{"count", 0}, {"buckets", json::array()}}}};
  if (lag >= 0) {
    entry["maxLag"] = lag;
  }
  return entry;
}

json summary(const json& seconds, const json& configs) {
  std::uint64_t acked = 0;
  for (const auto& s : seconds) {
    acked += s["acked"].get<std::uint64_t>();
  }
  return {{"sent", acked},
          {"acked", acked},
          {"failed", 0},
          {"ackedBytes", acked * 1000},
          {"seconds", 10.0},
          {"messagesPerSecond", static_cast<double>(acked) / 10},
          {"megabytesPerSecond", static_cast<double>(acked) / 10000},
          {"firstSendEpochMicros", 1'000'000},
          {"ackLatencyMicros", {{"p50", 1}, {"p99", 2}, {"p99_9", 3}}},
          {"bootstrapServers", "b:9092"},
          {"embedded", false},
          {"wire",
           {{"messages", acked}, {"messageBytes", acked * 1000}, {"requestBytes", acked * 1100}}},
          {"cluster",
           {{"brokers", 3},
            {"topics",
             {{"orders",
               {{"partitions", 6},
                {"replicationFactor", 3},
                {"configs", configs},
                {"startEndOffsets", {0, 0, 0, 0, 0, 0}},
                {"endOffsets", {10, 10, 10, 10, 10, 10}}}}}}}},
          {"consumers", json::object()},
          {"faults", json::array()},
          {"timeline",
           {{"startEpochMicros", 1'000'000},
            {"seconds", seconds},
            {"disruptions", json::array()},
            {"throttleEvents", 0},
            {"throttledMillis", 0}}}};
}

json steadySeconds(std::uint64_t rate, int count) {
  json seconds = json::array();
  for (int i = 0; i < count; ++i) {
    seconds.push_back(second(i, rate, 5000));
  }
  return seconds;
}

}  // namespace

TEST(RunReport, DiskGrowthFollowsTheStatedFormula) {
  const auto report =
      RunReport::build(summary(steadySeconds(1000, 10), {{"retention.ms", "3600000"}}));
  const auto& disk = report["disk"];
  // 10 000 messages x 1000 B in 10 s; framing 1.1; RF 3; indexes 20/4096.
  const double perSecond = 1'000'000.0 * 1.1 * 3 * (1 + 20.0 / 4096);
  EXPECT_DOUBLE_EQ(disk["payloadBytesPerSecond"].get<double>(), 1'000'000.0);
  EXPECT_DOUBLE_EQ(disk["framingFactor"].get<double>(), 1.1);
  EXPECT_DOUBLE_EQ(disk["growthBytesPerSecond"].get<double>(), perSecond);
  EXPECT_DOUBLE_EQ(disk["growthBytesPerDay"].get<double>(), perSecond * 86400);
  EXPECT_DOUBLE_EQ(disk["neededForRetentionBytes"].get<double>(), perSecond * 3600);
  EXPECT_EQ(disk["retentionSource"], "the topic's retention.ms");
  EXPECT_TRUE(disk.contains("label"));  // an hour of retention from a 10 s run
}

TEST(RunReport, RetentionBytesCapsTheRetentionProjection) {
  const auto report =
      RunReport::build(summary(steadySeconds(1000, 10), {{"retention.ms", "604800000"},
                                                         {"retention.bytes", "1000000"},
                                                         {"segment.bytes", "500000"}}));
  EXPECT_DOUBLE_EQ(report["disk"]["neededForRetentionBytes"].get<double>(), 1'000'000.0 * 6 * 3);
  EXPECT_DOUBLE_EQ(report["disk"]["openSegmentsMarginBytes"].get<double>(), 500'000.0 * 6 * 3);
}

TEST(RunReport, UnreportedRetentionIsNotAvailableUnlessStated) {
  const auto unknown = RunReport::build(
      summary(steadySeconds(1000, 10), {{"unavailable", "CLUSTER_AUTHORIZATION_FAILED"}}));
  EXPECT_TRUE(unknown["disk"]["neededForRetentionBytes"].is_null());
  EXPECT_NE(unknown["notAvailable"].dump().find("CLUSTER_AUTHORIZATION_FAILED"), std::string::npos);
  const auto stated = RunReport::build(summary(steadySeconds(1000, 10), {{"unavailable", "no"}}),
                                       2 * 3600 * 1000.0);
  EXPECT_DOUBLE_EQ(stated["disk"]["neededForRetentionBytes"].get<double>(),
                   stated["disk"]["growthBytesPerSecond"].get<double>() * 7200);
  EXPECT_EQ(stated["disk"]["retentionSource"],
            "stated (--retention-hours), not read from the cluster");
}

TEST(RunReport, CapacityIsTheBestSecondBeforeLatencyBreaksDown) {
  json seconds = json::array();
  for (int i = 0; i < 8; ++i) {
    seconds.push_back(second(i, 1000 * static_cast<std::uint64_t>(i + 1), 5000));
  }
  seconds.push_back(second(8, 20000, 900000));  // p99 180 x the typical: a breakdown
  seconds.push_back(second(9, 100, 5000));
  const auto capacity = RunReport::build(summary(seconds, json::object()))["capacity"];
  EXPECT_EQ(capacity["breakdownSeconds"], 1);
  EXPECT_DOUBLE_EQ(capacity["bestSecondMessagesPerSecond"].get<double>(), 8000);
}

TEST(RunReport, GrowingLagMeansConsumersDoNotKeepUp) {
  json seconds = json::array();
  for (int i = 0; i < 10; ++i) {
    seconds.push_back(second(i, 1000, 5000, 500 * i));
  }
  auto input = summary(seconds, json::object());
  input["consumers"]["Kafka Consumer"] = {{"consumed", 5000},
                                          {"messagesPerSecond", 500.0},
                                          {"missing", 0},
                                          {"duplicates", 0},
                                          {"redelivered", 0}};
  const auto consumers = RunReport::build(input)["consumers"];
  EXPECT_EQ(consumers["lagTrend"], "growing");
  EXPECT_FALSE(consumers["keepsUp"].get<bool>());
  EXPECT_DOUBLE_EQ(consumers["lagSlopeMessagesPerSecond"].get<double>(), 500);
}

TEST(RunReport, PageHasEveryChartAndEscapesText) {
  auto input = summary(steadySeconds(1000, 10), json::object());
  input["bootstrapServers"] = "<script>";
  const auto page = kafkanative::report::reportPage(RunReport::build(input));
  for (const char* chart : {"id=\"throughput\"", "id=\"latency\"", "id=\"distribution\""}) {
    EXPECT_NE(page.find(chart), std::string::npos) << chart;
  }
  EXPECT_NE(page.find("&lt;script&gt;"), std::string::npos);
  EXPECT_EQ(page.find("http://"), page.find("http://www.w3.org/2000/svg"));  // nothing fetched
}

// Every capacity question has its row; what this run cannot answer names the plan that does.
TEST(RunReport, TheAnswersTableNamesThePlanForWhatThisRunDidNotAnswer) {
  const auto page =
      kafkanative::report::reportPage(RunReport::build(summary(steadySeconds(1000, 10), {})));
  for (const char* plan :
       {"capacity-ramp.jmx", "pipeline.jmx", "failover-drill.jmx", "ha-sizing", "flood.jmx"}) {
    EXPECT_NE(page.find(plan), std::string::npos) << plan;
  }
}

TEST(RunReport, RateStepsNameTheHighestRateHeld) {
  auto input = summary(steadySeconds(1000, 10), json::object());
  const auto step = [](double target, double achieved, double p99, int failed) {
    return json{{"targetMessagesPerSecond", target},
                {"messagesPerSecond", achieved},
                {"megabytesPerSecond", 1.0},
                {"failed", failed},
                {"intendedLatencyMicros", {{"p99", p99}}},
                {"ackLatencyMicros", {{"p99", p99}}}};
  };
  input["samplers"] = {{"step 1", step(1000, 999, 5000, 0)},
                       {"step 2", step(2000, 1990, 6000, 0)},
                       {"step 3", step(4000, 3000, 7000, 0)},     // below 95 % of its target
                       {"step 4", step(8000, 8000, 70000, 0)},    // p99 14 x the first step's
                       {"step 5", step(16000, 16000, 9000, 1)}};  // a failed message
  const auto ramp = RunReport::build(input)["capacity"]["rateSteps"];
  ASSERT_EQ(ramp["steps"].size(), 5u);
  EXPECT_EQ(ramp["steps"][0]["sampler"], "step 1");
  EXPECT_DOUBLE_EQ(ramp["highestHeldMessagesPerSecond"].get<double>(), 2000);
  for (const int notHeld : {2, 3, 4}) {
    EXPECT_FALSE(ramp["steps"][notHeld]["held"].get<bool>()) << notHeld;
  }
}
