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

/// A span of epoch seconds.
struct Span {
  double from = -1;
  double until = -1;
  bool empty() const { return from < 0 || until < from; }
};

/// Whether the second starting at `at` belongs to a phase: it lies in the well-behaved
/// producers' own span, and `phase` (-1 before, 0 during, 1 after the flood) is where it falls
/// against the flood's span; a second straddling one of the flood's ends counts as during.
bool inPhase(double at, int phase, const Span& wellBehaved, const Span& flood) {
  if (at + 1 <= wellBehaved.from || at >= wellBehaved.until) {
    return false;
  }
  const int where = at + 1 <= flood.from ? -1 : (at >= flood.until ? 1 : 0);
  return where == phase;
}

/// The well-behaved clients' figures over their seconds in `phase` (see inPhase).
json phase(const json& timeline, int phase, const Span& wellBehaved, const Span& flood) {
  std::vector<const json*> seconds;
  std::uint64_t acked = 0;
  std::uint64_t failed = 0;
  std::uint64_t throttledMillis = 0;
  const json& all = timeline["seconds"];
  // The last second is the one the summary was taken in: unfinished, it would understate.
  for (std::size_t i = 0; i + 1 < all.size(); ++i) {
    const json& second = all[i];
    if (inPhase(epochSecondOf(timeline, second), phase, wellBehaved, flood)) {
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

/// What producers of a summary did, in epoch seconds: from their first message to the end of
/// their last sample or thread-end wait, however long their messages queued after that. (A
/// summary from before samplingEndEpochMicros: the seconds in which they enqueued anything.)
Span producingSpan(const json& summary) {
  const auto first = summary.value("firstSendEpochMicros", std::int64_t{0});
  const auto end = summary.value("samplingEndEpochMicros", std::int64_t{0});
  if (first > 0 && end >= first) {
    return {static_cast<double>(first) / 1e6, static_cast<double>(end) / 1e6};
  }
  Span span;
  const json& timeline = objectAt(summary, "timeline");
  for (const auto& second : objectAt(timeline, "seconds")) {
    if (second.value("sent", 0) > 0) {
      const double at = epochSecondOf(timeline, second);
      span.from = span.from < 0 ? at : span.from;
      span.until = at + 1;
    }
  }
  return span;
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
  const Span floodSpan = producingSpan(flood);
  const Span wellBehaved = producingSpan(summary);
  if (floodSpan.empty() || wellBehaved.empty() || !timeline.contains("seconds")) {
    result["notAvailable"] = "the flood or the well-behaved clients sent nothing";
    return result;
  }
  const double origin = timeline["startEpochMicros"].get<double>() / 1e6;
  result["startSecond"] = floodSpan.from - origin;
  result["endSecond"] = floodSpan.until - origin;
  result["floodMessagesPerSecond"] = flood.value("messagesPerSecond", 0.0);
  if (floodTimeline.contains("firstThrottleEpochMicros")) {
    result["firstThrottleAfterSeconds"] =
        floodTimeline["firstThrottleEpochMicros"].get<double>() / 1e6 - floodSpan.from;
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
  result["wellBehaved"] = {{"before", phase(timeline, -1, wellBehaved, floodSpan)},
                           {"during", phase(timeline, 0, wellBehaved, floodSpan)},
                           {"after", phase(timeline, 1, wellBehaved, floodSpan)}};
  return result;
}

}  // namespace kafkanative::report
