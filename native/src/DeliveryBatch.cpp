#include "DeliveryBatch.hpp"

#include <algorithm>

namespace kafkanative {

namespace {

template <typename T>
void storeMax(std::atomic<T>& target, T value) noexcept {
  T seen = target.load(std::memory_order_relaxed);
  while (value > seen && !target.compare_exchange_weak(seen, value, std::memory_order_relaxed)) {
  }
}

std::int64_t epochMicrosNow() noexcept {
  return std::chrono::duration_cast<std::chrono::microseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

DeliveryBatch::DeliveryBatch(std::uint32_t messages, ProducerStats& stats)
    : stats_(stats), requested_(messages), pending_(messages) {}

void DeliveryBatch::onDeliveryReport(rd_kafka_t*, const rd_kafka_message_t* message, void*) {
  static_cast<DeliveryBatch*>(message->_private)->onReport(*message);
}

void DeliveryBatch::onSent() noexcept {
  sent_.fetch_add(1, std::memory_order_relaxed);
  stats_.sent.fetch_add(1, std::memory_order_relaxed);
  std::int64_t unset = 0;
  stats_.firstSendEpochMicros.compare_exchange_strong(unset, epochMicrosNow(),
                                                      std::memory_order_relaxed);
}

void DeliveryBatch::onNotSent(std::uint32_t count, rd_kafka_resp_err_t error) noexcept {
  stats_.failed.fetch_add(count, std::memory_order_relaxed);
  recordFailure(error);
  complete(count);
}

void DeliveryBatch::onReport(const rd_kafka_message_t& message) noexcept {
  const std::int64_t now = microsSinceStart();
  std::int64_t unset = -1;
  firstReportMicros_.compare_exchange_strong(unset, now, std::memory_order_relaxed);
  storeMax(lastReportMicros_, now);
  if (message.err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    const auto latency = std::max<std::int64_t>(0, rd_kafka_message_latency(&message));
    const std::uint64_t bytes = message.len + message.key_len;
    storeMax(maxLatencyMicros_, latency);
    acked_.fetch_add(1, std::memory_order_relaxed);
    ackedBytes_.fetch_add(bytes, std::memory_order_relaxed);
    stats_.acked.fetch_add(1, std::memory_order_relaxed);
    stats_.ackedBytes.fetch_add(bytes, std::memory_order_relaxed);
    stats_.ackLatency.record(static_cast<std::uint64_t>(latency));
    storeMax(stats_.lastAckEpochMicros, epochMicrosNow());
  } else {
    stats_.failed.fetch_add(1, std::memory_order_relaxed);
    recordFailure(message.err);
  }
  complete(1);
}

void DeliveryBatch::recordFailure(rd_kafka_resp_err_t error) noexcept {
  int none = RD_KAFKA_RESP_ERR_NO_ERROR;
  firstError_.compare_exchange_strong(none, error, std::memory_order_relaxed);
}

void DeliveryBatch::complete(std::uint32_t count) noexcept {
  if (pending_.fetch_sub(count, std::memory_order_acq_rel) != count) {
    return;
  }
  {
    std::lock_guard lock(mutex_);
    done_.notify_all();
  }
  release();
}

ProduceOutcome DeliveryBatch::await(std::chrono::milliseconds timeout) {
  bool completed = false;
  {
    std::unique_lock lock(mutex_);
    completed = done_.wait_for(lock, timeout,
                               [this] { return pending_.load(std::memory_order_acquire) == 0; });
  }
  ProduceOutcome outcome;
  outcome.requested = requested_;
  outcome.sent = sent_.load(std::memory_order_relaxed);
  outcome.acked = acked_.load(std::memory_order_relaxed);
  outcome.failed = requested_ - outcome.acked;
  outcome.ackedBytes = ackedBytes_.load(std::memory_order_relaxed);
  outcome.elapsedMicros = lastReportMicros_.load(std::memory_order_relaxed);
  outcome.firstAckMicros = std::max<std::int64_t>(0, firstReportMicros_.load());
  outcome.maxAckLatencyMicros = maxLatencyMicros_.load(std::memory_order_relaxed);
  auto error = static_cast<rd_kafka_resp_err_t>(firstError_.load(std::memory_order_relaxed));
  if (!completed && error == RD_KAFKA_RESP_ERR_NO_ERROR) {
    error = RD_KAFKA_RESP_ERR__TIMED_OUT;
  }
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    outcome.errorName = rd_kafka_err2name(error);
    outcome.errorMessage = rd_kafka_err2str(error);
    if (!completed) {
      outcome.errorMessage +=
          " (no delivery report within " + std::to_string(timeout.count()) + " ms)";
    }
  }
  return outcome;
}

std::int64_t DeliveryBatch::microsSinceStart() const noexcept {
  return std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - start_).count();
}

void DeliveryBatch::release() noexcept {
  if (references_.fetch_sub(1, std::memory_order_acq_rel) == 1) {
    delete this;
  }
}

}  // namespace kafkanative
