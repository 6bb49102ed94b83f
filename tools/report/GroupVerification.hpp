#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace kafkanative::report {

/// One consumer sampler's sequence checks over several JMeter engines, as one consumer group
/// would have made them. Each engine checks only the partitions it was given: when a
/// rebalance hands a partition to another engine, that engine reads from the last commit
/// again without knowing those messages were read (they would look new), and takes its first
/// message there for the stream's start (a gap before it would go unnoticed). Each engine's
/// summary carries its evidence (SequenceVerifier's runs: stretches of following sequence
/// numbers with their first and last offsets), and the merge decides over all of them:
/// - a run's sequences that another engine's run over overlapping offsets already holds were
///   read again: redelivered (both engines read every offset of the overlap, and each run's
///   sequences rise one by one with its offsets, so a sequence both hold is at one offset);
/// - what is left, in offset order, goes through SequenceVerifier as if one consumer had read
///   it: missing, duplicated and reordered over the whole group.
struct GroupVerification {
  /// {missing, duplicates, reordered, redelivered} of the consumer sampler whose per-engine
  /// figures are `engines`; null when an engine's summary lacks the evidence (an older plugin)
  /// or kept only part of it (more than SequenceVerifier::kMaxRuns runs of a stream).
  static nlohmann::json merge(const std::vector<const nlohmann::json*>& engines);
};

}  // namespace kafkanative::report
