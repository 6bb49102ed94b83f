#include "FloodReport.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include "BucketPercentile.hpp"
#include "JsonAccess.hpp"

namespace kafkanative::report {

namespace {

using json = nlohmann::json;

/// The seconds of `timeline` as epoch seconds: its start plus each second's index.
double epochSecondOf(const json& timeline, const json& second) {
  return timeline["startEpochMicros"].get<double>() / 1e6 + second["second"].get<double>();
}

/// The well-behaved clients' figures over the full seconds in [from, until) (epoch seconds).
json phase(const json& timeline, double from, double until) {
  std::vector<const json*> seconds;
  std::uint64_t acked = 0;
  std::uint64_t failed = 0;
  std::uint64_t throttledMillis = 0;
  const json& all = timeline["seconds"];
  // The last second is the one the summary was taken in: unfinished, it would understate.
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    const json& second = all[i];
    const double at = epochSecondOf(timeline, second);
    if (at >= from && at < until) {
      seconds.push_back(&second);
      acked += second.value("acked", std::uint64_t{0});
      failed += second.value("failed", std::uint64_t{0});
      throttledMillis += second.value("throttledMillis", std::uint64_t{0});
    }
  }
  json figures = {
      {"seconds", seconds.size()}, {"failed", failed}, {"throttledMillis", throttledMillis}};
  if (seconds.empty()) {
    return figures;
  }
  figures["ackedPerSecond"] = static_cast<double>(acked) / static_cast<double>(seconds.size());
  std::vector<json> picked;
  for (const json* second : seconds) {
    picked.push_back(*second);
  }
  const Buckets buckets = mergedBuckets(picked, "ackLatencyMicros");
  std::uint64_t total = 0;
  for (const auto& [bound, count] : buckets) {
    total += count;
  }
  if (total > 0) {
    figures["ackLatencyMicros"] = {{"p50", bucketPercentile(buckets, total, 50)},
                                   {"p99", bucketPercentile(buckets, total, 99)}};
  }
  return figures;
}

/// [first, last] epoch seconds in which the flood sent anything; nullopt-like {-1, -1}.
std::pair<double, double> floodWindow(const json& timeline) {
  double first = -1;
  double last = -1;
  for (const auto& second : timeline["seconds"]) {
    if (second.value("sent", 0) > 0) {
      const double at = epochSecondOf(timeline, second);
      first = first < 0 ? at : first;
      last = at;
    }
  }
  return {first, last};
}

json throttleSeries(const json& timeline, double origin) {
  json series = json::array();
  for (const auto& second : timeline["seconds"]) {
    series.push_back({epochSecondOf(timeline, second) - origin, second.value("throttledMillis", 0),
                      second.value("clientErrors", 0)});
  }
  return series;
}

}  // namespace

json floodOf(const json& summary, const json& flood) {
  const json& timeline = objectAt(summary, "timeline");
  const json& floodTimeline = objectAt(flood, "timeline");
  json result;
  const auto [from, until] = floodWindow(floodTimeline);
  if (from < 0 || !timeline.contains("seconds")) {
    result["notAvailable"] = "the flood sent nothing, or the well-behaved clients have no timeline";
    return result;
  }
  const double origin = timeline["startEpochMicros"].get<double>() / 1e6;
  result["startSecond"] = from - origin;
  result["endSecond"] = until + 1 - origin;
  result["floodMessagesPerSecond"] = flood.value("messagesPerSecond", 0.0);
  const double floodStartMicros = flood.value("firstSendEpochMicros", from * 1e6);
  if (floodTimeline.contains("firstThrottleEpochMicros")) {
    result["firstThrottleAfterSeconds"] =
        (floodTimeline["firstThrottleEpochMicros"].get<double>() - floodStartMicros) / 1e6;
  } else {
    result["firstThrottleAfterSeconds"] = nullptr;
    result["noThrottle"] =
        summary.value("embedded", false)
            ? "no throttled response: the embedded cluster enforces no quotas"
            : "no throttled response: the cluster has no quota that this client reached";
  }
  result["floodThrottledMillis"] = floodTimeline.value("throttledMillis", 0);
  result["floodThrottleEvents"] = floodTimeline.value("throttleEvents", 0);
  std::uint64_t refusals = 0;
  for (const auto& second : floodTimeline["seconds"]) {
    refusals += second.value("clientErrors", std::uint64_t{0});
  }
  result["floodClientErrors"] = refusals;
  // [second from the well-behaved run's start, throttled ms, client errors] per flood second.
  result["floodSeries"] = throttleSeries(floodTimeline, origin);
  result["wellBehaved"] = {{"before", phase(timeline, 0, from)},
                           {"during", phase(timeline, from, until + 1)},
                           {"after", phase(timeline, until + 1, 1e18)}};
  return result;
}

}  // namespace kafkanative::report
