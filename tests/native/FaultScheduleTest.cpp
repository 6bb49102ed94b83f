#include "FaultSchedule.hpp"

#include <gtest/gtest.h>

#include "kafkanative/KafkaError.hpp"

using kafkanative::FaultSchedule;
using kafkanative::KafkaError;
using namespace std::chrono_literals;

TEST(FaultSchedule, ParsesDownAndRttFaults) {
  const auto faults = FaultSchedule::parse("# drill\n5 down 1 for 5\n\n2.5 rtt 3 200 for 10\n", 3);
  ASSERT_EQ(faults.size(), 2u);
  EXPECT_EQ(faults[0].at, 5000ms);
  EXPECT_EQ(faults[0].broker, 1);
  EXPECT_EQ(faults[0].duration, 5000ms);
  EXPECT_EQ(faults[0].kind, FaultSchedule::Kind::kDown);
  EXPECT_EQ(faults[1].at, 2500ms);
  EXPECT_EQ(faults[1].rtt, 200ms);
  EXPECT_EQ(faults[1].duration, 10000ms);
}

TEST(FaultSchedule, ParsesRequestErrors) {
  const auto faults = FaultSchedule::parse("1 errors produce 5 NOT_LEADER_FOR_PARTITION", 3);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].apiKey, 0);
  EXPECT_EQ(faults[0].count, 5u);
  EXPECT_EQ(faults[0].error, 6);  // Kafka's NOT_LEADER_FOR_PARTITION
  EXPECT_THROW(FaultSchedule::parse("1 errors produce 5 NO_SUCH_ERROR", 3), KafkaError);
  EXPECT_THROW(FaultSchedule::parse("1 errors offsets 5 NOT_LEADER_FOR_PARTITION", 3), KafkaError);
}

TEST(FaultSchedule, ParsesLeaderMoves) {
  const auto faults = FaultSchedule::parse("3 leader orders 2 1", 3);
  ASSERT_EQ(faults.size(), 1u);
  EXPECT_EQ(faults[0].kind, FaultSchedule::Kind::kLeader);
  EXPECT_EQ(faults[0].at, 3000ms);
  EXPECT_EQ(faults[0].topic, "orders");
  EXPECT_EQ(faults[0].partition, 2);
  EXPECT_EQ(faults[0].broker, 1);
}

TEST(FaultSchedule, MalformedLinesAreNamed) {
  for (const char* bad : {"5 down 4 for 5", "x down 1 for 5", "5 sideways 1 for 5",
                          "1e300 down 1 for 5", "5 rtt 1 0 for 5", "5 down 1 5", "-1 down 1 for 5",
                          "1 leader t x 1", "1 leader t -1 1", "1 leader t 0 4", "1 leader t 0"}) {
    try {
      FaultSchedule::parse(std::string("1 down 1 for 1\n") + bad, 3);
      ADD_FAILURE() << "accepted: " << bad;
    } catch (const KafkaError& error) {
      EXPECT_NE(std::string(error.what()).find("fault schedule, line 2"), std::string::npos)
          << error.what();
    }
  }
}
