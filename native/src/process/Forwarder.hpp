#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "InterruptCheck.hpp"
#include "kafkanative/ConsumeOutcome.hpp"
#include "kafkanative/FastRandom.hpp"
#include "kafkanative/ForwardSettings.hpp"
#include "kafkanative/MessageTemplate.hpp"

struct rd_kafka_s;
struct rd_kafka_message_s;
struct rd_kafka_topic_s;

namespace kafkanative {

class Connection;
class DeliveryBatch;
struct ProducerStats;

/// The producing half of a Kafka Processor (consume → transform → produce): sends one output
/// per consumed message on a producer of its own, and makes the consumer's progress depend on
/// the outputs. Its figures are those of a producer sampler named "<name> (output)".
///
/// An output keeps its input's key and headers (the stamps of the producer upstream travel
/// through, so a consumer downstream measures end-to-end latency and loss across the
/// processor) and, when the output topic has that many partitions, its input's partition
/// number (so a stamp's per-partition sequence stays whole); otherwise librdkafka's
/// partitioner places it by key.
class Forwarder {
 public:
  /// Throws KafkaError for an invalid topic or template, or when the transactional producer
  /// cannot be initialised.
  Forwarder(std::shared_ptr<Connection> connection, const ForwardSettings& settings,
            const std::string& statsName);
  ~Forwarder();
  Forwarder(const Forwarder&) = delete;
  Forwarder& operator=(const Forwarder&) = delete;

  /// Sends one output per input and waits for their acknowledgements; with exactly-once, in
  /// one transaction with `consumer`'s offsets past the inputs. Sets `outcome.forwarded`,
  /// `forwardMicros` and, on failure, the error. Returns whether the consumer may go on past
  /// the inputs: if not, it has been moved back to the first of them, to read them again.
  bool forward(const std::vector<rd_kafka_message_s*>& inputs, rd_kafka_s* consumer,
               const InterruptCheck& interrupt, ConsumeOutcome& outcome);

 private:
  /// Enqueues one output per input into `batch`; stops at the first that is refused.
  void sendAll(const std::vector<rd_kafka_message_s*>& inputs, DeliveryBatch& batch);
  /// Commits the open transaction if all `sent`, else aborts it; whether it committed.
  bool endTransaction(const std::vector<rd_kafka_message_s*>& inputs, std::uint32_t sent,
                      rd_kafka_s* consumer, ConsumeOutcome& outcome);
  /// Enqueues the output of `input`; returns librdkafka's error code.
  int send(const rd_kafka_message_s& input, void* opaque);
  /// Commits `consumer`'s offsets past `inputs` and the outputs in the open transaction.
  bool commitTransaction(const std::vector<rd_kafka_message_s*>& inputs, rd_kafka_s* consumer,
                         ConsumeOutcome& outcome);
  /// Moves `consumer` back to the first offset of each partition among `inputs`.
  static void rewind(const std::vector<rd_kafka_message_s*>& inputs, rd_kafka_s* consumer);

  std::shared_ptr<Connection> connection_;
  ProducerStats& stats_;
  ForwardSettings settings_;
  MessageTemplate value_;
  FastRandom random_;
  std::uint64_t sequence_ = 0;
  rd_kafka_s* client_ = nullptr;
  rd_kafka_topic_s* topic_ = nullptr;
  std::int32_t partitions_ = 0;
  std::string rendered_;  ///< reused by every templated value
};

}  // namespace kafkanative
