#include "ProcessingReport.hpp"

#include <cstdint>
#include <optional>

#include "JsonAccess.hpp"
#include "LeastSquares.hpp"

namespace kafkanative::report {

namespace {

using json = nlohmann::json;

struct Reading {
  double seconds;  ///< since the run's start (the timeline's), as the other charts count
  double end;
  double committed;
  double lag;
};

std::vector<Reading> readingsOf(const json& list, double startMillis) {
  std::vector<Reading> readings;
  for (const auto& row : list) {
    if (row[3].get<double>() < 0) {
      continue;  // an incomplete reading
    }
    readings.push_back({(row[0].get<double>() - startMillis) / 1000.0, row[1].get<double>(),
                        row[2].get<double>(), row[3].get<double>()});
  }
  return readings;
}

/// [first, last]: the readings between which the input grew.
std::optional<std::pair<std::size_t, std::size_t>> activeWindow(const std::vector<Reading>& r) {
  std::optional<std::size_t> first;
  std::size_t last = 0;
  for (std::size_t i = 1; i < r.size(); ++i) {
    if (r[i].end > r[i - 1].end) {
      first = first.value_or(i - 1);
      last = i;
    }
  }
  if (!first) {
    return std::nullopt;
  }
  return std::make_pair(*first, last);
}

json groupFigures(const std::string& group, const std::vector<Reading>& r) {
  json figures = {{"group", group}, {"readings", r.size()}};
  double maxLag = 0;
  json lagSeries = json::array();
  for (const auto& reading : r) {
    maxLag = std::max(maxLag, reading.lag);
    lagSeries.push_back({reading.seconds, reading.lag});
  }
  figures["maxLag"] = maxLag;
  figures["finalLag"] = r.empty() ? json() : json(r.back().lag);
  figures["lagSeries"] = lagSeries;
  const auto window = activeWindow(r);
  if (!window) {
    figures["note"] = "the input did not grow while the lag was read";
    return figures;
  }
  const auto& [first, last] = *window;
  const double span = r[last].seconds - r[first].seconds;
  const double input = (r[last].end - r[first].end) / span;
  const double processed = (r[last].committed - r[first].committed) / span;
  if (r[last].committed == r[first].committed) {
    figures["note"] =
        "the group committed no offset while its input grew: it is stopped, or it commits only "
        "within transactions, whose offsets the embedded cluster does not store";
  }
  figures["activeSeconds"] = span;
  figures["inputMessagesPerSecond"] = input;
  figures["processingMessagesPerSecond"] = processed;
  // The trend, not the start: an application's lag first builds while it joins its group.
  std::vector<std::pair<double, double>> secondHalf;
  for (std::size_t i = first + (last - first) / 2; i <= last; ++i) {
    secondHalf.emplace_back(r[i].seconds, r[i].lag);
  }
  // Batches make the lag saw-toothed, so either sign of keeping up will do: at the end of the
  // input it was at most a second of input behind, or its lag was not growing.
  const double behind = r[last].lag / std::max(1e-9, input);
  figures["behindSecondsAtInputEnd"] = behind;
  bool growing = false;
  if (secondHalf.size() >= 3) {
    const double growth = leastSquaresSlope(secondHalf);
    figures["lagGrowthPerSecond"] = growth;
    growing = growth > std::max(1.0, 0.05 * input);
  }
  figures["keepsUp"] = behind <= 1.0 || !growing;
  double steadyCommitted = 0;
  double steadySeconds = 0;
  for (std::size_t i = first + 1; i <= last; ++i) {
    if (r[i].lag <= r[i - 1].lag) {
      steadyCommitted += r[i].committed - r[i - 1].committed;
      steadySeconds += r[i].seconds - r[i - 1].seconds;
    }
  }
  figures["sustainedProcessingMessagesPerSecond"] =
      steadySeconds > 0 ? json(steadyCommitted / steadySeconds) : json();
  figures["drainSeconds"] = json();
  for (std::size_t i = last; i < r.size(); ++i) {
    if (r[i].lag == 0) {
      figures["drainSeconds"] = r[i].seconds - r[last].seconds;
      break;
    }
  }
  figures["formula"] =
      "over the active window (input growing): input = Δ end offsets / Δt, processing = Δ "
      "committed offsets / Δt; sustained = Δ committed / Δt over the intervals in which the lag "
      "did not grow (catching up included); keeps up when, at the end of the input, its lag was "
      "at most one second of input, or the least-squares slope of its lag over the window's "
      "second half was under 5 % of the input rate";
  return figures;
}

}  // namespace

json processingOf(const json& summary) {
  json processing = {{"groups", json::array()}};
  const json& timeline = objectAt(summary, "timeline");
  const json& groups = objectAt(timeline, "groups");
  for (const auto& [group, readings] : groups.items()) {
    const double startMillis = timeline.contains("startEpochMicros")
                                   ? timeline["startEpochMicros"].get<double>() / 1000.0
                                   : readings[0][0].get<double>();
    processing["groups"].push_back(groupFigures(group, readingsOf(readings, startMillis)));
  }
  if (processing["groups"].empty()) {
    processing["note"] =
        "no consumer group's lag was read: add a Kafka Consumer Group Lag sampler "
        "(testplans/pipeline.jmx)";
  }
  // Downstream: each stamped consumer's rate, and its latency from the producer's send.
  json downstream = json::object();
  for (const auto& [name, consumer] : objectAt(summary, "consumers").items()) {
    if (consumer.contains("endToEndLatencyMicros") &&
        consumer["endToEndLatencyMicros"].value("count", 0) > 0) {
      downstream[name] = {{"messagesPerSecond", consumer.value("messagesPerSecond", 0.0)},
                          {"p50", consumer["endToEndLatencyMicros"]["p50"]},
                          {"p99", consumer["endToEndLatencyMicros"]["p99"]}};
    }
  }
  processing["downstream"] = downstream;
  processing["ackMicros"] = {{"p50", objectAt(summary, "ackLatencyMicros").value("p50", 0)},
                             {"p99", objectAt(summary, "ackLatencyMicros").value("p99", 0)}};
  return processing;
}

}  // namespace kafkanative::report
