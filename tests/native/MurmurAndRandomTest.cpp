#include <gtest/gtest.h>

#include <set>

#include "Murmur2.hpp"
#include "kafkanative/FastRandom.hpp"

using kafkanative::FastRandom;
using kafkanative::murmur2;

// Vectors from the Java client's own test (UtilsTest.testMurmur2).
TEST(Murmur2, MatchesTheJavaClient) {
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("21")), -973932308);
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("foobar")), -790332482);
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("a-little-bit-long-string")), -985981536);
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("a-little-bit-longer-string")), -1486304829);
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8")),
            -58897971);
  EXPECT_EQ(static_cast<std::int32_t>(murmur2("abc")), 479470107);
}

TEST(FastRandom, BetweenStaysInBoundsAndCoversThem) {
  FastRandom random(42);
  std::set<std::int64_t> seen;
  for (int i = 0; i < 10000; ++i) {
    const auto value = random.between(-3, 3);
    ASSERT_GE(value, -3);
    ASSERT_LE(value, 3);
    seen.insert(value);
  }
  EXPECT_EQ(seen.size(), 7u);
  EXPECT_EQ(random.between(5, 5), 5);
  random.between(INT64_MIN, INT64_MAX);  // the full range must not overflow
}

TEST(FastRandom, SameSeedSameSequence) {
  FastRandom a(7), b(7), c(8);
  EXPECT_EQ(a.next(), b.next());
  EXPECT_NE(a.next(), c.next());
}
