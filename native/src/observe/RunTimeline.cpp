#include "RunTimeline.hpp"

#include "AtomicFigures.hpp"
#include "StatsReport.hpp"

namespace kafkanative {

namespace {

/// Reads `counter`, and resets it to `reset` when `clear`.
template <typename T>
T read(std::atomic<T>& counter, bool clear, T reset = 0) {
  return clear ? counter.exchange(reset, std::memory_order_relaxed)
               : counter.load(std::memory_order_relaxed);
}

nlohmann::json latencyJson(LatencyHistogram& histogram, bool clear) {
  nlohmann::json json = histogramJson(histogram);
  if (clear) {
    histogram.reset();
  }
  return json;
}

/// One second's figures; `clear` empties the slot for its next second.
nlohmann::json secondJson(std::int64_t second, RunTimeline::Second& slot, bool clear) {
  nlohmann::json json = {{"second", second},
                         {"sent", read(slot.sent, clear)},
                         {"acked", read(slot.acked, clear)},
                         {"ackedBytes", read(slot.ackedBytes, clear)},
                         {"failed", read(slot.failed, clear)},
                         {"consumed", read(slot.consumed, clear)},
                         {"consumedBytes", read(slot.consumedBytes, clear)},
                         {"throttledMillis", read(slot.throttledMillis, clear)},
                         {"clientErrors", read(slot.clientErrors, clear)}};
  if (const auto lag = read<std::int64_t>(slot.maxLag, clear, -1); lag >= 0) {
    json["maxLag"] = lag;
  }
  json["ackLatencyMicros"] = latencyJson(slot.ackLatency, clear);
  json["endToEndLatencyMicros"] = latencyJson(slot.endToEndLatency, clear);
  return json;
}

}  // namespace

RunTimeline::RunTimeline() : startEpochMicros_(epochMicrosNow()) {
  worker_.start([this] { run(); });
}

RunTimeline::~RunTimeline() { worker_.stop(); }

void RunTimeline::run() {
  std::unique_lock lock(mutex_);
  for (bool running = true; running;) {  // a last harvest after the stop, too
    // Wakes at each second's boundary, so the slot turns when the second does (LiveSeconds
    // reads the connection's figures at the same boundaries).
    const auto next = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::steady_clock::now() - start_) +
                      std::chrono::seconds(1);
    running = worker_.sleepUntil(lock, start_ + next);
    const auto second =
        std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - start_)
            .count();
    current_.store(second, std::memory_order_relaxed);
    // Two seconds late, so recorders that read the previous second just before it turned
    // have finished with its slot.
    harvestUpTo(second - 2);
  }
}

void RunTimeline::harvestUpTo(std::int64_t last) {  // called with mutex_ held
  for (; harvested_ <= last; ++harvested_) {
    seconds_.push_back(secondJson(harvested_, slot(harvested_), true));
  }
}

void RunTimeline::onDeliveries(std::uint64_t acked, std::uint64_t failed, std::int64_t epochMicros,
                               bool failuresLast) {
  if (failed > 0 && !failuresLast) {
    onFailures(failed, epochMicros);
  }
  if (acked > 0) {
    onAcknowledgements(epochMicros);
  }
  if (failed > 0 && failuresLast) {
    onFailures(failed, epochMicros);
  }
}

void RunTimeline::onFailures(std::uint64_t failed, std::int64_t epochMicros) {
  outageFailures_.fetch_add(failed, std::memory_order_relaxed);
  std::int64_t none = 0;
  outageSince_.compare_exchange_strong(none, epochMicros, std::memory_order_relaxed);
}

void RunTimeline::onAcknowledgements(std::int64_t epochMicros) {
  if (const auto since = outageSince_.exchange(0, std::memory_order_relaxed); since != 0) {
    recordDisruption("failures", since, epochMicros, read(outageFailures_, true));
  } else {
    outageFailures_.store(0, std::memory_order_relaxed);  // failures that never opened one
  }
  const auto previous = lastAck_.exchange(epochMicros, std::memory_order_relaxed);
  if (previous != 0 && epochMicros - previous >=
                           std::chrono::duration_cast<std::chrono::microseconds>(kStall).count()) {
    recordDisruption("no acknowledgements", previous, epochMicros, 0);
  }
}

void RunTimeline::recordDisruption(const char* kind, std::int64_t from, std::int64_t until,
                                   std::uint64_t failed) {
  std::lock_guard lock(mutex_);
  disruptions_.push_back({{"kind", kind},
                          {"fromEpochMicros", from},
                          {"untilEpochMicros", until},
                          {"failedMessages", failed}});
}

void RunTimeline::onThrottle(int millis, std::int64_t epochMicros) {
  if (millis <= 0) {
    return;  // librdkafka also reports the end of throttling, as 0
  }
  throttleEvents_.fetch_add(1, std::memory_order_relaxed);
  throttledMillis_.fetch_add(static_cast<std::uint64_t>(millis), std::memory_order_relaxed);
  now().throttledMillis.fetch_add(static_cast<std::uint64_t>(millis), std::memory_order_relaxed);
  std::int64_t none = 0;
  firstThrottle_.compare_exchange_strong(none, epochMicros, std::memory_order_relaxed);
}

nlohmann::json RunTimeline::disruptions() {
  std::lock_guard lock(mutex_);
  return disruptions_;
}

void RunTimeline::onGroupLag(const std::string& group, const GroupLag& lag) {
  const std::int64_t epochMillis = epochMicrosNow() / 1000;
  std::lock_guard lock(mutex_);
  groups_[group].push_back({epochMillis, lag.endOffsets, lag.committed, lag.lag});
}

nlohmann::json RunTimeline::json() {
  std::lock_guard lock(mutex_);
  nlohmann::json seconds = seconds_;
  for (auto second = harvested_; second <= current_.load(std::memory_order_relaxed); ++second) {
    seconds.push_back(secondJson(second, slot(second), false));  // still being recorded
  }
  nlohmann::json json = {{"startEpochMicros", startEpochMicros_},
                         {"seconds", std::move(seconds)},
                         {"disruptions", disruptions_},
                         {"groups", groups_},
                         {"throttleEvents", throttleEvents_.load()},
                         {"throttledMillis", throttledMillis_.load()}};
  if (const auto first = firstThrottle_.load(); first != 0) {
    json["firstThrottleEpochMicros"] = first;
  }
  if (const auto since = outageSince_.load(); since != 0) {
    json["openOutageSinceEpochMicros"] = since;  // failing when the report was taken
  }
  return json;
}

}  // namespace kafkanative
