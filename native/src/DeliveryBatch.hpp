#pragma once

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "kafkanative/ProduceOutcome.hpp"
#include "kafkanative/ProducerStats.hpp"

namespace kafkanative {

/// Tracks the messages of one sample from enqueue to their delivery reports. Every message
/// carries a pointer to its batch as librdkafka's opaque, so the per-message path is a few
/// relaxed atomic operations: no allocation, no lock. The one lock is taken once per batch,
/// when the last report wakes the waiting JMeter thread.
///
/// Lifetime: created holding two references, one for the waiting thread and one for the
/// in-flight messages (dropped by the last report), so a waiter that gives up early never
/// leaves a dangling pointer in librdkafka.
class DeliveryBatch {
 public:
  DeliveryBatch(std::uint32_t messages, ProducerStats& stats);
  DeliveryBatch(const DeliveryBatch&) = delete;
  DeliveryBatch& operator=(const DeliveryBatch&) = delete;

  /// librdkafka's delivery report callback (`dr_msg_cb`), for every connection.
  static void onDeliveryReport(rd_kafka_t* handle, const rd_kafka_message_t* message, void* opaque);

  void onSent() noexcept;
  /// `count` messages were never enqueued, all for `error`.
  void onNotSent(std::uint32_t count, rd_kafka_resp_err_t error) noexcept;

  /// Waits for every report, up to `timeout`, and describes the result. Messages without a
  /// report by then count as failed with `_TIMED_OUT`.
  ProduceOutcome await(std::chrono::milliseconds timeout);

  /// Drops the waiting thread's reference.
  void releaseWaiter() noexcept { release(); }

 private:
  using Clock = std::chrono::steady_clock;

  void onReport(const rd_kafka_message_t& message) noexcept;
  void recordFailure(rd_kafka_resp_err_t error) noexcept;
  void complete(std::uint32_t count) noexcept;
  std::int64_t microsSinceStart() const noexcept;
  void release() noexcept;

  ProducerStats& stats_;
  const std::uint32_t requested_;
  const Clock::time_point start_ = Clock::now();
  std::atomic<std::uint32_t> pending_;
  std::atomic<std::uint32_t> sent_{0};
  std::atomic<std::uint32_t> acked_{0};
  std::atomic<std::uint64_t> ackedBytes_{0};
  std::atomic<std::int64_t> firstReportMicros_{-1};
  std::atomic<std::int64_t> lastReportMicros_{0};
  std::atomic<std::int64_t> maxLatencyMicros_{0};
  std::atomic<int> firstError_{RD_KAFKA_RESP_ERR_NO_ERROR};
  std::atomic<int> references_{2};
  std::mutex mutex_;
  std::condition_variable done_;
};

}  // namespace kafkanative
