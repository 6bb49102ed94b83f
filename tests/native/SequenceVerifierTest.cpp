#include "kafkanative/SequenceVerifier.hpp"

#include <gtest/gtest.h>

#include <tuple>

using kafkanative::SequenceVerifier;

namespace {
/// Records at consecutive offsets after every offset used so far (as a partition grows).
std::vector<SequenceVerifier::Record> records(std::uint64_t producer, std::int32_t partition,
                                              std::vector<std::uint64_t> sequences) {
  static std::int64_t offset = 100;
  std::vector<SequenceVerifier::Record> batch;
  for (const auto sequence : sequences) {
    batch.push_back({producer, partition, sequence, offset++});
  }
  return batch;
}
}  // namespace

TEST(SequenceVerifier, InOrderStreamsAreClean) {
  SequenceVerifier verifier;
  EXPECT_TRUE(verifier.check(records(0xa, 0, {0, 1, 2, 3})).clean());
  EXPECT_TRUE(verifier.check(records(0xa, 1, {0, 1})).clean());  // partitions are separate
  EXPECT_TRUE(verifier.check(records(0xb, 0, {7, 8})).clean());  // a baseline, not a gap
  EXPECT_TRUE(verifier.check(records(0xa, 0, {4, 5})).clean());
  EXPECT_EQ(verifier.missing(), 0u);
}

TEST(SequenceVerifier, GapsDuplicatesAndReorderingAreTold) {
  SequenceVerifier verifier;
  verifier.check(records(0xbeef, 2, {0, 1, 2}));
  const auto gap = verifier.check({{0xbeef, 2, 5, 900}});
  EXPECT_EQ(gap.missing, 2u);
  EXPECT_EQ(gap.firstProblem,
            "gap at partition 2 offset 900 (producer 000000000000beef, sequence 5)");
  EXPECT_EQ(verifier.missing(), 2u);

  const auto late = verifier.check({{0xbeef, 2, 3, 950}});  // written after 5
  EXPECT_EQ(late.reordered, 1u);
  EXPECT_EQ(verifier.missing(), 1u);  // 4 is still missing

  const auto again = verifier.check({{0xbeef, 2, 5, 1000}, {0xbeef, 2, 1, 1001}});
  EXPECT_EQ(again.duplicates, 2u);
  EXPECT_EQ(again.firstProblem,
            "duplicate at partition 2 offset 1000 (producer 000000000000beef, sequence 5)");
  EXPECT_EQ(verifier.duplicates(), 2u);
  EXPECT_EQ(verifier.reordered(), 1u);
}

TEST(SequenceVerifier, ReadingOffsetsAgainIsRedeliveryNotDuplication) {
  SequenceVerifier verifier;
  verifier.check({{0xa, 0, 0, 10}, {0xa, 0, 1, 11}, {0xa, 0, 2, 12}});
  // A rebalance before the commit: another member reads offsets 11 and 12 again.
  const auto reread = verifier.check({{0xa, 0, 1, 11}, {0xa, 0, 2, 12}, {0xa, 0, 3, 13}});
  EXPECT_TRUE(reread.clean());
  EXPECT_EQ(reread.redelivered, 2u);
  EXPECT_EQ(verifier.redelivered(), 2u);
  // The producer writing sequence 3 again lands at a new offset: a duplicate.
  EXPECT_EQ(verifier.check({{0xa, 0, 3, 14}}).duplicates, 1u);
}

TEST(SequenceVerifier, HugeGapsAreCountedWithoutUnboundedMemory) {
  SequenceVerifier verifier;
  verifier.check(records(0xbeef, 0, {0}));
  const auto findings = verifier.check(records(0xbeef, 0, {1'000'001}));
  EXPECT_EQ(findings.missing, 1'000'000u);
  EXPECT_EQ(verifier.missing(), 1'000'000u);
}

// The evidence several engines' findings are joined from: a run ends only where the
// sequence does not follow, and messages read again are no part of it.
TEST(SequenceVerifier, KeepsRunsOfFollowingSequencesWithTheirOffsets) {
  SequenceVerifier verifier;
  verifier.check({{0xa, 0, 0, 10}, {0xa, 0, 1, 12}, {0xa, 0, 2, 15}});  // others' messages between
  verifier.check({{0xa, 0, 1, 12}, {0xa, 0, 2, 15}});                   // read again
  verifier.check({{0xa, 0, 5, 16}, {0xa, 0, 6, 17}, {0xb, 3, 7, 4}});
  const auto streams = verifier.runs();
  ASSERT_EQ(streams.size(), 2u);
  EXPECT_EQ(streams[0].producer, 0xau);
  ASSERT_EQ(streams[0].runs.size(), 2u);
  const auto& first = streams[0].runs[0];
  EXPECT_EQ(
      std::tuple(first.firstSequence, first.lastSequence, first.firstOffset, first.lastOffset),
      std::tuple(0u, 2u, 10, 15));
  const auto& second = streams[0].runs[1];
  EXPECT_EQ(
      std::tuple(second.firstSequence, second.lastSequence, second.firstOffset, second.lastOffset),
      std::tuple(5u, 6u, 16, 17));
  EXPECT_TRUE(streams[0].complete);
  EXPECT_EQ(streams[1].partition, 3);
}

TEST(SequenceVerifier, AStreamBrokenTooOftenIsMarkedIncomplete) {
  SequenceVerifier verifier;
  std::vector<SequenceVerifier::Record> everyOther;
  for (std::uint64_t i = 0; i <= SequenceVerifier::kMaxRuns; ++i) {
    everyOther.push_back({0xa, 0, 2 * i, static_cast<std::int64_t>(i)});
  }
  verifier.check(everyOther);
  const auto streams = verifier.runs();
  EXPECT_EQ(streams[0].runs.size(), SequenceVerifier::kMaxRuns);
  EXPECT_FALSE(streams[0].complete);
}
