// The second-by-second record behind run reports: exact totals, mergeable histograms, and
// disruptions told from delivery outcomes.
#include "RunTimeline.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>

#include "TestCluster.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;

namespace {

std::uint64_t total(const nlohmann::json& seconds, const char* field) {
  std::uint64_t sum = 0;
  for (const auto& second : seconds) {
    sum += second[field].get<std::uint64_t>();
  }
  return sum;
}

}  // namespace

TEST(RunTimeline, SecondsAddUpToExactlyWhatWasSentAndAcknowledged) {
  auto kafka = Connection::open(
      ConnectionConfig{testBootstrap(), {{"linger.ms", "1"}}, std::chrono::milliseconds(5000), ""});
  ProducerSettings settings;
  settings.topic = uniqueName("timeline");
  settings.valueTemplate = "{{seq}}";
  settings.valueSize = 1000;
  settings.statsName = settings.topic;
  ProducerSession producer(kafka, settings);
  const auto before = nlohmann::json::parse(kafka->summaryJson())["timeline"]["seconds"];
  for (int sample = 0; sample < 12; ++sample) {
    ASSERT_EQ(producer.produce(500).acked, 500u);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  const auto timeline = nlohmann::json::parse(kafka->summaryJson())["timeline"];
  const auto& seconds = timeline["seconds"];
  ASSERT_GE(seconds.size(), 2u);  // 1.2 s of sending spans at least two seconds
  EXPECT_EQ(total(seconds, "sent") - total(before, "sent"), 6000u);
  EXPECT_EQ(total(seconds, "acked") - total(before, "acked"), 6000u);
  EXPECT_EQ(total(seconds, "ackedBytes") - total(before, "ackedBytes"), 6'000'000u);
  std::uint64_t bucketed = 0;
  std::uint64_t counted = 0;
  for (std::size_t i = 0; i < seconds.size(); ++i) {
    EXPECT_EQ(seconds[i]["second"].get<std::size_t>(), i);
    counted += seconds[i]["ackLatencyMicros"]["count"].get<std::uint64_t>();
    for (const auto& bucket : seconds[i]["ackLatencyMicros"]["buckets"]) {
      bucketed += bucket[1].get<std::uint64_t>();
    }
  }
  EXPECT_EQ(bucketed, counted);
  EXPECT_GE(counted, 6000u);
}

TEST(RunTimeline, OutageLastsFromFirstFailureToFirstSuccess) {
  RunTimeline timeline;
  timeline.onDeliveries(10, 0, 1'000'000);
  timeline.onDeliveries(0, 3, 1'500'000);
  timeline.onDeliveries(0, 4, 2'000'000);
  timeline.onDeliveries(5, 1, 4'000'000);
  timeline.onDeliveries(5, 0, 4'100'000);
  const auto disruptions = timeline.json()["disruptions"];
  ASSERT_EQ(disruptions.size(), 2u) << disruptions.dump();
  EXPECT_EQ(disruptions[0]["kind"], "failures");
  EXPECT_EQ(disruptions[0]["fromEpochMicros"], 1'500'000);
  EXPECT_EQ(disruptions[0]["untilEpochMicros"], 4'000'000);
  EXPECT_EQ(disruptions[0]["failedMessages"], 8);
  // Acknowledgements stopped from 1 s to 4 s as well: a stall of 3 s.
  EXPECT_EQ(disruptions[1]["kind"], "no acknowledgements");
  EXPECT_EQ(disruptions[1]["fromEpochMicros"], 1'000'000);
  EXPECT_EQ(disruptions[1]["untilEpochMicros"], 4'000'000);
}

TEST(RunTimeline, ShortGapsAndLoneThrottleEndsAreNotEvents) {
  RunTimeline timeline;
  timeline.onDeliveries(1, 0, 1'000'000);
  timeline.onDeliveries(1, 0, 1'900'000);
  timeline.onThrottle(0, 1'950'000);
  auto json = timeline.json();
  EXPECT_TRUE(json["disruptions"].empty()) << json.dump();
  EXPECT_EQ(json["throttleEvents"], 0);
  EXPECT_FALSE(json.contains("firstThrottleEpochMicros"));
  timeline.onThrottle(250, 2'000'000);
  timeline.onThrottle(100, 3'000'000);
  json = timeline.json();
  EXPECT_EQ(json["throttleEvents"], 2);
  EXPECT_EQ(json["throttledMillis"], 350);
  EXPECT_EQ(json["firstThrottleEpochMicros"], 2'000'000);
  EXPECT_EQ(total(json["seconds"], "throttledMillis"), 350u);
}

// An outage that begins mid-batch: the batch's first messages were acknowledged, its last ones
// timed out. Its acknowledgements came first, so they do not end the outage its failures begin.
TEST(RunTimeline, ABatchWhoseLastReportFailedKeepsTheOutageOpen) {
  RunTimeline timeline;
  timeline.onDeliveries(10, 0, 1'000'000);
  timeline.onDeliveries(5, 5, 3'000'000, true);
  timeline.onDeliveries(0, 10, 3'500'000);
  timeline.onDeliveries(10, 0, 9'000'000);
  const auto disruptions = timeline.json()["disruptions"];
  std::vector<nlohmann::json> failures;
  for (const auto& disruption : disruptions) {
    if (disruption["kind"] == "failures") {
      failures.push_back(disruption);
    }
  }
  ASSERT_EQ(failures.size(), 1u) << disruptions.dump();
  EXPECT_EQ(failures[0]["fromEpochMicros"], 3'000'000);
  EXPECT_EQ(failures[0]["untilEpochMicros"], 9'000'000);
  EXPECT_EQ(failures[0]["failedMessages"], 15);
}
