#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace kafkanative {

class EmbeddedCluster;

/// Faults applied to the embedded cluster at set times after the test starts, for failover
/// drills. One line per fault:
///   `AT down BROKER for DURATION`  — the broker goes down at AT and comes back DURATION later
///   `AT rtt BROKER MS for DURATION` — the broker answers MS later for DURATION
///   `AT errors produce|fetch COUNT ERROR` — the next COUNT such requests fail with the
///   Kafka error named ERROR (e.g. NOT_LEADER_FOR_PARTITION, REQUEST_TIMED_OUT)
/// Times are seconds (`5`, `2.5`). Runs on a thread of its own; stopping (or destroying) the
/// schedule restores every broker at once.
class FaultSchedule {
 public:
  struct Fault {
    std::chrono::milliseconds at;
    std::chrono::milliseconds duration;
    int broker;
    std::chrono::milliseconds rtt;  ///< zero: the broker goes down instead
    std::int16_t apiKey = -1;       ///< 0 or more: request errors instead of the above
    std::size_t count = 0;
    int error = 0;  ///< an rd_kafka_resp_err_t
  };

  /// Parses `text`; throws KafkaError naming the line for anything malformed.
  static std::vector<Fault> parse(const std::string& text, int brokers);

  /// Starts applying `faults` to `cluster`, which must outlive the schedule.
  FaultSchedule(EmbeddedCluster& cluster, std::vector<Fault> faults);
  ~FaultSchedule();
  FaultSchedule(const FaultSchedule&) = delete;
  FaultSchedule& operator=(const FaultSchedule&) = delete;

 private:
  void run(const std::stop_token& stop);
  void apply(const Fault& fault, bool start);

  EmbeddedCluster& cluster_;
  std::vector<Fault> faults_;
  std::mutex mutex_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace kafkanative
