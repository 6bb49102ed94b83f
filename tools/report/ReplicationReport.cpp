#include "ReplicationReport.hpp"

#include <algorithm>
#include <cstdint>

#include "JsonAccess.hpp"

namespace kafkanative::report {

namespace {

using json = nlohmann::json;

enum Column { kMillis, kBrokers, kPartitions, kUnderReplicated, kOffline };

/// Whether the cluster answered the reading of `row` (an unanswered one says nothing of its
/// partitions: it neither begins nor ends a span of them).
bool answered(const json& row) { return row[kBrokers].get<int>() >= 0; }

/// The spans in which `measure(row)` was above 0 (how many partitions, brokers...), in seconds
/// from `startMillis`: from the row where it began to the row where it ended, with the most it
/// measured ("untilSecond" absent: still so at the last reading). A measure below 0 is no
/// reading.
template <class Measure>
json spansWhere(const json& rows, double startMillis, const Measure& measure) {
  json spans = json::array();
  json open;
  for (const auto& row : rows) {
    const double second = (row[kMillis].get<double>() - startMillis) / 1000.0;
    const int measured = measure(row);
    if (measured < 0) {
      continue;
    }
    if (measured > 0) {
      if (open.is_null()) {
        open = {{"fromSecond", second}, {"most", 0}};
      }
      open["most"] = std::max(open["most"].get<int>(), measured);
    } else if (!open.is_null()) {
      open["untilSecond"] = second;
      open["durationSeconds"] = second - open["fromSecond"].get<double>();
      spans.push_back(open);
      open = nullptr;
    }
  }
  if (!open.is_null()) {
    spans.push_back(open);
  }
  return spans;
}

/// The first span that began at or after `fromSecond` (less a reading's slack), if any.
const json* spanAfter(const json& spans, double fromSecond) {
  for (const auto& span : spans) {
    if (span["fromSecond"].get<double>() >= fromSecond - 1.0) {
      return &span;
    }
  }
  return nullptr;
}

json perFault(const json& fault, double startMillis, const json& under, const json& offline) {
  const double from = (fault["fromEpochMicros"].get<double>() / 1000.0 - startMillis) / 1000.0;
  json result = {{"kind", fault["kind"]}, {"fromSecond", from}};
  if (fault.contains("broker")) {
    result["broker"] = fault["broker"];
  }
  const json* replication = spanAfter(under, from);
  result["underReplicatedSeconds"] =
      replication ? replication->value("durationSeconds", json()) : json(0);
  if (replication && replication->contains("untilSecond")) {
    result["fullyReplicatedAtSecond"] = (*replication)["untilSecond"];
    if (fault.contains("untilEpochMicros")) {
      const double back = (fault["untilEpochMicros"].get<double>() / 1000.0 - startMillis) / 1000.0;
      result["fullyReplicatedAfterReturnSeconds"] =
          std::max(0.0, (*replication)["untilSecond"].get<double>() - back);
    }
  }
  const json* leaderless = spanAfter(offline, from);
  result["withoutLeaderSeconds"] =
      leaderless ? leaderless->value("durationSeconds", json()) : json(0);
  return result;
}

/// The first span of `spans` that was going on at `from` or began within [from - 1, until + 1]
/// (a second's slack for the readings' spacing); null if none.
const json* spanDuring(const json& spans, double from, double until) {
  for (const auto& span : spans) {
    const double began = span["fromSecond"].get<double>();
    const bool endedBefore = span.contains("untilSecond") && span["untilSecond"] < from - 1.0;
    if (!endedBefore && began <= until + 1.0) {
      return &span;
    }
  }
  return nullptr;
}

/// Each broker loss the metadata itself shows (a span of brokers missing, no fault schedule
/// needed): when it was lost, when its partitions became under-replicated (a real cluster
/// notices only when the broker's session expires, seconds later), when it returned, when
/// every partition was fully replicated again and how long after its return that was, and
/// how long partitions went without a leader.
json lossesOf(const json& missing, const json& under, const json& offline) {
  json losses = json::array();
  for (const auto& span : missing) {
    const double lost = span["fromSecond"].get<double>();
    const bool returned = span.contains("untilSecond");
    const double back = returned ? span["untilSecond"].get<double>() : 1e18;
    json loss = {{"lostAtSecond", lost}, {"brokers", span["most"]}};
    if (returned) {
      loss["returnedAtSecond"] = back;
    }
    if (const json* replication = spanDuring(under, lost, back)) {
      loss["underReplicatedFromSecond"] = (*replication)["fromSecond"];
      if (replication->contains("untilSecond")) {
        const double full = (*replication)["untilSecond"].get<double>();
        loss["fullyReplicatedAtSecond"] = full;
        if (returned) {
          loss["fullyReplicatedAfterReturnSeconds"] = std::max(0.0, full - back);
        }
      }
    } else {
      loss["underReplicatedFromSecond"] = nullptr;  // never: it returned before the cluster noticed
    }
    const json* leaderless = spanDuring(offline, lost, back);
    loss["withoutLeaderSeconds"] =
        leaderless ? leaderless->value("durationSeconds", json()) : json(0);
    losses.push_back(loss);
  }
  return losses;
}

}  // namespace

json replicationOf(const json& summary) {
  const json& rows = objectAt(objectAt(summary, "health"), "readings");
  json replication = {{"spans", json::object()}, {"faults", json::array()}};
  if (!rows.is_array() || rows.empty()) {
    replication["notAvailable"] = "no cluster health readings in the summary";
    return replication;
  }
  if (summary.value("embedded", false)) {
    replication["notAvailable"] =
        "the embedded cluster models no in-sync replicas (its metadata lists every replica in "
        "sync, and a stopped broker keeps leading its partitions): replication after a failure "
        "is measured against a real cluster";
  }
  const double startMillis = objectAt(summary, "timeline")
                                 .value("startEpochMicros", rows[0][kMillis].get<double>() * 1000) /
                             1000.0;
  int mostBrokers = 0;
  for (const auto& row : rows) {
    mostBrokers = std::max(mostBrokers, row[kBrokers].get<int>());
  }
  const auto column = [](Column which) {
    return [which](const json& row) { return answered(row) ? row[which].get<int>() : -1; };
  };
  const json under = spansWhere(rows, startMillis, column(kUnderReplicated));
  const json offline = spansWhere(rows, startMillis, column(kOffline));
  const json missing = spansWhere(rows, startMillis, [mostBrokers](const json& row) {
    return answered(row) ? mostBrokers - row[kBrokers].get<int>() : -1;
  });
  replication["spans"] = {{"underReplicated", under},
                          {"withoutLeader", offline},
                          {"brokersMissing", missing},
                          {"unanswered", spansWhere(rows, startMillis, [](const json& row) {
                             return answered(row) ? 0 : 1;
                           })}};
  replication["brokers"] = mostBrokers;
  replication["losses"] = lossesOf(missing, under, offline);
  for (const auto& fault : objectAt(summary, "faults")) {
    if (fault.contains("fromEpochMicros")) {
      replication["faults"].push_back(perFault(fault, startMillis, under, offline));
    }
  }
  return replication;
}

}  // namespace kafkanative::report
