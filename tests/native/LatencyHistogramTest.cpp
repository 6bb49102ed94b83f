#include "kafkanative/LatencyHistogram.hpp"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

using kafkanative::LatencyHistogram;

TEST(LatencyHistogram, BucketsCoverEveryValueWithinThreePercent) {
  const std::uint64_t values[] = {
      0, 1, 63, 64, 65, 1000, 123456, 99999999, LatencyHistogram::kMaxValue};
  for (const std::uint64_t value : values) {
    const auto index = LatencyHistogram::bucketIndex(value);
    const auto upper = LatencyHistogram::bucketUpperBound(index);
    EXPECT_GE(upper, value) << value;
    EXPECT_LE(static_cast<double>(upper - value), 0.032 * static_cast<double>(value) + 1) << value;
    if (index > 0) {
      EXPECT_LT(LatencyHistogram::bucketUpperBound(index - 1), value) << value;
    }
  }
}

TEST(LatencyHistogram, IndexIsMonotonic) {
  std::size_t previous = 0;
  for (std::uint64_t value = 0; value < 1'000'000; value += 7) {
    const auto index = LatencyHistogram::bucketIndex(value);
    ASSERT_GE(index, previous) << value;
    previous = index;
  }
}

TEST(LatencyHistogram, PercentilesOfAUniformSpread) {
  LatencyHistogram histogram;
  for (std::uint64_t value = 1; value <= 10000; ++value) {
    histogram.record(value);
  }
  EXPECT_EQ(histogram.count(), 10000u);
  EXPECT_EQ(histogram.max(), 10000u);
  EXPECT_NEAR(histogram.mean(), 5000.5, 1e-9);
  EXPECT_NEAR(static_cast<double>(histogram.percentile(50)), 5000, 5000 * 0.032);
  EXPECT_NEAR(static_cast<double>(histogram.percentile(99)), 9900, 9900 * 0.032);
  EXPECT_GE(histogram.percentile(50), 5000u);  // never understates
  EXPECT_EQ(histogram.percentile(100), 10000u);
}

TEST(LatencyHistogram, EmptyReportsZero) {
  LatencyHistogram histogram;
  EXPECT_EQ(histogram.percentile(99), 0u);
  EXPECT_EQ(histogram.mean(), 0.0);
}

TEST(LatencyHistogram, ConcurrentRecordsAreAllCounted) {
  LatencyHistogram histogram;
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&histogram, t] {
      for (std::uint64_t i = 0; i < 100000; ++i) {
        histogram.record(i % 1000 + static_cast<std::uint64_t>(t));
      }
    });
  }
  for (auto& thread : threads) {
    thread.join();
  }
  EXPECT_EQ(histogram.count(), 400000u);
  EXPECT_EQ(histogram.max(), 1002u);
}
