#pragma once

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "WorkerThread.hpp"
#include "kafkanative/GroupLag.hpp"
#include "kafkanative/LatencyHistogram.hpp"

namespace kafkanative {

/// What happened on one connection, second by second, for run reports: messages and bytes
/// sent, acknowledged, failed and consumed, latency histograms, lag and broker throttling,
/// plus the disruptions the client saw. Recording is lock-free (relaxed atomics into the
/// current second's slot, which a harvesting thread advances, so no one records a clock
/// reading per message); a second is summarised into JSON two seconds after it ended.
/// Latencies are recorded per message; acknowledged and failed counts per completed batch, in
/// the second the batch completed (a sample of many messages spanning seconds lands in one).
class RunTimeline {
 public:
  /// Counters of one second; the histograms are µs.
  struct Second {
    std::atomic<std::uint64_t> sent{0};
    std::atomic<std::uint64_t> acked{0};
    std::atomic<std::uint64_t> ackedBytes{0};
    std::atomic<std::uint64_t> failed{0};
    std::atomic<std::uint64_t> consumed{0};
    std::atomic<std::uint64_t> consumedBytes{0};
    std::atomic<std::int64_t> maxLag{-1};  ///< -1: no consumer reported lag this second
    std::atomic<std::uint64_t> throttledMillis{0};
    /// Errors librdkafka reported for a client as a whole: connections refused or closed by
    /// brokers, all brokers down, authentication (its error callback).
    std::atomic<std::uint64_t> clientErrors{0};
    LatencyHistogram ackLatency;
    LatencyHistogram endToEndLatency;
  };

  /// A gap between acknowledgements this long counts as a stall.
  static constexpr std::chrono::seconds kStall{1};

  RunTimeline();
  ~RunTimeline();
  RunTimeline(const RunTimeline&) = delete;
  RunTimeline& operator=(const RunTimeline&) = delete;

  /// When second 0 began, on the steady clock and on the wall clock (µs since the epoch).
  std::chrono::steady_clock::time_point startTime() const noexcept { return start_; }
  std::int64_t startEpochMicros() const noexcept { return startEpochMicros_; }

  /// Milliseconds brokers throttled the connection's requests so far (every second's sum).
  std::uint64_t throttledMillis() const noexcept {
    return throttledMillis_.load(std::memory_order_relaxed);
  }

  /// librdkafka reported an error for a client as a whole (its error callback).
  void onClientError() noexcept {
    clientErrors_.fetch_add(1, std::memory_order_relaxed);
    now().clientErrors.fetch_add(1, std::memory_order_relaxed);
  }
  /// How many so far.
  std::uint64_t clientErrors() const noexcept {
    return clientErrors_.load(std::memory_order_relaxed);
  }

  /// The slot to record into now.
  Second& now() noexcept { return slot(current_.load(std::memory_order_relaxed)); }

  /// A completed batch of deliveries, at `epochMicros`: tracks outages (first failure to
  /// first success after it) and stalls (no acknowledgement for kStall or longer). A batch
  /// with both is taken in the order its reports came: `failuresLast` when its last report was
  /// a failure, as when an outage begins mid-batch (its acknowledgements then do not end the
  /// outage its failures begin).
  void onDeliveries(std::uint64_t acked, std::uint64_t failed, std::int64_t epochMicros,
                    bool failuresLast = false);

  /// A broker throttled a request for `millis` (librdkafka's throttle callback).
  void onThrottle(int millis, std::int64_t epochMicros);

  /// A reading of `group`'s lag (GroupLagReader), kept for the "groups" of json(): per group,
  /// [epoch ms, end offsets, committed offsets, lag] at most once a second or so.
  void onGroupLag(const std::string& group, const GroupLag& lag);

  /// The disruptions so far (the "disruptions" of json()).
  nlohmann::json disruptions();

  /// Every second so far (the current one included, unfinished), the disruptions and the
  /// throttling, as JSON.
  nlohmann::json json();

 private:
  void onFailures(std::uint64_t failed, std::int64_t epochMicros);
  void onAcknowledgements(std::int64_t epochMicros);
  static constexpr std::size_t kSlots = 8;

  Second& slot(std::int64_t second) noexcept {
    return slots_[static_cast<std::size_t>(second) % kSlots];
  }
  void run();
  /// Summarises seconds up to `last` into seconds_ and clears their slots.
  void harvestUpTo(std::int64_t last);
  void recordDisruption(const char* kind, std::int64_t from, std::int64_t until,
                        std::uint64_t failed);

  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::int64_t startEpochMicros_;
  std::array<Second, kSlots> slots_;
  std::atomic<std::int64_t> current_{0};      ///< the second being recorded
  std::int64_t harvested_ = 0;                ///< seconds before this one are in seconds_
  std::atomic<std::int64_t> outageSince_{0};  ///< epoch µs of the first failure, 0: none
  std::atomic<std::uint64_t> outageFailures_{0};
  std::atomic<std::int64_t> lastAck_{0};
  std::atomic<std::uint64_t> throttleEvents_{0};
  std::atomic<std::uint64_t> throttledMillis_{0};
  std::atomic<std::int64_t> firstThrottle_{0};
  std::atomic<std::uint64_t> clientErrors_{0};
  std::mutex mutex_;  // guards seconds_, disruptions_, groups_ and harvesting
  nlohmann::json seconds_ = nlohmann::json::array();
  nlohmann::json disruptions_ = nlohmann::json::array();
  nlohmann::json groups_ = nlohmann::json::object();
  WorkerThread worker_{mutex_};
};

}  // namespace kafkanative
