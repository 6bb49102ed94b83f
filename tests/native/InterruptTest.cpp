// JMeter's Stop interrupts a sample from another thread: it must end at once, not after its
// delivery or poll timeout, and say so.
#include <gtest/gtest.h>

#include <future>
#include <thread>

#include "TestCluster.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ConsumerSession.hpp"
#include "kafkanative/ProducerSession.hpp"

using namespace kafkanative;
using namespace std::chrono_literals;

namespace {
// Far longer than any test may take: a sample that ran to it was not interrupted.
constexpr auto kLongTimeout = 60s;

template <typename Call, typename Interrupt>
auto interruptAfter(Call call, Interrupt interrupt) {
  auto result = std::async(std::launch::async, call);
  std::this_thread::sleep_for(300ms);
  interrupt();
  EXPECT_EQ(result.wait_for(20s), std::future_status::ready) << "the sample ignored the interrupt";
  return result.get();
}
}  // namespace

namespace {
/// A waited sample to an unreachable cluster, interrupted while it waits for its reports.
void expectWaitInterrupted(bool dedicatedClient) {
  auto connection = Connection::open(
      {"127.0.0.1:1", {{"message.timeout.ms", "60000"}}, std::chrono::milliseconds(100), ""});
  ProducerSettings settings;
  settings.topic = "unreachable";
  settings.valueTemplate = "v";
  settings.dedicatedClient = dedicatedClient;
  ProducerSession session(connection, settings);
  const auto outcome =
      interruptAfter([&] { return session.produce(5); }, [&] { session.interrupt(); });
  EXPECT_EQ(outcome.errorName, "_INTR");
  EXPECT_EQ(outcome.failed, 5u);
}
}  // namespace

TEST(Interrupt, EndsAProducerSampleWaitingForAcknowledgements) { expectWaitInterrupted(false); }

// A per-thread producer in waited mode is polled by the waiting thread itself: it too must
// notice the interrupt between polls.
TEST(Interrupt, EndsAWaitThatServesItsOwnProducer) { expectWaitInterrupted(true); }

TEST(Interrupt, EndsARateLimitedSampleWhileItWaitsForItsSchedule) {
  auto connection = Connection::open({testBootstrap(), {}, std::chrono::milliseconds(1000), ""});
  ProducerSettings settings;
  settings.topic = uniqueName("slow");
  settings.valueTemplate = "v";
  settings.ratePerSecond = 1;  // 100 messages would take 100 s
  settings.rateGroup = settings.topic;
  ProducerSession session(connection, settings);
  const auto outcome =
      interruptAfter([&] { return session.produce(100); }, [&] { session.interrupt(); });
  EXPECT_EQ(outcome.errorName, "_INTR");
  EXPECT_LT(outcome.sent, 100u);
}

TEST(Interrupt, EndsAConsumerPollAndTheNextPollIsNotAffected) {
  auto connection = Connection::open({testBootstrap(), {}, std::chrono::milliseconds(1000), ""});
  ConsumerSettings settings;
  settings.topics = {uniqueName("empty")};
  ConsumerSession consumer(connection, settings);
  const auto outcome = interruptAfter([&] { return consumer.poll(10, kLongTimeout); },
                                      [&] { consumer.interrupt(); });
  EXPECT_EQ(outcome.errorName, "_INTR");
  // An interrupt cuts one sample short, not the ones after it.
  const auto next = consumer.poll(10, 200ms);
  EXPECT_TRUE(next.errorName.empty()) << next.errorName;
}
