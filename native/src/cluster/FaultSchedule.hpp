#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "WorkerThread.hpp"

namespace kafkanative {

class EmbeddedCluster;

/// Faults applied to the embedded cluster at set times after the test starts, for failover
/// drills. One line per fault:
///   `AT down BROKER for DURATION`  — the broker goes down at AT and comes back DURATION later
///   `AT rtt BROKER MS for DURATION` — the broker answers MS later for DURATION
///   `AT errors produce|fetch COUNT ERROR` — the next COUNT such requests fail with the
///   Kafka error named ERROR (e.g. NOT_LEADER_FOR_PARTITION, REQUEST_TIMED_OUT)
///   `AT leader TOPIC PARTITION BROKER` — the partition's leadership moves to BROKER
/// Times are seconds (`5`, `2.5`). Runs on a thread of its own; stopping (or destroying) the
/// schedule restores every broker at once.
class FaultSchedule {
 public:
  enum class Kind { kDown, kRtt, kErrors, kLeader };

  struct Fault {
    Kind kind = Kind::kDown;
    std::chrono::milliseconds at{0};
    std::chrono::milliseconds duration{0};  ///< down and rtt: how long until undone
    int broker = 0;                         ///< down, rtt, leader
    std::chrono::milliseconds rtt{0};       ///< rtt
    std::int16_t apiKey = -1;               ///< errors: 0 Produce, 1 Fetch
    std::size_t count = 0;                  ///< errors
    int error = 0;                          ///< errors: an rd_kafka_resp_err_t
    std::string topic;                      ///< leader
    int partition = 0;                      ///< leader
  };

  /// Parses `text`; throws KafkaError naming the line for anything malformed.
  static std::vector<Fault> parse(const std::string& text, int brokers);

  /// Starts applying `faults` to `cluster`, which must outlive the schedule.
  FaultSchedule(EmbeddedCluster& cluster, std::vector<Fault> faults);
  ~FaultSchedule();
  FaultSchedule(const FaultSchedule&) = delete;
  FaultSchedule& operator=(const FaultSchedule&) = delete;

  /// The faults applied so far, for run reports: what, and from when to when (epoch µs;
  /// `untilEpochMicros` is absent while under way, equal to the start for one-shot faults).
  nlohmann::json appliedJson() const;

 private:
  struct Applied {
    std::size_t fault;
    std::int64_t fromEpochMicros;
    std::int64_t untilEpochMicros;  ///< 0 while under way
  };

  void run();
  void apply(const Fault& fault, bool start);
  void remember(std::size_t fault, bool start);

  EmbeddedCluster& cluster_;
  std::vector<Fault> faults_;
  mutable std::mutex mutex_;  // guards applied_ and paces run()
  std::vector<Applied> applied_;
  WorkerThread worker_{mutex_};
};

}  // namespace kafkanative
