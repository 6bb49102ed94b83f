#pragma once

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "InterruptCheck.hpp"
#include "OutcomeQueue.hpp"
#include "RunTimeline.hpp"
#include "kafkanative/ProduceOutcome.hpp"
#include "kafkanative/ProducerStats.hpp"

namespace kafkanative {

/// Tracks the messages of one sample from enqueue to their delivery reports. Every message
/// carries a pointer to its Slot as librdkafka's opaque, so the per-message path is a few
/// relaxed atomic operations: no allocation, no lock.
///
/// Completion, when the last report arrives, depends on the mode:
/// - waited (no queue): wakes the JMeter thread blocked in await(), the one lock per batch.
///   Two references, the waiter's and the in-flight messages', so a waiter that gives up
///   early never leaves a dangling pointer in librdkafka.
/// - tracked (a queue): pushes the batch into its session's lock-free OutcomeQueue; the
///   JMeter thread takes it from there on its next sample and deletes it.
class DeliveryBatch {
 public:
  /// What a message's opaque points to.
  struct Slot {
    DeliveryBatch* batch;
    std::int64_t intendedNanos;  ///< steady-clock intended send time; 0 without a target rate
  };

  DeliveryBatch(std::uint32_t messages, ProducerStats& stats, RunTimeline& timeline,
                std::shared_ptr<OutcomeQueue> queue);
  DeliveryBatch(const DeliveryBatch&) = delete;
  DeliveryBatch& operator=(const DeliveryBatch&) = delete;

  /// librdkafka's delivery report callback (`dr_msg_cb`), for every connection.
  static void onDeliveryReport(rd_kafka_t* handle, const rd_kafka_message_t* message, void* opaque);

  /// The opaque for message `index`, which is intended to be sent at `intendedNanos`.
  Slot* slot(std::uint32_t index, std::int64_t intendedNanos) noexcept;
  void onSent() noexcept;
  /// `count` messages were never queued, all for `error`.
  void onNotSent(std::uint32_t count, rd_kafka_resp_err_t error) noexcept;

  /// Waited mode: waits for every report, up to `timeout`, and describes them; messages
  /// without a report by then count as failed with `_TIMED_OUT`. Drops the waiter's reference.
  /// With `client`, the waiter serves that client's callbacks itself while it waits (its
  /// reports then arrive in this thread, with no hand-off); without, another thread does.
  ProduceOutcome await(std::chrono::milliseconds timeout, const InterruptCheck& interrupt,
                       rd_kafka_t* client = nullptr);

  /// Tracked mode: adds this completed batch's delivery figures to `outcome`.
  void addDeliveriesTo(ProduceOutcome& outcome) const;
  std::uint32_t sent() const noexcept { return sent_.load(std::memory_order_relaxed); }
  std::uint32_t requested() const noexcept { return requested_; }

  /// Drops one reference; tracked batches have only the one their drainer holds.
  void release() noexcept;

 private:
  using Clock = std::chrono::steady_clock;

  void onReport(const rd_kafka_message_t& message, std::int64_t intendedNanos) noexcept;
  void recordFailure(rd_kafka_resp_err_t error) noexcept;
  /// `count` more messages are done; `lastFailed` says whether they failed (the batch's last
  /// report decides in which order the timeline takes its acknowledgements and failures).
  void complete(std::uint32_t count, bool lastFailed) noexcept;
  /// Waits for completion up to `slice`, serving `client` meanwhile when given.
  bool waitSlice(std::unique_lock<std::mutex>& lock, std::chrono::milliseconds slice,
                 rd_kafka_t* client);
  std::int64_t microsSinceStart() const noexcept;

  ProducerStats& stats_;
  RunTimeline& timeline_;
  const std::shared_ptr<OutcomeQueue> queue_;
  const std::uint32_t requested_;
  const Clock::time_point start_ = Clock::now();
  std::vector<Slot> slots_;
  std::atomic<std::uint32_t> pending_;
  std::atomic<std::uint32_t> sent_{0};
  std::atomic<std::uint32_t> acked_{0};
  std::atomic<std::uint32_t> failed_{0};
  std::atomic<std::uint64_t> ackedBytes_{0};
  std::atomic<std::int64_t> firstReportMicros_{-1};
  std::atomic<std::int64_t> lastReportMicros_{0};
  std::atomic<std::int64_t> maxLatencyMicros_{0};
  std::atomic<std::int64_t> latencySumMicros_{0};
  std::atomic<std::int64_t> maxIntendedLatencyMicros_{0};
  std::atomic<std::int32_t> firstPartition_{-1};
  std::atomic<std::int64_t> firstOffset_{-1};
  std::atomic<std::int32_t> lastPartition_{-1};
  std::atomic<std::int64_t> lastOffset_{-1};
  std::atomic<int> firstError_{RD_KAFKA_RESP_ERR_NO_ERROR};
  std::atomic<int> references_;
  std::mutex mutex_;
  std::condition_variable done_;
  bool completed_ = false;  ///< waited mode: set under mutex_ by the last report
};

}  // namespace kafkanative
