#include "SummaryMerge.hpp"

#include "BucketPercentile.hpp"
#include "GroupVerification.hpp"
#include "JsonAccess.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>

namespace kafkanative::report {

namespace {

using nlohmann::json;

std::uint64_t count(const json& object, const char* key) {
  return object.contains(key) ? object[key].get<std::uint64_t>() : 0;
}

void addBuckets(Buckets& into, const json& histogram) {
  if (!histogram.contains("buckets")) {
    throw std::invalid_argument(
        "a summary without histogram buckets (written by an older plugin) cannot be merged");
  }
  for (const auto& bucket : histogram["buckets"]) {
    into[bucket[0].get<std::uint64_t>()] += bucket[1].get<std::uint64_t>();
  }
}

/// Merges the histograms `key` of `parts` (each {count, mean, p.., max, buckets}).
json mergedHistogram(const std::vector<const json*>& parts, const char* key) {
  Buckets buckets;
  std::uint64_t total = 0;
  double weightedMean = 0;
  std::uint64_t max = 0;
  for (const json* part : parts) {
    if (!part->contains(key)) {
      continue;
    }
    const json& histogram = (*part)[key];
    addBuckets(buckets, histogram);
    const std::uint64_t n = count(histogram, "count");
    total += n;
    weightedMean += histogram.value("mean", 0.0) * static_cast<double>(n);
    max = std::max(max, histogram.value("max", std::uint64_t{0}));
  }
  json merged = {{"count", total},
                 {"mean", total > 0 ? weightedMean / static_cast<double>(total) : 0.0},
                 {"max", max}};
  for (const auto& [name, percent] : {std::pair{"p50", 50.0}, std::pair{"p90", 90.0},
                                      std::pair{"p99", 99.0}, std::pair{"p99_9", 99.9}}) {
    merged[name] = total > 0 ? bucketPercentile(buckets, total, percent) : 0;
  }
  json list = json::array();
  for (const auto& [bound, n] : buckets) {
    list.push_back({bound, n});
  }
  merged["buckets"] = std::move(list);
  return merged;
}

void sum(json& into, const std::vector<const json*>& parts,
         std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    std::uint64_t total = 0;
    bool any = false;
    for (const json* part : parts) {
      if (part->contains(key)) {
        total += (*part)[key].get<std::uint64_t>();
        any = true;
      }
    }
    if (any) {
      into[key] = total;
    }
  }
}

template <typename Pick>
void pick(json& into, const std::vector<const json*>& parts, const char* key, Pick better) {
  for (const json* part : parts) {
    if (part->contains(key) && (!into.contains(key) || better((*part)[key], into[key]))) {
      into[key] = (*part)[key];
    }
  }
}

void earliest(json& into, const std::vector<const json*>& parts, const char* key) {
  pick(into, parts, key, [](const json& a, const json& b) {
    return a.get<std::int64_t>() > 0 && (b.get<std::int64_t>() <= 0 || a < b);
  });
}

void latest(json& into, const std::vector<const json*>& parts, const char* key) {
  pick(into, parts, key, [](const json& a, const json& b) { return a > b; });
}

/// One producer's figures (a sampler's, or the engine totals) over several engines.
json mergedProducer(const std::vector<const json*>& parts) {
  json merged = json::object();
  sum(merged, parts, {"sent", "acked", "failed", "ackedBytes", "queueFullRetries"});
  earliest(merged, parts, "firstSendEpochMicros");
  latest(merged, parts, "lastAckEpochMicros");
  latest(merged, parts, "samplingEndEpochMicros");
  latest(merged, parts, "longestAckGapMicros");
  const double seconds =
      merged.contains("firstSendEpochMicros") && merged.contains("lastAckEpochMicros")
          ? std::max<double>(
                0, static_cast<double>(merged["lastAckEpochMicros"].get<std::int64_t>() -
                                       merged["firstSendEpochMicros"].get<std::int64_t>()) /
                       1e6)
          : 0.0;
  merged["seconds"] = seconds;
  merged["messagesPerSecond"] =
      seconds > 0 ? static_cast<double>(count(merged, "acked")) / seconds : 0.0;
  merged["megabytesPerSecond"] =
      seconds > 0 ? static_cast<double>(count(merged, "ackedBytes")) / 1e6 / seconds : 0.0;
  merged["ackLatencyMicros"] = mergedHistogram(parts, "ackLatencyMicros");
  if (std::any_of(parts.begin(), parts.end(),
                  [](const json* part) { return part->contains("targetMessagesPerSecond"); })) {
    double target = 0;
    for (const json* part : parts) {
      target += part->value("targetMessagesPerSecond", 0.0);
    }
    merged["targetMessagesPerSecond"] = target;  // each engine's sampler had its own schedule
    latest(merged, parts, "scheduleLagMicros");
    merged["intendedLatencyMicros"] = mergedHistogram(parts, "intendedLatencyMicros");
  }
  return merged;
}

json mergedConsumer(const std::vector<const json*>& parts) {
  json merged = json::object();
  sum(merged, parts,
      {"consumed", "bytes", "errors", "rebalances", "commitsRefusedInRebalance", "missing",
       "duplicates", "reordered", "redelivered", "lastLag"});
  latest(merged, parts, "maxLag");
  earliest(merged, parts, "firstConsumeEpochMicros");
  latest(merged, parts, "lastConsumeEpochMicros");
  const double seconds =
      merged.contains("firstConsumeEpochMicros") && merged.contains("lastConsumeEpochMicros")
          ? static_cast<double>(merged["lastConsumeEpochMicros"].get<std::int64_t>() -
                                merged["firstConsumeEpochMicros"].get<std::int64_t>()) /
                1e6
          : 0.0;
  merged["seconds"] = seconds;
  merged["messagesPerSecond"] =
      seconds > 0 ? static_cast<double>(count(merged, "consumed")) / seconds : 0.0;
  merged["endToEndLatencyMicros"] = mergedHistogram(parts, "endToEndLatencyMicros");
  // The sums above are each engine's own view; the group's replaces them when every engine
  // carried its evidence.
  const json group = GroupVerification::merge(parts);
  merged["verifiedAcrossEngines"] = !group.is_null();
  if (!group.is_null()) {
    merged.update(group);
  }
  return merged;
}

/// Merges `engines[*][group][name]` for every name, with `mergeOne`.
template <typename MergeOne>
json mergedByName(const std::vector<json>& engines, const char* group, MergeOne mergeOne) {
  std::map<std::string, std::vector<const json*>> byName;
  for (const auto& engine : engines) {
    if (engine.contains(group)) {
      for (const auto& [name, figures] : engine[group].items()) {
        byName[name].push_back(&figures);
      }
    }
  }
  json merged = json::object();
  for (const auto& [name, parts] : byName) {
    merged[name] = mergeOne(parts);
  }
  return merged;
}

/// The engines' timelines on one wall clock: second k of an engine that started d seconds
/// after the earliest is second k + d of the merge.
json mergedTimeline(const std::vector<json>& engines) {
  std::int64_t start = INT64_MAX;
  for (const auto& engine : engines) {
    start = std::min(start, engine.at("timeline").at("startEpochMicros").get<std::int64_t>());
  }
  std::map<std::int64_t, std::vector<const json*>> bySecond;
  json disruptions = json::array();
  json groups = json::object();  // lag readings of each group, whichever engine read them
  std::vector<const json*> timelines;
  for (const auto& engine : engines) {
    const json& timeline = engine["timeline"];
    timelines.push_back(&timeline);
    const auto offset = static_cast<std::int64_t>(std::llround(
        static_cast<double>(timeline["startEpochMicros"].get<std::int64_t>() - start) / 1e6));
    for (const auto& second : timeline.at("seconds")) {
      bySecond[second["second"].get<std::int64_t>() + offset].push_back(&second);
    }
    for (const auto& [group, readings] : objectAt(timeline, "groups").items()) {
      for (const auto& reading : readings) {
        groups[group].push_back(reading);
      }
    }
    if (timeline.contains("disruptions")) {
      for (json disruption : timeline["disruptions"]) {
        disruption["engine"] = engine.value("engine", "");
        disruptions.push_back(std::move(disruption));
      }
    }
  }
  json seconds = json::array();
  const std::int64_t last = bySecond.empty() ? -1 : bySecond.rbegin()->first;
  for (std::int64_t index = 0; index <= last; ++index) {
    const auto& parts = bySecond[index];
    json second = {{"second", index}};
    // Every counter of a second, even one no engine has (yet): it counts nothing.
    for (const char* counter : {"sent", "acked", "ackedBytes", "failed", "consumed",
                                "consumedBytes", "throttledMillis", "clientErrors"}) {
      sum(second, parts, {counter});
      second.emplace(counter, 0);
    }
    latest(second, parts, "maxLag");
    second["ackLatencyMicros"] = mergedHistogram(parts, "ackLatencyMicros");
    second["endToEndLatencyMicros"] = mergedHistogram(parts, "endToEndLatencyMicros");
    seconds.push_back(std::move(second));
  }
  std::sort(disruptions.begin(), disruptions.end(), [](const json& a, const json& b) {
    return a["fromEpochMicros"] < b["fromEpochMicros"];
  });
  for (auto& [group, readings] : groups.items()) {
    std::sort(readings.begin(), readings.end());  // by time, their first column
  }
  json merged = {{"startEpochMicros", start},
                 {"seconds", seconds},
                 {"disruptions", disruptions},
                 {"groups", groups}};
  sum(merged, timelines, {"throttleEvents", "throttledMillis"});
  earliest(merged, timelines, "firstThrottleEpochMicros");
  return merged;
}

/// Messages `engine`'s consumer samplers consumed.
std::uint64_t consumedBy(const json& engine) {
  std::uint64_t consumed = 0;
  if (engine.contains("consumers")) {
    for (const auto& [name, consumer] : engine["consumers"].items()) {
      consumed += count(consumer, "consumed");
    }
  }
  return consumed;
}

double share(std::uint64_t part, std::uint64_t total) {
  return total > 0 ? static_cast<double>(part) / static_cast<double>(total) : 0.0;
}

/// Each consumer sampler's findings as `engine` alone made them.
json verificationBy(const json& engine) {
  json figures = json::object();
  for (const auto& [name, consumer] : objectAt(engine, "consumers").items()) {
    for (const char* finding : {"missing", "duplicates", "reordered", "redelivered"}) {
      figures[name][finding] = count(consumer, finding);
    }
  }
  return figures;
}

json engineShares(const std::vector<json>& engines) {
  std::uint64_t acked = 0;
  std::uint64_t consumed = 0;
  for (const auto& engine : engines) {
    acked += count(engine, "acked");
    consumed += consumedBy(engine);
  }
  json shares = json::array();
  for (const auto& engine : engines) {
    shares.push_back({{"engine", engine.value("engine", "")},
                      {"acked", count(engine, "acked")},
                      {"consumed", consumedBy(engine)},
                      {"ackedShare", share(count(engine, "acked"), acked)},
                      {"consumedShare", share(consumedBy(engine), consumed)},
                      {"verification", verificationBy(engine)}});
  }
  return shares;
}

}  // namespace

json SummaryMerge::merge(const std::vector<json>& engines) {
  if (engines.empty()) {
    throw std::invalid_argument("no summary to merge");
  }
  if (engines.size() == 1) {
    return engines.front();
  }
  std::vector<const json*> all;
  for (const auto& engine : engines) {
    all.push_back(&engine);
  }
  json merged = mergedProducer(all);
  merged["samplers"] = mergedByName(engines, "samplers", mergedProducer);
  merged["consumers"] = mergedByName(engines, "consumers", mergedConsumer);
  merged["timeline"] = mergedTimeline(engines);
  merged["engines"] = engineShares(engines);
  merged["bootstrapServers"] = engines.front().value("bootstrapServers", "");
  merged["embedded"] = std::any_of(engines.begin(), engines.end(), [](const json& engine) {
    return engine.value("embedded", false);
  });
  sum(merged, all, {"producerClients"});
  // The cluster as the engine that finished last saw it: its offsets are the latest.
  const json* last = &engines.front();
  for (const auto& engine : engines) {
    if (count(engine, "lastAckEpochMicros") > count(*last, "lastAckEpochMicros")) {
      last = &engine;
    }
  }
  merged["cluster"] = last->value("cluster", json::object());
  // Cluster health: every engine reads the same cluster; the one with most readings saw most.
  const auto healthReadings = [](const json& engine) {
    return objectAt(objectAt(engine, "health"), "readings").size();
  };
  merged["health"] =
      std::max_element(engines.begin(), engines.end(), [&](const json& a, const json& b) {
        return healthReadings(a) < healthReadings(b);
      })->value("health", json::object());
  json wires;
  std::vector<const json*> wireParts;
  json faults = json::array();
  for (const auto& engine : engines) {
    if (engine.contains("wire")) {
      wireParts.push_back(&engine["wire"]);
    }
    if (engine.contains("faults")) {
      for (const auto& fault : engine["faults"]) {
        faults.push_back(fault);
      }
    }
  }
  if (!wireParts.empty()) {
    json wire = json::object();
    for (const auto& [key, value] : wireParts.front()->items()) {
      if (value.is_number_unsigned() || value.is_number_integer()) {
        sum(wire, wireParts, {key.c_str()});
      }
    }
    merged["wire"] = wire;
  }
  merged["faults"] = faults;
  return merged;
}

}  // namespace kafkanative::report
