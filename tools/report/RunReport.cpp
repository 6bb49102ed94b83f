#include "RunReport.hpp"

#include "JsonAccess.hpp"
#include "LeastSquares.hpp"
#include "ProcessingReport.hpp"
#include "ReplicationReport.hpp"

#include "BucketPercentile.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

namespace kafkanative::report {

namespace {

using nlohmann::json;

double median(std::vector<double> values) {
  if (values.empty()) {
    return 0;
  }
  std::sort(values.begin(), values.end());
  const std::size_t middle = values.size() / 2;
  return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

/// Percentile curve of merged buckets: [[percent, µs], ...] at the usual percent points.
json percentileCurve(const Buckets& buckets) {
  std::uint64_t total = 0;
  for (const auto& [bound, count] : buckets) {
    total += count;
  }
  json curve = json::array();
  if (total == 0) {
    return curve;
  }
  for (const double percent :
       {0.0, 25.0, 50.0, 75.0, 90.0, 95.0, 99.0, 99.5, 99.9, 99.95, 99.99, 100.0}) {
    curve.push_back({percent, bucketPercentile(buckets, total, percent)});
  }
  return curve;
}

/// The per-second series the charts draw, seconds counted from the timeline's start.
json seriesOf(const json& seconds) {
  json series = {{"second", json::array()},
                 {"sent", json::array()},
                 {"acked", json::array()},
                 {"failed", json::array()},
                 {"consumed", json::array()},
                 {"ackP50Micros", json::array()},
                 {"ackP99Micros", json::array()},
                 {"ackP999Micros", json::array()},
                 {"endToEndP99Micros", json::array()},
                 {"maxLag", json::array()},
                 {"throttledMillis", json::array()}};
  for (const auto& second : seconds) {
    series["second"].push_back(second["second"]);
    for (const char* counter : {"sent", "acked", "failed", "consumed", "throttledMillis"}) {
      series[counter].push_back(second[counter]);
    }
    const auto& ack = second["ackLatencyMicros"];
    const bool acked = ack["count"].get<std::uint64_t>() > 0;
    series["ackP50Micros"].push_back(acked ? ack["p50"] : json());
    series["ackP99Micros"].push_back(acked ? ack["p99"] : json());
    series["ackP999Micros"].push_back(acked ? ack["p99_9"] : json());
    const auto& e2e = second["endToEndLatencyMicros"];
    series["endToEndP99Micros"].push_back(e2e["count"].get<std::uint64_t>() > 0 ? e2e["p99"]
                                                                                : json());
    series["maxLag"].push_back(second.contains("maxLag") ? second["maxLag"] : json());
  }
  return series;
}

/// Seconds from the first one anything was sent to the last one anything was acknowledged.
std::pair<std::size_t, std::size_t> activeWindow(const json& seconds) {
  std::size_t first = seconds.size();
  std::size_t last = 0;
  for (std::size_t i = 0; i < seconds.size(); ++i) {
    if (first == seconds.size() && seconds[i]["sent"].get<std::uint64_t>() > 0) {
      first = i;
    }
    if (seconds[i]["acked"].get<std::uint64_t>() > 0) {
      last = i;
    }
  }
  return {first, last};
}

json capacityOf(const json& seconds) {
  const auto [first, last] = activeWindow(seconds);
  json capacity = {{"breakdownFactor", RunReport::kBreakdownFactor}};
  if (first >= seconds.size() || last <= first + 1) {
    capacity["sustainedMessagesPerSecond"] = nullptr;
    capacity["note"] = "too short a run: fewer than three seconds of acknowledgements";
    return capacity;
  }
  // Inner seconds only: the first and last are partial.
  std::vector<double> rates;
  std::vector<double> byteRates;
  std::vector<double> p99s;
  for (std::size_t i = first + 1; i < last; ++i) {
    rates.push_back(seconds[i]["acked"].get<double>());
    byteRates.push_back(seconds[i]["ackedBytes"].get<double>());
    if (seconds[i]["ackLatencyMicros"]["count"].get<std::uint64_t>() > 0) {
      p99s.push_back(seconds[i]["ackLatencyMicros"]["p99"].get<double>());
    }
  }
  const double typicalP99 = median(p99s);
  double best = 0;
  std::size_t breakdowns = 0;
  for (std::size_t i = first + 1; i < last; ++i) {
    const auto& ack = seconds[i]["ackLatencyMicros"];
    if (ack["count"].get<std::uint64_t>() > 0 &&
        ack["p99"].get<double>() > RunReport::kBreakdownFactor * typicalP99) {
      ++breakdowns;
    } else {
      best = std::max(best, seconds[i]["acked"].get<double>());
    }
  }
  capacity["sustainedMessagesPerSecond"] = median(rates);
  capacity["sustainedBytesPerSecond"] = median(byteRates);
  capacity["bestSecondMessagesPerSecond"] = best;
  capacity["typicalAckP99Micros"] = typicalP99;
  capacity["breakdownSeconds"] = breakdowns;
  capacity["note"] =
      breakdowns == 0
          ? "latency held at every rate of this run: the cluster's capacity is at least the "
            "best second; raise the load (e.g. kafka.rate in producer-rate.jmx) to find the limit"
          : "latency broke down in some seconds (ack p99 above breakdownFactor x the run's "
            "median p99): capacity is about the best second without a breakdown";
  return capacity;
}

/// Samplers with a target rate, as rate steps (capacity-ramp.jmx runs five), lowest first,
/// and the highest step held: at least kHeldShare of its target, with its intended-time p99
/// within kHeldLatencyFactor of the first step's.
json rateStepsOf(const json& samplers) {
  json steps = json::array();
  for (const auto& [name, sampler] : samplers.items()) {
    if (sampler.contains("targetMessagesPerSecond")) {
      steps.push_back({{"sampler", name},
                       {"targetMessagesPerSecond", sampler["targetMessagesPerSecond"]},
                       {"messagesPerSecond", sampler["messagesPerSecond"]},
                       {"megabytesPerSecond", sampler["megabytesPerSecond"]},
                       {"failed", sampler["failed"]},
                       {"intendedP99Micros", sampler["intendedLatencyMicros"]["p99"]},
                       {"ackP99Micros", sampler["ackLatencyMicros"]["p99"]}});
    }
  }
  std::sort(steps.begin(), steps.end(), [](const json& a, const json& b) {
    return a["targetMessagesPerSecond"].get<double>() < b["targetMessagesPerSecond"].get<double>();
  });
  json held = nullptr;
  for (auto& step : steps) {
    const double baseline = std::max(1.0, steps[0]["intendedP99Micros"].get<double>());
    step["held"] =
        step["messagesPerSecond"].get<double>() >=
            RunReport::kHeldShare * step["targetMessagesPerSecond"].get<double>() &&
        step["failed"].get<std::uint64_t>() == 0 &&
        step["intendedP99Micros"].get<double>() <= RunReport::kHeldLatencyFactor * baseline;
    if (step["held"].get<bool>()) {
      held = step["targetMessagesPerSecond"];
    }
  }
  return {{"steps", steps},
          {"highestHeldMessagesPerSecond", held},
          {"rule",
           "held: achieved >= 95 % of the target, no failed message, and intended-time "
           "p99 within 10 x the lowest step's"}};
}

/// The topic the producers wrote most to, by end minus start offsets, with its facts.
const json* mainTopic(const json& cluster) {
  const json* best = nullptr;
  std::int64_t mostWritten = -1;
  for (const auto& [name, topic] : objectAt(cluster, "topics").items()) {
    std::int64_t written = 0;
    if (topic.contains("endOffsets") && topic.contains("startEndOffsets")) {
      for (std::size_t i = 0; i < topic["endOffsets"].size(); ++i) {
        const auto start = i < topic["startEndOffsets"].size()
                               ? topic["startEndOffsets"][i].get<std::int64_t>()
                               : 0;
        written += topic["endOffsets"][i].get<std::int64_t>() - start;
      }
    }
    if (written > mostWritten) {
      mostWritten = written;
      best = &topic;
    }
  }
  return best;
}

/// A numeric config value of the topic, or null when the cluster did not tell it.
json configNumber(const json* topic, const char* name) {
  if (topic == nullptr || !topic->contains("configs") || !(*topic)["configs"].contains(name)) {
    return nullptr;
  }
  return std::stod((*topic)["configs"][name].get<std::string>());
}

json diskOf(const json& summary, std::optional<double> statedRetentionMs, json& notAvailable) {
  const json& cluster = summary.value("cluster", json::object());
  const json* topic = mainTopic(cluster);
  const double seconds = summary["seconds"].get<double>();
  const double ackedBytes = summary["ackedBytes"].get<double>();
  json disk;
  disk["payloadBytesPerSecond"] = seconds > 0 ? ackedBytes / seconds : 0.0;
  // Framing and compression as librdkafka sent them: request bytes per payload byte.
  const json& wire = summary.value("wire", json::object());
  const double messageBytes = wire.value("messageBytes", 0.0);
  const double framing = messageBytes > 0 ? wire.value("requestBytes", 0.0) / messageBytes : 1.0;
  disk["framingFactor"] = framing;
  if (messageBytes == 0) {
    notAvailable.push_back("bytes as sent (librdkafka statistics): payload bytes used instead");
  }
  disk["indexOverhead"] = RunReport::kIndexOverhead;
  if (topic == nullptr || !topic->contains("replicationFactor")) {
    disk["replicationFactor"] = nullptr;
    notAvailable.push_back("replication factor (topic metadata): no disk projection");
    return disk;
  }
  const double replication = (*topic)["replicationFactor"].get<double>();
  const double partitions = (*topic)["partitions"].get<double>();
  disk["replicationFactor"] = replication;
  const double perSecond = disk["payloadBytesPerSecond"].get<double>() * framing * replication *
                           (1 + RunReport::kIndexOverhead);
  disk["formula"] =
      "disk growth per second = acknowledged payload bytes per second x framingFactor x "
      "replicationFactor x (1 + indexOverhead)";
  disk["growthBytesPerSecond"] = perSecond;
  disk["growthBytesPerHour"] = perSecond * 3600;
  disk["growthBytesPerDay"] = perSecond * 86400;
  disk["projectedFromSeconds"] = seconds;

  json retentionMs = configNumber(topic, "retention.ms");
  if (retentionMs.is_null() && statedRetentionMs) {
    retentionMs = *statedRetentionMs;
    disk["retentionSource"] = "stated (--retention-hours), not read from the cluster";
  } else if (!retentionMs.is_null()) {
    disk["retentionSource"] = "the topic's retention.ms";
  }
  const json retentionBytes = configNumber(topic, "retention.bytes");
  const json segmentBytes = configNumber(topic, "segment.bytes");
  disk["retentionMs"] = retentionMs;
  disk["retentionBytes"] = retentionBytes;
  disk["segmentBytes"] = segmentBytes;
  if (retentionMs.is_null()) {
    const auto reason = topic->contains("configs") && (*topic)["configs"].contains("unavailable")
                            ? (*topic)["configs"]["unavailable"].get<std::string>()
                            : std::string("not reported");
    notAvailable.push_back("topic retention (DescribeConfigs): " + reason +
                           "; disk needed for retention not projected (state one with "
                           "scripts/report DIR --retention-hours H)");
    disk["neededForRetentionBytes"] = nullptr;
    return disk;
  }
  double needed =
      retentionMs.get<double>() < 0 ? INFINITY : perSecond * retentionMs.get<double>() / 1000;
  if (!retentionBytes.is_null() && retentionBytes.get<double>() >= 0) {
    needed = std::min(needed, retentionBytes.get<double>() * partitions * replication);
  }
  disk["neededForRetentionBytes"] = std::isinf(needed) ? json() : json(needed);
  disk["retentionFormula"] =
      "min(growth per second x retention.ms / 1000, retention.bytes x partitions x "
      "replicationFactor), plus up to one open segment per partition replica (segment.bytes x "
      "partitions x replicationFactor) because retention deletes whole segments";
  disk["openSegmentsMarginBytes"] =
      segmentBytes.is_null() ? json() : json(segmentBytes.get<double>() * partitions * replication);
  if (retentionMs.get<double>() / 1000 > 10 * seconds) {
    disk["label"] = "extrapolated: the run lasted " + std::to_string(static_cast<long>(seconds)) +
                    " s, retention is " +
                    std::to_string(static_cast<long>(retentionMs.get<double>() / 3600000)) + " h";
  }
  return disk;
}

json consumersOf(const json& summary, const json& seconds) {
  json consumed = {{"messages", 0}, {"missing", 0}, {"duplicates", 0}, {"redelivered", 0}};
  double rate = 0;
  for (const auto& [name, consumer] : objectAt(summary, "consumers").items()) {
    consumed["messages"] =
        consumed["messages"].get<std::uint64_t>() + consumer["consumed"].get<std::uint64_t>();
    for (const char* finding : {"missing", "duplicates", "redelivered"}) {
      consumed[finding] =
          consumed[finding].get<std::uint64_t>() + consumer.value(finding, std::uint64_t{0});
    }
    rate += consumer["messagesPerSecond"].get<double>();
  }
  if (objectAt(summary, "consumers").empty()) {
    return nullptr;
  }
  if (summary.contains("engines")) {  // several engines' merge: was each group verified whole?
    bool whole = true;
    for (const auto& [name, consumer] : summary["consumers"].items()) {
      whole = whole && consumer.value("verifiedAcrossEngines", false);
    }
    consumed["verifiedAcrossEngines"] = whole;
  }
  consumed["messagesPerSecond"] = rate;
  consumed["productionMessagesPerSecond"] = summary["messagesPerSecond"];
  // Lag trend: least-squares slope of the per-second worst lag over the run's second half.
  std::vector<std::pair<double, double>> lags;
  for (std::size_t i = seconds.size() / 2; i < seconds.size(); ++i) {
    if (seconds[i].contains("maxLag")) {
      lags.emplace_back(static_cast<double>(i), seconds[i]["maxLag"].get<double>());
    }
  }
  if (lags.size() < 3) {
    consumed["lagTrend"] = "not available (fewer than three seconds with lag reported)";
    return consumed;
  }
  const double slope = leastSquaresSlope(lags);
  consumed["lagSlopeMessagesPerSecond"] = slope;
  // Growing lag means consumers fall behind by more than 1 % of the production rate.
  const double threshold = std::max(1.0, 0.01 * summary["messagesPerSecond"].get<double>());
  consumed["lagTrend"] = slope > threshold    ? "growing"
                         : slope < -threshold ? "shrinking"
                                              : "stable";
  consumed["keepsUp"] = slope <= threshold;
  return consumed;
}

json failoverOf(const json& summary, std::int64_t start) {
  json failover = {{"disruptions", json::array()}, {"faults", json::array()}};
  const auto relative = [start](const json& micros) {
    return static_cast<double>(micros.get<std::int64_t>() - start) / 1e6;
  };
  for (const auto& disruption : summary["timeline"]["disruptions"]) {
    failover["disruptions"].push_back(
        {{"kind", disruption["kind"]},
         {"fromSecond", relative(disruption["fromEpochMicros"])},
         {"untilSecond", relative(disruption["untilEpochMicros"])},
         {"durationSeconds",
          relative(disruption["untilEpochMicros"]) - relative(disruption["fromEpochMicros"])},
         {"failedMessages", disruption["failedMessages"]}});
  }
  for (const auto& fault : summary.value("faults", json::array())) {
    json entry = fault;
    entry["fromSecond"] = relative(fault["fromEpochMicros"]);
    if (fault.contains("untilEpochMicros")) {
      entry["untilSecond"] = relative(fault["untilEpochMicros"]);
    }
    failover["faults"].push_back(entry);
  }
  return failover;
}

json throttlingOf(const json& timeline, const json& summary) {
  // value(), not []: a const json's [] on a key it lacks is undefined (summaries of older
  // plugins, and merges of engines none of which was throttled, have no such key).
  json throttling = {{"events", timeline.value("throttleEvents", std::uint64_t{0})},
                     {"throttledMillis", timeline.value("throttledMillis", std::uint64_t{0})}};
  if (timeline.contains("firstThrottleEpochMicros") &&
      summary["firstSendEpochMicros"].get<std::int64_t>() > 0) {
    throttling["firstAfterLoadSeconds"] =
        static_cast<double>(timeline["firstThrottleEpochMicros"].get<std::int64_t>() -
                            summary["firstSendEpochMicros"].get<std::int64_t>()) /
        1e6;
  } else {
    throttling["firstAfterLoadSeconds"] = nullptr;
  }
  return throttling;
}

}  // namespace

json RunReport::build(const json& summary, std::optional<double> statedRetentionMs) {
  const json& timeline = summary.at("timeline");
  const json& seconds = timeline.at("seconds");
  json notAvailable = json::array();
  json report;
  report["run"] = {{"startEpochMicros", timeline["startEpochMicros"]},
                   {"seconds", seconds.size()},
                   {"bootstrapServers", summary["bootstrapServers"]},
                   {"embedded", summary["embedded"]}};
  const double acked = summary["acked"].get<double>();
  const json& wire = summary.value("wire", json::object());
  report["produce"] = {
      {"sent", summary["sent"]},
      {"acked", summary["acked"]},
      {"failed", summary["failed"]},
      {"ackedBytes", summary["ackedBytes"]},
      {"messagesPerSecond", summary["messagesPerSecond"]},
      {"megabytesPerSecond", summary["megabytesPerSecond"]},
      {"payloadBytesPerMessage", acked > 0 ? summary["ackedBytes"].get<double>() / acked : 0.0},
      {"sentBytesPerMessage",
       wire.value("messages", 0.0) > 0
           ? json(wire["requestBytes"].get<double>() / wire["messages"].get<double>())
           : json()},
      {"ackLatencyMicros", summary["ackLatencyMicros"]},
      {"ackLatencyPercentiles", percentileCurve(mergedBuckets(seconds, "ackLatencyMicros"))}};
  report["capacity"] = capacityOf(seconds);
  if (const json ramp = rateStepsOf(objectAt(summary, "samplers")); ramp["steps"].size() >= 2) {
    report["capacity"]["rateSteps"] = ramp;
  }
  report["disk"] = diskOf(summary, statedRetentionMs, notAvailable);
  report["consumers"] = consumersOf(summary, seconds);
  if (!report["consumers"].is_null()) {
    report["consumers"]["endToEndPercentiles"] =
        percentileCurve(mergedBuckets(seconds, "endToEndLatencyMicros"));
  } else {
    notAvailable.push_back("consumer keep-up and loss verification: the plan has no consumer");
  }
  report["processing"] = processingOf(summary);
  if (report["processing"]["groups"].empty()) {
    notAvailable.push_back("processing rate: " + report["processing"]["note"].get<std::string>());
  }
  report["replication"] = replicationOf(summary);
  if (report["replication"].contains("notAvailable")) {
    notAvailable.push_back("replication after a failure: " +
                           report["replication"]["notAvailable"].get<std::string>());
  }
  report["failover"] = failoverOf(summary, timeline["startEpochMicros"].get<std::int64_t>());
  report["throttling"] = throttlingOf(timeline, summary);
  report["cluster"] = summary.value("cluster", json::object());
  report["series"] = seriesOf(seconds);
  if (summary.contains("engines")) {  // merged from several engines (SummaryMerge)
    report["run"]["engines"] = summary["engines"];
  }
  report["notAvailable"] = notAvailable;
  return report;
}

}  // namespace kafkanative::report
