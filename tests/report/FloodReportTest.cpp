// The flood section from two connections' timelines: well-behaved producers and a flood.
#include "FloodReport.hpp"

#include <gtest/gtest.h>

#include <utility>

using kafkanative::report::floodOf;
using json = nlohmann::json;

namespace {

constexpr double kStartMicros = 1'800'000'000e6;

/// One second of a timeline: `acked` messages, all acknowledged within `ackMicros`.
json second(int index, int sent, int acked, std::uint64_t ackMicros, int throttledMillis = 0,
            int clientErrors = 0) {
  json buckets = json::array();
  if (acked > 0) {
    buckets.push_back({ackMicros, acked});
  }
  return {{"second", index},
          {"sent", sent},
          {"acked", acked},
          {"failed", 0},
          {"throttledMillis", throttledMillis},
          {"clientErrors", clientErrors},
          {"ackLatencyMicros", {{"buckets", buckets}}}};
}

/// 30 s of a well-behaved producer at 1000 msgs/s; acknowledgements take 2 ms, except 40 ms
/// during the flood (seconds 10 to 19).
json wellBehaved() {
  json seconds = json::array();
  for (int s = 0; s < 31; ++s) {  // the 31st is unfinished: it must not count
    seconds.push_back(second(s, 1000, s < 30 ? 1000 : 10, s >= 10 && s < 20 ? 40'000 : 2'000));
  }
  return {{"embedded", false},
          {"timeline", {{"startEpochMicros", kStartMicros}, {"seconds", seconds}}}};
}

/// A flood from second 10 to 19 of the run; brokers throttle it from its third second and
/// refuse 5 of its connections.
json flood(bool throttled) {
  json seconds = json::array();
  for (int s = 0; s < 10; ++s) {
    seconds.push_back(
        second(s, 200'000, 150'000, 900'000, s >= 2 && throttled ? 500 : 0, s == 4 ? 5 : 0));
  }
  json timeline = {{"startEpochMicros", kStartMicros + 10e6}, {"seconds", seconds}};
  if (throttled) {
    timeline["firstThrottleEpochMicros"] = kStartMicros + 12.5e6;
    timeline["throttleEvents"] = 80;
    timeline["throttledMillis"] = 4000;
  }
  return {{"firstSendEpochMicros", kStartMicros + 10e6},
          {"messagesPerSecond", 150'000.0},
          {"timeline", timeline}};
}

/// As a real quota makes it: the flood's samples run from second 10 to 20.5, but its queue
/// still sends (at the quota's pace) until second 29; the well-behaved producer runs from
/// second 0.2 to 30, and the run's timeline goes on idle to second 60 while the flood's threads
/// wait for their queues.
std::pair<json, json> throttledFloodThatOutlastsItsSamples() {
  json seconds = json::array();
  for (int s = 0; s < 61; ++s) {
    const int acked = s < 30 ? 1000 : 0;
    seconds.push_back(second(s, acked, acked, s >= 10 && s < 21 ? 40'000 : 2'000));
  }
  json wellBehaved = {{"embedded", false},
                      {"firstSendEpochMicros", kStartMicros + 0.2e6},
                      {"samplingEndEpochMicros", kStartMicros + 30e6},
                      {"timeline", {{"startEpochMicros", kStartMicros}, {"seconds", seconds}}}};
  json floodSeconds = json::array();
  for (int s = 0; s < 20; ++s) {
    floodSeconds.push_back(second(s, 1'000, 1'000, 900'000, 500));
  }
  json flood = {{"firstSendEpochMicros", kStartMicros + 10e6},
                {"samplingEndEpochMicros", kStartMicros + 20.5e6},
                {"messagesPerSecond", 1'000.0},
                {"timeline",
                 {{"startEpochMicros", kStartMicros + 10e6},
                  {"seconds", floodSeconds},
                  {"firstThrottleEpochMicros", kStartMicros + 10.06e6}}}};
  return {wellBehaved, flood};
}

}  // namespace

TEST(FloodReport, PhasesFollowWhatTheFloodDidAndHoldOnlyTheWellBehavedProducersSeconds) {
  const auto [wellBehaved, flood] = throttledFloodThatOutlastsItsSamples();
  const json report = floodOf(wellBehaved, flood);
  EXPECT_DOUBLE_EQ(report["startSecond"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(report["endSecond"].get<double>(), 20.5);
  EXPECT_NEAR(report["firstThrottleAfterSeconds"].get<double>(), 0.06, 1e-6);
  const json& phases = report["wellBehaved"];
  EXPECT_EQ(phases["before"]["seconds"], 10);  // 0 to 9
  EXPECT_EQ(phases["during"]["seconds"], 11);  // 10 to 20: the 20th straddles the flood's end
  EXPECT_EQ(phases["after"]["seconds"], 9);    // 21 to 29, not the idle seconds after 30
  EXPECT_DOUBLE_EQ(phases["after"]["ackedPerSecond"].get<double>(), 1000);
  EXPECT_EQ(phases["after"]["ackLatencyMicros"]["p99"], 2'000);
  EXPECT_EQ(phases["during"]["ackLatencyMicros"]["p99"], 40'000);
}

TEST(FloodReport, TimesTheFirstThrottleAndTheCollateralDamage) {
  const json report = floodOf(wellBehaved(), flood(true));
  EXPECT_DOUBLE_EQ(report["startSecond"].get<double>(), 10);
  EXPECT_DOUBLE_EQ(report["endSecond"].get<double>(), 20);
  EXPECT_DOUBLE_EQ(report["firstThrottleAfterSeconds"].get<double>(), 2.5);
  EXPECT_EQ(report["floodThrottledMillis"], 4000);
  EXPECT_EQ(report["floodClientErrors"], 5);
  const json& phases = report["wellBehaved"];
  EXPECT_EQ(phases["before"]["seconds"], 10);
  EXPECT_EQ(phases["during"]["seconds"], 10);
  EXPECT_EQ(phases["after"]["seconds"], 10);
  EXPECT_EQ(phases["before"]["ackLatencyMicros"]["p99"], 2'000);
  EXPECT_EQ(phases["during"]["ackLatencyMicros"]["p99"], 40'000);
  EXPECT_EQ(phases["after"]["ackLatencyMicros"]["p99"], 2'000);
  EXPECT_DOUBLE_EQ(phases["after"]["ackedPerSecond"].get<double>(), 1000);
  EXPECT_DOUBLE_EQ(phases["during"]["ackedPerSecond"].get<double>(), 1000);
}

TEST(FloodReport, NoThrottleSaysWhy) {
  const json report = floodOf(wellBehaved(), flood(false));
  EXPECT_TRUE(report["firstThrottleAfterSeconds"].is_null());
  EXPECT_NE(report["noThrottle"].get<std::string>().find("no quota"), std::string::npos);
}
