#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace kafkanative::report {

/// Turns a run's native summary (the Kafka Connection's summary.json) into the figures that
/// answer capacity questions: throughput and latency over time, capacity, disk growth and
/// disk needed for retention, consumer keep-up, failover disruptions and throttling. Every
/// figure the run or the cluster did not provide is null with a reason in "notAvailable";
/// nothing is guessed. Every projection states its formula.
class RunReport {
 public:
  /// Share of the log that Kafka's offset and time indexes add: one 8 B and one 12 B entry
  /// per index.interval.bytes (4096 B by default).
  static constexpr double kIndexOverhead = 20.0 / 4096.0;

  /// A second whose ack p99 exceeds this many times the run's median per-second p99 is a
  /// latency breakdown; capacity is the best rate among the other seconds.
  static constexpr double kBreakdownFactor = 10.0;

  /// `statedRetentionMs`, when given, is the retention the user expects (kns-report
  /// --retention-hours): used, and labelled as stated, when the cluster does not report one.
  /// A rate step is held when it achieved this share of its target rate...
  static constexpr double kHeldShare = 0.95;
  /// ...and its intended-time p99 stayed within this many times the first step's.
  static constexpr double kHeldLatencyFactor = 10.0;

  static nlohmann::json build(const nlohmann::json& summary,
                              std::optional<double> statedRetentionMs = std::nullopt);
};

}  // namespace kafkanative::report
