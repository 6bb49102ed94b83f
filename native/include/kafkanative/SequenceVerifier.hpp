#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace kafkanative {

/// Checks the per-partition sequence numbers producers stamp (StampHeaders::kPartitionSequence)
/// as messages are consumed: per (producer, partition) each number should follow the last.
/// - a jump ahead leaves the skipped numbers *missing* (lost, unless they turn up later);
/// - a number that fills such a gap later counts as *reordered* and is no longer missing;
/// - any other number at or below one already seen is a *duplicate*: the producer wrote it
///   twice, at a later offset;
/// - a message at or below the highest offset already seen of its (producer, partition) is
///   *redelivered*, not judged: the consumer read it again (e.g. after a rebalance before its
///   offsets were committed), which Kafka's at-least-once consumption allows.
/// The first message of each (producer, partition) sets its baseline: what came before the
/// consumer's starting offset is not judged. Shared by every consumer thread of one sampler,
/// so a partition that moves to another group member in a rebalance keeps its history; one
/// lock per polled batch, never per message.
///
/// It also keeps the evidence behind its findings as runs (runs()): each stretch of judged
/// messages whose sequence numbers follow one another, with its first and last offset. A
/// run ends only at a gap, a duplicate or a reordering, so a clean stream is one run however
/// long. Several engines' runs of one consumer group decide missing, duplicated and
/// redelivered messages over the whole group (the report's merge of engines' summaries),
/// where each engine alone sees only the partitions it was given.
class SequenceVerifier {
 public:
  struct Record {
    std::uint64_t producer;  ///< the kn-producer id, as a number
    std::int32_t partition;
    std::uint64_t sequence;
    std::int64_t offset;
  };

  struct Findings {
    std::uint64_t missing = 0;  ///< numbers newly skipped by this batch
    std::uint64_t duplicates = 0;
    std::uint64_t reordered = 0;
    std::uint64_t redelivered = 0;
    std::string firstProblem;  ///< the first one, with producer, partition and offset
    bool clean() const noexcept { return missing == 0 && duplicates == 0 && reordered == 0; }
  };

  /// Judged messages with sequence numbers first..last, one each, at offsets rising from
  /// firstOffset to lastOffset (other producers' messages may lie between).
  struct Run {
    std::uint64_t firstSequence;
    std::uint64_t lastSequence;
    std::int64_t firstOffset;
    std::int64_t lastOffset;
  };

  /// One (producer, partition)'s runs in consumption order; complete unless it had more
  /// than kMaxRuns.
  struct StreamRuns {
    std::uint64_t producer;
    std::int32_t partition;
    std::vector<Run> runs;
    bool complete = true;
  };

  /// The most gaps remembered per (producer, partition); beyond it gaps are only counted.
  static constexpr std::size_t kMaxTrackedGaps = 100000;
  /// The most runs kept per (producer, partition): a stream broken this often is reported
  /// per engine only.
  static constexpr std::size_t kMaxRuns = 10000;

  /// Checks one polled batch, in consumption order.
  Findings check(const std::vector<Record>& batch);

  /// Numbers still missing now (lost, unless they arrive later), over all producers.
  std::uint64_t missing() const;
  std::uint64_t duplicates() const;
  std::uint64_t reordered() const;
  std::uint64_t redelivered() const;
  std::vector<StreamRuns> runs() const;

 private:
  struct Stream {
    std::uint64_t next = 0;
    std::set<std::uint64_t> gaps;     ///< skipped numbers not seen yet
    std::uint64_t untrackedGaps = 0;  ///< skipped beyond kMaxTrackedGaps
    std::int64_t highestOffset = -1;
    std::vector<Run> runs;
    bool runsComplete = true;
  };

  void checkOne(const Record& record, Findings& findings);
  static void extendRuns(Stream& stream, const Record& record);

  mutable std::mutex mutex_;
  std::map<std::pair<std::uint64_t, std::int32_t>, Stream> streams_;
  std::uint64_t duplicates_ = 0;
  std::uint64_t reordered_ = 0;
  std::uint64_t redelivered_ = 0;
};

}  // namespace kafkanative
