#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kafkanative/ConsumeOutcome.hpp"
#include "kafkanative/ConsumerSettings.hpp"
#include "kafkanative/SequenceVerifier.hpp"

struct rd_kafka_s;
struct rd_kafka_message_s;

namespace kafkanative {

class Connection;
class AwaitedTopics;
class Forwarder;
class SchemaReader;
struct ConsumerStats;
struct InterruptCheck;

/// One JMeter thread's consumer: its own librdkafka consumer, so a thread group of K threads
/// with one group id is a consumer group of K members. Measures end-to-end latency from the
/// producers' stamps, lag, and sequence continuity. With ConsumerSettings::forward it is a
/// Kafka Processor: what each poll consumed goes on to the output topic before the poll
/// ends, and the group's offsets move past it only once it has. Not thread-safe: one per
/// JMeter thread.
class ConsumerSession {
 public:
  /// Throws KafkaError for invalid settings or configuration.
  ConsumerSession(std::shared_ptr<Connection> connection, const ConsumerSettings& settings);
  /// Leaves the group (committing first unless the commit mode is "none").
  ~ConsumerSession();
  ConsumerSession(const ConsumerSession&) = delete;
  ConsumerSession& operator=(const ConsumerSession&) = delete;

  /// Consumes up to `maxMessages`, returning early once that many arrived or `timeout`
  /// passed. Errors are in the outcome, not thrown.
  ConsumeOutcome poll(std::uint32_t maxMessages, std::chrono::milliseconds timeout);

  /// Ends the poll in progress early (from any thread), with what it consumed so far and
  /// `_INTR`. For JMeter's Stop.
  void interrupt() noexcept { interrupts_.fetch_add(1, std::memory_order_relaxed); }

  /// How many partitions the group currently assigns to this member.
  std::size_t assignedPartitions() const;

 private:
  struct PartitionPosition {
    std::string topic;
    std::int32_t partition;
    std::int64_t nextOffset;
  };

  friend struct ConsumerCallbacks;  // librdkafka's callbacks, with librdkafka's own types
  void start();
  void record(const rd_kafka_message_s& message, ConsumeOutcome& outcome, std::int64_t nowMicros);
  /// The end-to-end latency of a message its producer stamped at `epochMicros`.
  void recordLatency(std::int64_t epochMicros, ConsumeOutcome& outcome, std::int64_t nowMicros);
  void finishPoll(ConsumeOutcome& outcome, std::int64_t firstArrival, std::int64_t lastArrival,
                  bool commitAllowed);
  void commit(ConsumeOutcome& outcome);
  /// Whether `message` is librdkafka saying a subscribed topic does not exist yet (a wait).
  bool awaitsSubscribedTopic(const rd_kafka_message_s& message);
  /// Sees whether the subscribed topics exist when that is due (AwaitedTopics).
  void lookForAwaitedTopics(ConsumeOutcome& outcome);
  /// Hands the poll's messages to the forwarder and lets go of them; whether to commit.
  bool forwardHeld(const InterruptCheck& interrupt, ConsumeOutcome& outcome);

  std::shared_ptr<Connection> connection_;
  ConsumerStats& stats_;
  ConsumerSettings settings_;
  rd_kafka_s* consumer_ = nullptr;
  std::string lastClientError_;  ///< set by onError, which runs inside this thread's poll
  std::unique_ptr<AwaitedTopics> awaited_;
  std::vector<SequenceVerifier::Record> records_;  ///< reused by every poll
  std::vector<PartitionPosition> positions_;       ///< partitions seen by the current poll
  std::unique_ptr<Forwarder> forwarder_;           ///< a processor's output; null otherwise
  std::unique_ptr<SchemaReader> valueReader_;      ///< values in a schema format; null otherwise
  std::vector<rd_kafka_message_s*> held_;          ///< a processor's poll, until forwarded
  std::atomic<std::uint64_t> interrupts_{0};
};

}  // namespace kafkanative
