#include "DeliveryBatch.hpp"

#include <algorithm>

#include "AtomicFigures.hpp"
#include "kafkanative/RateLimiter.hpp"

namespace kafkanative {

DeliveryBatch::DeliveryBatch(std::uint32_t messages, ProducerStats& stats, RunTimeline& timeline,
                             std::shared_ptr<OutcomeQueue> queue)
    : stats_(stats),
      timeline_(timeline),
      queue_(std::move(queue)),
      requested_(messages),
      slots_(messages),
      pending_(messages),
      references_(queue_ ? 1 : 2) {}

void DeliveryBatch::onDeliveryReport(rd_kafka_t*, const rd_kafka_message_t* message, void*) {
  const auto* slot = static_cast<const Slot*>(message->_private);
  slot->batch->onReport(*message, slot->intendedNanos);
}

DeliveryBatch::Slot* DeliveryBatch::slot(std::uint32_t index, std::int64_t intendedNanos) noexcept {
  slots_[index] = Slot{this, intendedNanos};
  return &slots_[index];
}

void DeliveryBatch::onSent() noexcept {
  sent_.fetch_add(1, std::memory_order_relaxed);
  stats_.sent.fetch_add(1, std::memory_order_relaxed);
  if (stats_.firstSendEpochMicros.load(std::memory_order_relaxed) == 0) {  // no clock read after
    std::int64_t unset = 0;
    stats_.firstSendEpochMicros.compare_exchange_strong(unset, epochMicrosNow(),
                                                        std::memory_order_relaxed);
  }
}

void DeliveryBatch::onNotSent(std::uint32_t count, rd_kafka_resp_err_t error) noexcept {
  stats_.failed.fetch_add(count, std::memory_order_relaxed);
  failed_.fetch_add(count, std::memory_order_relaxed);
  recordFailure(error);
  complete(count, true);
}

void DeliveryBatch::onReport(const rd_kafka_message_t& message,
                             std::int64_t intendedNanos) noexcept {
  // Clocks are read once per batch (first and last report), not per message.
  if (firstReportMicros_.load(std::memory_order_relaxed) < 0) {
    std::int64_t unset = -1;
    firstReportMicros_.compare_exchange_strong(unset, microsSinceStart(),
                                               std::memory_order_relaxed);
  }
  if (message.err == RD_KAFKA_RESP_ERR_NO_ERROR) {
    const auto latency = std::max<std::int64_t>(0, rd_kafka_message_latency(&message));
    const std::uint64_t bytes = message.len + message.key_len;
    storeMax(maxLatencyMicros_, latency);
    latencySumMicros_.fetch_add(latency, std::memory_order_relaxed);
    stats_.ackLatency.record(static_cast<std::uint64_t>(latency));
    timeline_.now().ackLatency.record(static_cast<std::uint64_t>(latency));
    if (intendedNanos != 0) {
      const auto intended =
          std::max<std::int64_t>(0, (RateLimiter::steadyNanos() - intendedNanos) / 1000);
      storeMax(maxIntendedLatencyMicros_, intended);
      stats_.intendedLatency.record(static_cast<std::uint64_t>(intended));
    }
    std::int32_t noPartition = -1;
    if (firstPartition_.compare_exchange_strong(noPartition, message.partition,
                                                std::memory_order_relaxed)) {
      firstOffset_.store(message.offset, std::memory_order_relaxed);
    }
    lastPartition_.store(message.partition, std::memory_order_relaxed);
    lastOffset_.store(message.offset, std::memory_order_relaxed);
    acked_.fetch_add(1, std::memory_order_relaxed);
    ackedBytes_.fetch_add(bytes, std::memory_order_relaxed);
    stats_.acked.fetch_add(1, std::memory_order_relaxed);
    stats_.ackedBytes.fetch_add(bytes, std::memory_order_relaxed);
  } else {
    failed_.fetch_add(1, std::memory_order_relaxed);
    stats_.failed.fetch_add(1, std::memory_order_relaxed);
    recordFailure(message.err);
  }
  complete(1, message.err != RD_KAFKA_RESP_ERR_NO_ERROR);
}

void DeliveryBatch::recordFailure(rd_kafka_resp_err_t error) noexcept {
  int none = RD_KAFKA_RESP_ERR_NO_ERROR;
  firstError_.compare_exchange_strong(none, error, std::memory_order_relaxed);
}

void DeliveryBatch::complete(std::uint32_t count, bool lastFailed) noexcept {
  if (pending_.fetch_sub(count, std::memory_order_acq_rel) != count) {
    return;
  }
  lastReportMicros_.store(microsSinceStart(), std::memory_order_relaxed);
  const std::int64_t now = epochMicrosNow();
  const std::uint32_t acked = acked_.load(std::memory_order_relaxed);
  const std::uint32_t failed = failed_.load(std::memory_order_relaxed);
  auto& second = timeline_.now();
  second.acked.fetch_add(acked, std::memory_order_relaxed);
  second.ackedBytes.fetch_add(ackedBytes_.load(std::memory_order_relaxed),
                              std::memory_order_relaxed);
  second.failed.fetch_add(failed, std::memory_order_relaxed);
  timeline_.onDeliveries(acked, failed, now, lastFailed);
  if (acked > 0) {
    if (const auto previous = stats_.lastAckEpochMicros.load(std::memory_order_relaxed);
        previous > 0) {
      storeMax(stats_.longestAckGapMicros, now - previous);
    }
    storeMax(stats_.lastAckEpochMicros, now);
  }
  if (queue_) {
    // Never full: the session keeps fewer batches in flight than the queue holds.
    queue_->push(this);
    return;
  }
  {
    std::lock_guard lock(mutex_);
    completed_ = true;  // under the lock: the waiter then sees every figure written above
    done_.notify_all();
  }
  release();
}

ProduceOutcome DeliveryBatch::await(std::chrono::milliseconds timeout,
                                    const InterruptCheck& interrupt, rd_kafka_t* client) {
  // Waits in short slices so an interrupt from another thread is seen promptly.
  constexpr std::chrono::milliseconds kSlice{50};
  const auto deadline = Clock::now() + timeout;
  bool completed = false;
  bool interrupted = false;
  {
    std::unique_lock lock(mutex_);
    while (!completed && !interrupted && Clock::now() < deadline) {
      completed = waitSlice(lock, kSlice, client);
      interrupted = !completed && interrupt.requested();
    }
  }
  ProduceOutcome outcome;
  outcome.requested = requested_;
  outcome.sent = sent();
  addDeliveriesTo(outcome);
  outcome.failed = requested_ - outcome.acked;
  outcome.elapsedMicros = lastReportMicros_.load(std::memory_order_relaxed);
  outcome.firstAckMicros = std::max<std::int64_t>(0, firstReportMicros_.load());
  if (interrupted) {
    outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__INTR);
    outcome.errorMessage = "interrupted with " + std::to_string(outcome.failed) +
                           " messages unacknowledged (they may still be delivered)";
  } else if (!completed && outcome.errorName.empty()) {
    outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__TIMED_OUT);
    outcome.errorMessage = "no delivery report within " + std::to_string(timeout.count()) + " ms";
  }
  release();
  return outcome;
}

bool DeliveryBatch::waitSlice(std::unique_lock<std::mutex>& lock, std::chrono::milliseconds slice,
                              rd_kafka_t* client) {
  if (client == nullptr) {
    return done_.wait_for(lock, slice, [this] { return completed_; });
  }
  if (completed_) {
    return true;
  }
  // The report is served by this very thread: rd_kafka_poll returns as soon as it has run the
  // callbacks waiting, and complete() needs the lock.
  lock.unlock();
  rd_kafka_poll(client, static_cast<int>(slice.count()));
  lock.lock();
  return completed_;
}

void DeliveryBatch::addDeliveriesTo(ProduceOutcome& outcome) const {
  outcome.acked += acked_.load(std::memory_order_relaxed);
  outcome.failed += failed_.load(std::memory_order_relaxed);
  outcome.ackedBytes += ackedBytes_.load(std::memory_order_relaxed);
  outcome.maxAckLatencyMicros =
      std::max(outcome.maxAckLatencyMicros, maxLatencyMicros_.load(std::memory_order_relaxed));
  outcome.ackLatencySumMicros += latencySumMicros_.load(std::memory_order_relaxed);
  outcome.maxIntendedLatencyMicros = std::max(
      outcome.maxIntendedLatencyMicros, maxIntendedLatencyMicros_.load(std::memory_order_relaxed));
  if (outcome.firstPartition < 0) {
    outcome.firstPartition = firstPartition_.load(std::memory_order_relaxed);
    outcome.firstOffset = firstOffset_.load(std::memory_order_relaxed);
  }
  if (const auto last = lastPartition_.load(std::memory_order_relaxed); last >= 0) {
    outcome.lastPartition = last;
    outcome.lastOffset = lastOffset_.load(std::memory_order_relaxed);
  }
  const auto error = static_cast<rd_kafka_resp_err_t>(firstError_.load(std::memory_order_relaxed));
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR && outcome.errorName.empty()) {
    outcome.errorName = rd_kafka_err2name(error);
    outcome.errorMessage = rd_kafka_err2str(error);
  }
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
