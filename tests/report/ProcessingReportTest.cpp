// The processing section from recorded lag readings: [epoch ms, end offsets, committed, lag].
#include "ProcessingReport.hpp"

#include <gtest/gtest.h>

using kafkanative::report::processingOf;
using json = nlohmann::json;

namespace {

/// A summary whose group `app` was read once a second: the input grows by `input` per second
/// for `activeSeconds`, the group commits up to `capacity` per second, then `tail` idle seconds.
json summaryOf(double input, double capacity, int activeSeconds, int tail) {
  json readings = json::array();
  double end = 0;
  double committed = 0;
  for (int second = 0; second <= activeSeconds + tail; ++second) {
    if (second > 0 && second <= activeSeconds) {
      end += input;
    }
    committed = std::min(end, committed + (second > 0 ? capacity : 0));
    readings.push_back({1'000'000 + second * 1000, end, committed, end - committed});
  }
  return {{"timeline", {{"groups", {{"app", readings}}}}}};
}

}  // namespace

TEST(ProcessingReport, AnApplicationThatKeepsUpProcessesAtTheInputRateAndDrains) {
  const json group = processingOf(summaryOf(400, 1000, 10, 3))["groups"][0];
  EXPECT_DOUBLE_EQ(group["inputMessagesPerSecond"].get<double>(), 400);
  EXPECT_DOUBLE_EQ(group["processingMessagesPerSecond"].get<double>(), 400);
  EXPECT_TRUE(group["keepsUp"].get<bool>());
  EXPECT_DOUBLE_EQ(group["drainSeconds"].get<double>(), 0);
  EXPECT_EQ(group["maxLag"], 0);
}

TEST(ProcessingReport, ASlowApplicationFallsBehindAtItsCapacity) {
  const json group = processingOf(summaryOf(400, 300, 10, 20))["groups"][0];
  EXPECT_DOUBLE_EQ(group["processingMessagesPerSecond"].get<double>(), 300);
  EXPECT_FALSE(group["keepsUp"].get<bool>());
  EXPECT_DOUBLE_EQ(group["lagGrowthPerSecond"].get<double>(), 100);
  EXPECT_DOUBLE_EQ(group["behindSecondsAtInputEnd"].get<double>(), 2.5);  // 1000 / 400
  // 1000 behind at 300 a second: drained 4 s after the input stopped (the last in 0.33 s).
  EXPECT_DOUBLE_EQ(group["drainSeconds"].get<double>(), 4);
  EXPECT_TRUE(group["sustainedProcessingMessagesPerSecond"].is_null());  // the lag always grew
}

TEST(ProcessingReport, WithoutLagReadingsItSaysWhichPlanAnswers) {
  const json processing = processingOf(json{{"timeline", json::object()}});
  EXPECT_TRUE(processing["groups"].empty());
  EXPECT_NE(processing["note"].get<std::string>().find("pipeline.jmx"), std::string::npos);
}
