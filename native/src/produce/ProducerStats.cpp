#include "kafkanative/ProducerStats.hpp"

#include <algorithm>

namespace kafkanative {

namespace {
void addCount(std::atomic<std::uint64_t>& to, const std::atomic<std::uint64_t>& from) noexcept {
  to.fetch_add(from.load(std::memory_order_relaxed), std::memory_order_relaxed);
}
}  // namespace

void ProducerStats::add(const ProducerStats& other) noexcept {
  addCount(sent, other.sent);
  addCount(acked, other.acked);
  addCount(failed, other.failed);
  addCount(ackedBytes, other.ackedBytes);
  addCount(queueFullRetries, other.queueFullRetries);
  const auto firstOther = other.firstSendEpochMicros.load();
  const auto firstHere = firstSendEpochMicros.load();
  if (firstOther != 0 && (firstHere == 0 || firstOther < firstHere)) {
    firstSendEpochMicros = firstOther;
  }
  lastAckEpochMicros = std::max(lastAckEpochMicros.load(), other.lastAckEpochMicros.load());
  samplingEndEpochMicros =
      std::max(samplingEndEpochMicros.load(), other.samplingEndEpochMicros.load());
  longestAckGapMicros = std::max(longestAckGapMicros.load(), other.longestAckGapMicros.load());
  targetRate = targetRate.load() + other.targetRate.load();
  scheduleLagMicros = std::max(scheduleLagMicros.load(), other.scheduleLagMicros.load());
  ackLatency.add(other.ackLatency);
  intendedLatency.add(other.intendedLatency);
}

}  // namespace kafkanative
