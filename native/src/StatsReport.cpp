#include "StatsReport.hpp"

#include <cstdio>

namespace kafkanative {

namespace {

nlohmann::json histogramJson(const LatencyHistogram& h) {
  return {{"count", h.count()},      {"mean", h.mean()},        {"p50", h.percentile(50)},
          {"p90", h.percentile(90)}, {"p99", h.percentile(99)}, {"p99_9", h.percentile(99.9)},
          {"max", h.max()}};
}

}  // namespace

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
      {"seconds", seconds},
      {"messagesPerSecond", seconds > 0 ? static_cast<double>(acked) / seconds : 0.0},
      {"megabytesPerSecond", seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0},
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

}  // namespace

std::string statsText(const ProducerStats& s) {
  const auto json = statsJson(s);
  char rates[96];
  std::snprintf(rates, sizeof rates, "%.0f msgs/s, %.2f MB/s",
                json["messagesPerSecond"].get<double>(), json["megabytesPerSecond"].get<double>());
  std::string text = std::to_string(s.sent.load()) + " sent, " + std::to_string(s.acked.load()) +
                     " acked, " + std::to_string(s.failed.load()) + " failed, " + rates +
                     "; ack latency ms: " + histogramText(s.ackLatency);
  if (s.targetRate.load() > 0) {
    text += "; intended-time latency ms: " + histogramText(s.intendedLatency) + "; target " +
            std::to_string(static_cast<long long>(s.targetRate.load())) +
            " msgs/s, behind schedule by " +
            millis(static_cast<std::uint64_t>(s.scheduleLagMicros.load())) + " ms";
  }
  return text;
}

}  // namespace kafkanative
