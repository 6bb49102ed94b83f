#include "OutcomeLayout.hpp"

#include <array>

namespace kafkanative::jni {

void writeOutcome(JNIEnv* env, jlongArray target, const ProduceOutcome& outcome) {
  std::array<jlong, kOutcomeSlots> slots{};
  slots[kRequested] = outcome.requested;
  slots[kSent] = outcome.sent;
  slots[kAcked] = outcome.acked;
  slots[kFailed] = outcome.failed;
  slots[kAckedBytes] = static_cast<jlong>(outcome.ackedBytes);
  slots[kElapsedMicros] = outcome.elapsedMicros;
  slots[kFirstAckMicros] = outcome.firstAckMicros;
  slots[kMaxAckLatencyMicros] = outcome.maxAckLatencyMicros;
  slots[kMaxIntendedLatencyMicros] = outcome.maxIntendedLatencyMicros;
  slots[kFirstPartition] = outcome.firstPartition;
  slots[kFirstOffset] = outcome.firstOffset;
  slots[kLastPartition] = outcome.lastPartition;
  slots[kLastOffset] = outcome.lastOffset;
  slots[kInFlight] = static_cast<jlong>(outcome.inFlight);
  slots[kAckLatencySumMicros] = outcome.ackLatencySumMicros;
  env->SetLongArrayRegion(target, 0, kOutcomeSlots, slots.data());
}

}  // namespace kafkanative::jni
