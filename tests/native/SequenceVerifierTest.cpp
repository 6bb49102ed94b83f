#include "kafkanative/SequenceVerifier.hpp"

#include <gtest/gtest.h>

using kafkanative::SequenceVerifier;

namespace {
std::vector<SequenceVerifier::Record> records(std::uint64_t producer, std::int32_t partition,
                                              std::vector<std::uint64_t> sequences) {
  std::vector<SequenceVerifier::Record> batch;
  std::int64_t offset = 100;
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
  const auto gap = verifier.check(records(0xbeef, 2, {5}));
  EXPECT_EQ(gap.missing, 2u);
  EXPECT_EQ(gap.firstProblem,
            "gap at partition 2 offset 100 (producer 000000000000beef, sequence 5)");
  EXPECT_EQ(verifier.missing(), 2u);

  const auto late = verifier.check(records(0xbeef, 2, {3}));
  EXPECT_EQ(late.reordered, 1u);
  EXPECT_EQ(verifier.missing(), 1u);  // 4 is still missing

  const auto again = verifier.check(records(0xbeef, 2, {5, 1}));
  EXPECT_EQ(again.duplicates, 2u);
  EXPECT_EQ(again.firstProblem,
            "duplicate at partition 2 offset 100 (producer 000000000000beef, sequence 5)");
  EXPECT_EQ(verifier.duplicates(), 2u);
  EXPECT_EQ(verifier.reordered(), 1u);
}

TEST(SequenceVerifier, HugeGapsAreCountedWithoutUnboundedMemory) {
  SequenceVerifier verifier;
  verifier.check(records(0xbeef, 0, {0}));
  const auto findings = verifier.check(records(0xbeef, 0, {1'000'001}));
  EXPECT_EQ(findings.missing, 1'000'000u);
  EXPECT_EQ(verifier.missing(), 1'000'000u);
}
