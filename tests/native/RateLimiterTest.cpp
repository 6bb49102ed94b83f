#include "kafkanative/RateLimiter.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "kafkanative/KafkaError.hpp"

using kafkanative::KafkaError;
using kafkanative::RateLimiter;

TEST(RateLimiter, ConsecutiveClaimsFollowTheSchedule) {
  RateLimiter limiter(1000);  // one message per millisecond
  EXPECT_EQ(limiter.intervalNanos(), 1'000'000);
  const auto first = limiter.claim(10);
  EXPECT_EQ(limiter.claim(1), first + 10'000'000);
  EXPECT_EQ(limiter.claim(5), first + 11'000'000);
}

TEST(RateLimiter, ThreadsShareOneScheduleWithoutGapsOrOverlaps) {
  RateLimiter limiter(1e6);
  std::vector<std::vector<std::int64_t>> claims(4);
  std::vector<std::thread> threads;
  for (auto& mine : claims) {
    threads.emplace_back([&limiter, &mine] {
      for (int i = 0; i < 10000; ++i) {
        mine.push_back(limiter.claim(3));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  std::vector<std::int64_t> all;
  for (const auto& mine : claims) {
    all.insert(all.end(), mine.begin(), mine.end());
  }
  std::sort(all.begin(), all.end());
  for (std::size_t i = 1; i < all.size(); ++i) {
    ASSERT_EQ(all[i] - all[i - 1], 3 * limiter.intervalNanos());
  }
}

TEST(RateLimiter, InvalidRatesAreRefused) {
  EXPECT_THROW(RateLimiter(0), KafkaError);
  EXPECT_THROW(RateLimiter(-5), KafkaError);
  EXPECT_THROW(RateLimiter(2e9), KafkaError);
}
