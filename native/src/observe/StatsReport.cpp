#include "StatsReport.hpp"

#include <algorithm>
#include <cstdio>

namespace kafkanative {

nlohmann::json histogramJson(const LatencyHistogram& h) {
  return {{"count", h.count()},
          {"mean", h.mean()},
          {"p50", h.percentile(50)},
          {"p90", h.percentile(90)},
          {"p99", h.percentile(99)},
          {"p99_9", h.percentile(99.9)},
          {"max", h.max()},
          // [[upper bound µs, count], ...]: what several engines' summaries merge exactly
          {"buckets", h.nonEmptyBuckets()}};
}

nlohmann::json statsJson(const ProducerStats& s) {
  const std::int64_t first = s.firstSendEpochMicros.load();
  const std::int64_t last = s.lastAckEpochMicros.load();
  const double seconds = last > first ? static_cast<double>(last - first) / 1e6 : 0.0;
  const auto acked = s.acked.load();
  const auto bytes = s.ackedBytes.load();
  nlohmann::json json = {
      {"sent", s.sent.load()},
      {"acked", acked},
      {"failed", s.failed.load()},
      {"ackedBytes", bytes},
      {"queueFullRetries", s.queueFullRetries.load()},
      {"firstSendEpochMicros", first},
      {"lastAckEpochMicros", last},
      {"samplingEndEpochMicros", s.samplingEndEpochMicros.load()},
      {"seconds", seconds},
      {"messagesPerSecond", seconds > 0 ? static_cast<double>(acked) / seconds : 0.0},
      {"megabytesPerSecond", seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0},
      {"longestAckGapMicros", s.longestAckGapMicros.load()},
      {"ackLatencyMicros", histogramJson(s.ackLatency)}};
  if (const double target = s.targetRate.load(); target > 0) {
    json["targetMessagesPerSecond"] = target;
    json["scheduleLagMicros"] = s.scheduleLagMicros.load();
    json["intendedLatencyMicros"] = histogramJson(s.intendedLatency);
  }
  return json;
}

namespace {

std::string millis(std::uint64_t micros) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(micros) / 1000.0);
  return text;
}

std::string histogramText(const LatencyHistogram& h) {
  return "mean " + millis(static_cast<std::uint64_t>(h.mean())) + " p50 " +
         millis(h.percentile(50)) + " p90 " + millis(h.percentile(90)) + " p99 " +
         millis(h.percentile(99)) + " p99.9 " + millis(h.percentile(99.9)) + " max " +
         millis(h.max());
}

/// `histogram`'s non-empty buckets as "bound:count,bound:count".
std::string bucketsText(const LatencyHistogram& histogram) {
  std::string text;
  for (const auto& [bound, count] : histogram.nonEmptyBuckets()) {
    text += (text.empty() ? "" : ",") + std::to_string(bound) + ":" + std::to_string(count);
  }
  return text;
}

/// The start of a live line: tabs and line breaks in a sampler's name would split it.
std::string liveHead(const char* kind, const std::string& name) {
  std::string clean = name;
  std::replace_if(
      clean.begin(), clean.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
  return std::string(kind) + "\t" + clean;
}

std::string field(const char* key, std::uint64_t value) {
  return std::string("\t") + key + "=" + std::to_string(value);
}

}  // namespace

std::string liveLine(const std::string& name, const ProducerStats& s) {
  return liveHead("producer", name) + field("sent", s.sent.load()) +
         field("acked", s.acked.load()) + field("failed", s.failed.load()) +
         field("ackedBytes", s.ackedBytes.load()) +
         field("targetRate", static_cast<std::uint64_t>(s.targetRate.load())) +
         field("scheduleLagMicros",
               static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.scheduleLagMicros.load()))) +
         "\tack=" + bucketsText(s.ackLatency) + field("ackSum", s.ackLatency.sum()) +
         "\tintended=" + bucketsText(s.intendedLatency) +
         field("intendedSum", s.intendedLatency.sum()) + "\n";
}

std::string liveLine(const std::string& name, const ConsumerStats& s) {
  return liveHead("consumer", name) + field("consumed", s.consumed.load()) +
         field("bytes", s.bytes.load()) + field("errors", s.errors.load()) +
         field("rebalances", s.rebalances.load()) +
         field("lag", static_cast<std::uint64_t>(std::max<std::int64_t>(0, s.lastLag.load()))) +
         field("missing", s.verifier.missing()) + field("duplicates", s.verifier.duplicates()) +
         field("reordered", s.verifier.reordered()) +
         "\tendToEnd=" + bucketsText(s.endToEndLatency) +
         field("endToEndSum", s.endToEndLatency.sum()) + "\n";
}

std::string statsText(const ProducerStats& s) {
  const auto json = statsJson(s);
  char rates[96];
  std::snprintf(rates, sizeof rates, "%.0f msgs/s, %.2f MB/s",
                json["messagesPerSecond"].get<double>(), json["megabytesPerSecond"].get<double>());
  std::string text = std::to_string(s.sent.load()) + " sent, " + std::to_string(s.acked.load()) +
                     " acked, " + std::to_string(s.failed.load()) + " failed, " + rates +
                     "; ack latency ms: " + histogramText(s.ackLatency) +
                     "; longest gap between acknowledgements " +
                     millis(static_cast<std::uint64_t>(s.longestAckGapMicros.load())) + " ms";
  if (s.targetRate.load() > 0) {
    text += "; intended-time latency ms: " + histogramText(s.intendedLatency) + "; target " +
            std::to_string(static_cast<long long>(s.targetRate.load())) +
            " msgs/s, behind schedule by " +
            millis(static_cast<std::uint64_t>(s.scheduleLagMicros.load())) + " ms";
  }
  return text;
}

namespace {
/// The verifier's evidence, for a merge of several engines' summaries (SequenceVerifier):
/// [{producer (16 hex digits), partition, complete, runs: [[first sequence, last sequence,
/// first offset, last offset], ...]}, ...].
nlohmann::json sequenceRunsJson(const SequenceVerifier& verifier) {
  nlohmann::json streams = nlohmann::json::array();
  for (const auto& stream : verifier.runs()) {
    char producer[17];
    std::snprintf(producer, sizeof producer, "%016llx",
                  static_cast<unsigned long long>(stream.producer));
    nlohmann::json runs = nlohmann::json::array();
    for (const auto& run : stream.runs) {
      runs.push_back({run.firstSequence, run.lastSequence, run.firstOffset, run.lastOffset});
    }
    streams.push_back({{"producer", producer},
                       {"partition", stream.partition},
                       {"complete", stream.complete},
                       {"runs", std::move(runs)}});
  }
  return streams;
}
}  // namespace

nlohmann::json consumerJson(const ConsumerStats& s) {
  const std::int64_t first = s.firstConsumeEpochMicros.load();
  const std::int64_t last = s.lastConsumeEpochMicros.load();
  const double seconds = last > first ? static_cast<double>(last - first) / 1e6 : 0.0;
  const auto consumed = s.consumed.load();
  return {{"consumed", consumed},
          {"bytes", s.bytes.load()},
          {"firstConsumeEpochMicros", first},
          {"lastConsumeEpochMicros", last},
          {"errors", s.errors.load()},
          {"undecodable", s.undecodable.load()},
          {"rebalances", s.rebalances.load()},
          {"commitsRefusedInRebalance", s.commitsRefusedInRebalance.load()},
          {"seconds", seconds},
          {"messagesPerSecond", seconds > 0 ? static_cast<double>(consumed) / seconds : 0.0},
          {"maxLag", s.maxLag.load()},
          {"lastLag", s.lastLag.load()},
          {"endToEndLatencyMicros", histogramJson(s.endToEndLatency)},
          {"missing", s.verifier.missing()},
          {"duplicates", s.verifier.duplicates()},
          {"reordered", s.verifier.reordered()},
          {"redelivered", s.verifier.redelivered()},
          {"sequenceRuns", sequenceRunsJson(s.verifier)}};
}

std::string consumerText(const ConsumerStats& s) {
  const auto json = consumerJson(s);
  char rate[48];
  std::snprintf(rate, sizeof rate, "%.0f msgs/s", json["messagesPerSecond"].get<double>());
  return std::to_string(s.consumed.load()) + " consumed, " + rate + ", " +
         std::to_string(s.errors.load()) + " errors, " + std::to_string(s.undecodable.load()) +
         " undecodable, " + std::to_string(s.rebalances.load()) +
         " rebalances; end-to-end latency ms: " + histogramText(s.endToEndLatency) + "; lag max " +
         std::to_string(s.maxLag.load()) + ", last " + std::to_string(s.lastLag.load()) +
         "; verification: " + std::to_string(s.verifier.missing()) + " missing, " +
         std::to_string(s.verifier.duplicates()) + " duplicates, " +
         std::to_string(s.verifier.reordered()) + " reordered, " +
         std::to_string(s.verifier.redelivered()) + " redelivered";
}

std::string disruptionsText(const nlohmann::json& disruptions) {
  std::string text;
  for (const auto& disruption : disruptions) {
    const auto micros = disruption["untilEpochMicros"].get<std::int64_t>() -
                        disruption["fromEpochMicros"].get<std::int64_t>();
    text += "disruption (" + disruption["kind"].get<std::string>() +
            "): " + millis(static_cast<std::uint64_t>(micros)) + " ms, " +
            std::to_string(disruption["failedMessages"].get<std::uint64_t>()) +
            " messages failed\n";
  }
  return text;
}

}  // namespace kafkanative
