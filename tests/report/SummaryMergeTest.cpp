// Several engines' summaries merged into one: counts add up, percentiles come from merged
// buckets (within one bucket of a single histogram of all values), seconds line up by wall
// clock, and each engine's share is listed.
#include "SummaryMerge.hpp"

#include <gtest/gtest.h>

#include "ReportPage.hpp"
#include "RunReport.hpp"

using kafkanative::report::reportPage;
using kafkanative::report::RunReport;
using kafkanative::report::SummaryMerge;
using nlohmann::json;

namespace {

/// A histogram of `values` (µs) in the native form: each value is its own bucket bound here.
json histogram(const std::vector<std::uint64_t>& values) {
  std::map<std::uint64_t, std::uint64_t> buckets;
  double sum = 0;
  for (const auto value : values) {
    ++buckets[value];
    sum += static_cast<double>(value);
  }
  json list = json::array();
  for (const auto& [bound, count] : buckets) {
    list.push_back({bound, count});
  }
  return {{"count", values.size()},
          {"mean", values.empty() ? 0.0 : sum / static_cast<double>(values.size())},
          {"max", values.empty() ? 0 : *std::max_element(values.begin(), values.end())},
          {"buckets", list}};
}

json second(int index, const std::vector<std::uint64_t>& latencies) {
  return {{"second", index},
          {"sent", latencies.size()},
          {"acked", latencies.size()},
          {"ackedBytes", latencies.size() * 100},
          {"failed", 0},
          {"consumed", 0},
          {"consumedBytes", 0},
          {"throttledMillis", 0},
          {"ackLatencyMicros", histogram(latencies)},
          {"endToEndLatencyMicros", histogram({})}};
}

/// One engine's summary: `perSecond` latencies in each of its seconds, starting at `start`.
json engine(const std::string& name, std::int64_t start,
            const std::vector<std::vector<std::uint64_t>>& perSecond) {
  json seconds = json::array();
  std::vector<std::uint64_t> all;
  for (std::size_t i = 0; i < perSecond.size(); ++i) {
    seconds.push_back(second(static_cast<int>(i), perSecond[i]));
    all.insert(all.end(), perSecond[i].begin(), perSecond[i].end());
  }
  const std::uint64_t acked = all.size();
  json producer = {
      {"sent", acked},
      {"acked", acked},
      {"failed", 0},
      {"ackedBytes", acked * 100},
      {"firstSendEpochMicros", start},
      {"lastAckEpochMicros", start + static_cast<std::int64_t>(perSecond.size()) * 1000000},
      {"ackLatencyMicros", histogram(all)}};
  json summary = producer;
  summary["samplers"] = {{"Kafka Producer", producer}};
  summary["consumers"] = json::object();
  summary["engine"] = name;
  summary["bootstrapServers"] = "127.0.0.1:9092";
  summary["embedded"] = false;
  summary["timeline"] = {
      {"startEpochMicros", start}, {"seconds", seconds}, {"disruptions", json::array()}};
  return summary;
}

}  // namespace

TEST(SummaryMerge, CountsAddAndPercentilesComeFromTheMergedBuckets) {
  // Engine A is fast, engine B slow: averaging their p99s would say 5.5 ms; the merged
  // histogram says what the 99th percentile of all messages is.
  std::vector<std::uint64_t> fast(99, 1000);
  std::vector<std::uint64_t> slow(99, 10000);
  slow.push_back(50000);
  const json merged = SummaryMerge::merge(
      {engine("a:1", 1'000'000'000'000'000, {fast}), engine("b:2", 1'000'000'000'000'000, {slow})});

  EXPECT_EQ(merged["acked"].get<std::uint64_t>(), 199u);
  EXPECT_EQ(merged["samplers"]["Kafka Producer"]["acked"].get<std::uint64_t>(), 199u);
  std::vector<std::uint64_t> all = fast;
  all.insert(all.end(), slow.begin(), slow.end());
  std::sort(all.begin(), all.end());
  const auto& latency = merged["ackLatencyMicros"];
  EXPECT_EQ(latency["count"].get<std::uint64_t>(), 199u);
  EXPECT_EQ(latency["p50"].get<std::uint64_t>(), all[99]);   // rank ceil(0.5 * 199) = 100
  EXPECT_EQ(latency["p99"].get<std::uint64_t>(), all[197]);  // rank ceil(0.99 * 199) = 198
  EXPECT_EQ(latency["max"].get<std::uint64_t>(), 50000u);
  EXPECT_EQ(merged["samplers"]["Kafka Producer"]["ackLatencyMicros"]["p99"], latency["p99"]);
}

TEST(SummaryMerge, SecondsLineUpByWallClock) {
  const std::int64_t start = 1'700'000'000'000'000;
  // B started two seconds after A: its second 0 is A's second 2.
  const json merged = SummaryMerge::merge({engine("a:1", start, {{100}, {100}, {100}}),
                                           engine("b:2", start + 2'000'000, {{200}, {200}})});
  const auto& seconds = merged["timeline"]["seconds"];
  ASSERT_EQ(seconds.size(), 4u);
  EXPECT_EQ(merged["timeline"]["startEpochMicros"].get<std::int64_t>(), start);
  EXPECT_EQ(seconds[1]["acked"].get<std::uint64_t>(), 1u);
  EXPECT_EQ(seconds[2]["acked"].get<std::uint64_t>(), 2u);
  EXPECT_EQ(seconds[2]["ackLatencyMicros"]["max"].get<std::uint64_t>(), 200u);
  EXPECT_EQ(seconds[3]["acked"].get<std::uint64_t>(), 1u);
  // The report reads the merge as it reads one engine's summary.
  const json report = RunReport::build(merged, std::nullopt);
  EXPECT_EQ(report["produce"]["acked"].get<std::uint64_t>(), 5u);
}

TEST(SummaryMerge, EachEnginesShareIsListed) {
  const json merged = SummaryMerge::merge({engine("a:1", 0, {std::vector<std::uint64_t>(30, 1)}),
                                           engine("b:2", 0, {std::vector<std::uint64_t>(10, 1)})});
  ASSERT_EQ(merged["engines"].size(), 2u);
  EXPECT_EQ(merged["engines"][0]["engine"], "a:1");
  EXPECT_DOUBLE_EQ(merged["engines"][0]["ackedShare"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(merged["engines"][1]["ackedShare"].get<double>(), 0.25);
  EXPECT_EQ(RunReport::build(merged, std::nullopt)["run"]["engines"].size(), 2u);
}

TEST(SummaryMerge, OneSummaryIsItselfAndOldSummariesAreRefused) {
  const json one = engine("a:1", 0, {{5}});
  EXPECT_EQ(SummaryMerge::merge({one}), one);
  json old = one;
  old["ackLatencyMicros"].erase("buckets");
  EXPECT_THROW(SummaryMerge::merge({old, one}), std::invalid_argument);
}

TEST(SummaryMerge, ConsumersAreVerifiedAsOneGroupAndEachEnginesOwnViewIsListed) {
  // B was handed A's partition with the commit at 80 and took 80..99 for new messages.
  const auto consumer = [](std::uint64_t consumed, std::int64_t first, std::int64_t last) {
    return json{{"consumed", consumed},
                {"missing", 0},
                {"duplicates", 0},
                {"reordered", 0},
                {"redelivered", 0},
                {"sequenceRuns",
                 {{{"producer", "00000000000000ab"},
                   {"partition", 3},
                   {"complete", true},
                   {"runs", {{first, last, first, last}}}}}}};
  };
  json a = engine("a:1", 0, {{1}});
  json b = engine("b:2", 0, {{1}});
  a["consumers"]["Kafka Consumer"] = consumer(100, 0, 99);
  b["consumers"]["Kafka Consumer"] = consumer(120, 80, 199);
  const json merged = SummaryMerge::merge({a, b});
  const auto& group = merged["consumers"]["Kafka Consumer"];
  EXPECT_TRUE(group["verifiedAcrossEngines"].get<bool>());
  EXPECT_EQ(group["consumed"], 220);
  EXPECT_EQ(group["redelivered"], 20);  // each engine alone: 0
  EXPECT_EQ(group["missing"], 0);
  EXPECT_EQ(merged["engines"][1]["verification"]["Kafka Consumer"]["redelivered"], 0);
  const json report = RunReport::build(merged, std::nullopt);
  EXPECT_TRUE(report["consumers"]["verifiedAcrossEngines"].get<bool>());
  EXPECT_NE(reportPage(report).find("over all engines as one group"), std::string::npos);

  b["consumers"]["Kafka Consumer"].erase("sequenceRuns");  // an older plugin's summary
  const json summed = SummaryMerge::merge({a, b})["consumers"]["Kafka Consumer"];
  EXPECT_FALSE(summed["verifiedAcrossEngines"].get<bool>());
  EXPECT_EQ(summed["redelivered"], 0);
}
