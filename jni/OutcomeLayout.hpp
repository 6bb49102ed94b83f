#pragma once

#include <jni.h>

#include "kafkanative/ProduceOutcome.hpp"

namespace kafkanative::jni {

/// Slots of the `long[]` a produce call fills; mirrored by ProduceOutcome.java.
enum OutcomeSlot : jsize {
  kRequested,
  kSent,
  kAcked,
  kFailed,
  kAckedBytes,
  kElapsedMicros,
  kFirstAckMicros,
  kMaxAckLatencyMicros,
  kMaxIntendedLatencyMicros,
  kFirstPartition,
  kFirstOffset,
  kLastPartition,
  kLastOffset,
  kInFlight,
  kAckLatencySumMicros,
  kOutcomeSlots
};

/// Writes the numeric part of `outcome` into `target` in one crossing.
void writeOutcome(JNIEnv* env, jlongArray target, const ProduceOutcome& outcome);

}  // namespace kafkanative::jni
