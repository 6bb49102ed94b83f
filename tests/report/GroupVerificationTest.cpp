// One consumer group's verification from several engines' evidence: a partition handed from
// one engine to another is read again from the last commit, which is redelivery, not new
// messages; a gap just before the handover is missing though neither engine saw it; the
// same sequence at other offsets is a duplicate though each engine read it once.
#include "GroupVerification.hpp"

#include <gtest/gtest.h>

#include <array>

using kafkanative::report::GroupVerification;
using nlohmann::json;

namespace {

/// A consumer's figures as one engine's summary holds them: its own findings and its runs
/// ([first sequence, last sequence, first offset, last offset]) of producer 00..0a's
/// `partition`.
json consumer(std::vector<std::array<std::int64_t, 4>> runs, std::uint64_t redelivered = 0,
              std::int32_t partition = 0) {
  return {{"redelivered", redelivered},
          {"sequenceRuns",
           {{{"producer", "000000000000000a"},
             {"partition", partition},
             {"complete", true},
             {"runs", runs}}}}};
}

json merged(const std::vector<json>& engines) {
  std::vector<const json*> parts;
  for (const auto& engine : engines) {
    parts.push_back(&engine);
  }
  return GroupVerification::merge(parts);
}

json findings(std::uint64_t missing, std::uint64_t duplicates, std::uint64_t reordered,
              std::uint64_t redelivered) {
  return {{"missing", missing},
          {"duplicates", duplicates},
          {"reordered", reordered},
          {"redelivered", redelivered}};
}

}  // namespace

TEST(GroupVerification, ReadingAgainAfterAHandoverIsRedelivery) {
  // A read offsets 0..99; B got the partition with the commit at 80 and read on to 199.
  EXPECT_EQ(merged({consumer({{0, 99, 0, 99}}), consumer({{80, 199, 80, 199}})}),
            findings(0, 0, 0, 20));
}

TEST(GroupVerification, AGapJustBeforeTheHandoverIsMissing) {
  // Sequences 50..59 were never written: A stopped at 49, B started its reading at 60 and
  // took it for the stream's start.
  EXPECT_EQ(merged({consumer({{0, 49, 0, 49}}), consumer({{60, 199, 50, 189}})}),
            findings(10, 0, 0, 0));
}

TEST(GroupVerification, TheSameSequenceAtOtherOffsetsIsADuplicate) {
  // The producer wrote 90..99 again at offsets 100..109; A read the first copies, B the
  // second, each once.
  EXPECT_EQ(merged({consumer({{0, 99, 0, 99}}), consumer({{90, 199, 100, 209}})}),
            findings(0, 10, 0, 0));
}

TEST(GroupVerification, APartitionThatComesBackKeepsItsHistory) {
  // A read 0..99, B 80..199, then A again from 180: A alone saw a gap of 80 (100..179) and
  // counted its own re-reads; over the group nothing is missing.
  EXPECT_EQ(
      merged({consumer({{0, 99, 0, 99}, {180, 299, 180, 299}}, 5), consumer({{80, 199, 80, 199}})}),
      findings(0, 0, 0, 5 + 20 + 20));
}

TEST(GroupVerification, AMessageWrittenLateFillsAGapAsReordered) {
  // A saw 0..9 and 12..20 (a gap: 10, 11), B read on from offset 19 and found 10 and 11.
  EXPECT_EQ(merged({consumer({{0, 9, 0, 9}, {12, 20, 10, 18}}),
                    consumer({{10, 11, 19, 20}, {21, 30, 21, 30}})}),
            findings(0, 0, 2, 0));
}

TEST(GroupVerification, StreamsOfOtherPartitionsAreApart) {
  EXPECT_EQ(merged({consumer({{0, 99, 0, 99}}, 0, 0), consumer({{5, 50, 0, 45}}, 0, 1)}),
            findings(0, 0, 0, 0));
}

TEST(GroupVerification, WithoutEveryEnginesWholeEvidenceThereIsNoGroupVerdict) {
  json partial = consumer({{0, 9, 0, 9}});
  partial["sequenceRuns"][0]["complete"] = false;
  EXPECT_TRUE(merged({consumer({{0, 9, 0, 9}}), partial}).is_null());
  EXPECT_TRUE(merged({consumer({{0, 9, 0, 9}}), json{{"redelivered", 0}}}).is_null());
}
