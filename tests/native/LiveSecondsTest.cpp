// The live figures at each second boundary of a connection's timeline: the readings that
// per-second outputs subtract, taken at the boundaries the run report's seconds use.
#include "LiveSeconds.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <thread>
#include <vector>

#include "TestCluster.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;
using Clock = std::chrono::steady_clock;

namespace {

/// Waits up to 5 s for `text()` to contain `wanted`; returns the last text.
template <class Text>
std::string waitFor(Text text, const std::string& wanted) {
  std::string seen = text();
  for (int i = 0; i < 100 && seen.find(wanted) == std::string::npos; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    seen = text();
  }
  return seen;
}

}  // namespace

TEST(LiveSeconds, ReadsTheFiguresAsEachSecondOfTheTimelineEnds) {
  const auto start = Clock::now() - std::chrono::milliseconds(800);
  std::mutex mutex;
  std::vector<Clock::time_point> readAt;
  LiveSeconds seconds(start, 1'700'000'000'000'000, [&] {
    std::lock_guard lock(mutex);
    readAt.push_back(Clock::now());
    return "reading " + std::to_string(readAt.size()) + "\n";
  });
  const auto text = waitFor([&] { return seconds.text(); }, "second\t1\n");
  EXPECT_EQ(text.rfind("start\t1700000000000000\nsecond\t0\nreading 1\nsecond\t1\nreading 2\n", 0),
            0u)
      << text;
  std::lock_guard lock(mutex);
  ASSERT_GE(readAt.size(), 2u);
  for (std::size_t i = 0; i < 2; ++i) {  // within the second after the boundary it names
    const auto boundary = start + std::chrono::seconds(i + 1);
    EXPECT_GE(readAt[i], boundary);
    EXPECT_LT(readAt[i], boundary + std::chrono::seconds(1));
  }
}

TEST(LiveSeconds, AReaderStartedLateBeginsWithTheSecondItIsIn) {
  LiveSeconds seconds(Clock::now() - std::chrono::milliseconds(5700), 0,
                      [] { return std::string("x\n"); });
  const auto text = waitFor([&] { return seconds.text(); }, "second\t");
  EXPECT_EQ(text.rfind("start\t0\nsecond\t5\nx\n", 0), 0u) << text;
}

TEST(LiveSeconds, AConnectionsSecondsHoldItsSamplersAndItsOwnFigures) {
  auto kafka = Connection::open(
      ConnectionConfig{testBootstrap(), {{"linger.ms", "1"}}, std::chrono::milliseconds(5000), ""});
  ProducerSettings settings;
  settings.topic = uniqueName("live-seconds");
  settings.valueTemplate = "{{seq}}";
  settings.statsName = "live-seconds-producer";
  ProducerSession producer(kafka, settings);
  ASSERT_EQ(producer.produce(100).acked, 100u);
  const auto live = kafka->liveFigures();
  EXPECT_NE(live.find("producer\tlive-seconds-producer\tsent=100\tacked=100\t"), std::string::npos)
      << live;
  EXPECT_NE(live.find("\tackSum="), std::string::npos) << live;
  EXPECT_NE(live.find("\nconnection\t\tengine=" + Connection::engineName() +
                      "\tthrottledMillis=0\tclientErrors="),
            std::string::npos)
      << live;
  const auto start = nlohmann::json::parse(kafka->summaryJson())["timeline"]["startEpochMicros"];
  const auto text = waitFor([&] { return kafka->liveSeconds(); }, "acked=100");
  EXPECT_EQ(text.rfind("start\t" + start.dump() + "\nsecond\t", 0), 0u) << text;
  EXPECT_NE(text.find("producer\tlive-seconds-producer\tsent=100\tacked=100\t"), std::string::npos)
      << text;
}
