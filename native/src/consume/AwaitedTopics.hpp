#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "kafkanative/ConsumeOutcome.hpp"

struct rd_kafka_s;

namespace kafkanative {

/// The subscribed topics a consumer waits for. In a load test the consumers often start
/// before the producers' first message creates their topic: the subscription stands and takes
/// the topic's partitions once it exists, so a missing topic is a wait, said once in the log,
/// not a failed sample. A topic that does not come within the patience (a misspelt name, a
/// cluster that does not create topics on use) fails one sample with a clear message, and the
/// wait goes on quietly: it may still be created.
///
/// librdkafka does not help alike in every version: 2.8.0 (the jar's) reports a missing
/// subscribed topic as a consumer error at each metadata refresh, 2.0.2 says nothing, and
/// either sees a topic created later only at its next refresh, 5 minutes on by default. So
/// the consumer asks itself: once at its first idle poll, and while a topic is missing again
/// 100 ms later, 200 ms ..., at most once a second, which bounds what a topic that never comes
/// costs the cluster. Only a request for every topic updates the subscription (a partial
/// answer could make other subscribed topics seem missing).
class AwaitedTopics {
 public:
  /// `subscribed`: the subscription's entries (regular expressions, starting with '^', are not
  /// awaited).
  AwaitedTopics(const std::vector<std::string>& subscribed, std::chrono::milliseconds patience);

  /// librdkafka reported a subscribed topic missing: look again.
  void reported() noexcept { looking_ = true; }

  /// On an idle or failing poll: asks the cluster whether the awaited topics exist, when a
  /// look is due. Once, when they are missing for longer than the patience, sets `outcome`'s
  /// error (unless it has one) and returns true.
  bool look(rd_kafka_s* consumer, ConsumeOutcome& outcome);

 private:
  /// The awaited topics the cluster does not list; nothing when it does not answer.
  std::optional<std::vector<std::string>> missingFrom(rd_kafka_s* consumer) const;
  bool wait(rd_kafka_s* consumer, const std::vector<std::string>& missing, ConsumeOutcome& outcome);

  std::vector<std::string> names_;
  std::chrono::milliseconds patience_;
  bool looking_;
  bool toldWaiting_ = false;
  bool toldGivingUp_ = false;
  std::chrono::steady_clock::time_point waitingSince_{};
  std::chrono::steady_clock::time_point nextLook_{};
  std::chrono::milliseconds interval_{0};  ///< doubles from 100 ms to 1 s
};

}  // namespace kafkanative
