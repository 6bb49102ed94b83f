#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "kafkanative/FastRandom.hpp"
#include "kafkanative/MessageTemplate.hpp"
#include "kafkanative/ProduceOutcome.hpp"
#include "kafkanative/ProducerSettings.hpp"

struct rd_kafka_s;
struct rd_kafka_topic_s;

namespace kafkanative {

class Connection;
class DeliveryBatch;
class OutcomeQueue;
class PayloadFile;
class RateLimiter;
class SchemaTemplate;
struct InterruptCheck;
struct ProducerStats;

/// One sampler thread's producer: compiled templates, topic handle, partitioning, rate
/// schedule and message sequence, on a shared Connection. Not thread-safe: each JMeter
/// thread owns its own session.
class ProducerSession {
 public:
  /// The most messages one sample may ask for; bounds the memory a typo can claim.
  static constexpr std::uint32_t kMaxMessagesPerSample = 10'000'000;

  /// Throws KafkaError for an invalid topic, template, header or partition setting.
  ProducerSession(std::shared_ptr<Connection> connection, const ProducerSettings& settings);
  /// Waits (up to the delivery timeout) for tracked messages still in flight.
  ~ProducerSession();
  ProducerSession(const ProducerSession&) = delete;
  ProducerSession& operator=(const ProducerSession&) = delete;

  /// Sends `messages` messages. In DeliveryMode::kWait, waits for their delivery reports
  /// (bounded by the delivery timeout); in kTrack, returns once they are queued, with the
  /// deliveries reported since the last call. Failures are in the outcome, not thrown.
  ProduceOutcome produce(std::uint32_t messages);

  /// Cuts the sample in progress short (from any thread): sending stops, waiting ends, and
  /// the outcome says `_INTR` with what was still unacknowledged. For JMeter's Stop.
  void interrupt() noexcept { interrupts_.fetch_add(1, std::memory_order_relaxed); }

  /// kTrack: waits for the messages still in flight and returns their deliveries, so none
  /// goes unreported at thread end. A producer of this session's own waits at most the
  /// connection's flush timeout (or the delivery timeout, if shorter) — a producer held back by
  /// a quota would otherwise hold its thread, and the test, until its queue drained — and then
  /// purges what is left, which the outcome counts as failed (`_PURGE_QUEUE`, with the count).
  /// On the shared producer the wait is bounded by the delivery timeout.
  ProduceOutcome finish();

 private:
  struct Header {
    std::string name;
    MessageTemplate value;
  };

  /// Opens the topic on client_ and, where the session chooses partitions, learns their count.
  void openTopic();
  std::int32_t partitionFor(std::uint64_t sequence);
  bool hasKey() const noexcept { return keySchema_ || !key_.empty(); }
  /// Opens the key's and value's schema templates, when they have a schema format.
  void openSchemas();
  /// Renders the key into keyBuffer_; librdkafka's error code.
  int renderKey(const TemplateContext& context);
  /// Builds and enqueues one message; returns librdkafka's error code.
  int enqueue(void* opaque, std::uint64_t sequence, const InterruptCheck& interrupt);
  /// Renders the value and headers (the key is rendered first: it decides the partition).
  int renderMessage(const TemplateContext& context);
  /// The stamp as text (StampHeaders::kValuePrefix), in stampBuffer_.
  std::string_view stampText(std::int64_t epochMicros, std::int32_t partition);
  void sendBatch(DeliveryBatch& batch, std::uint32_t messages, const InterruptCheck& interrupt);
  /// Tracked mode: collects completed batches; waits for one while `waitWhileAbove` or more
  /// are in flight, up to `timeout`.
  /// finish(), when the wait ran out: purges this session's own producer and counts the rest.
  void purgeUnsent(ProduceOutcome& outcome, std::chrono::milliseconds waited);
  void drainCompleted(ProduceOutcome& outcome, std::size_t waitWhileAbove,
                      std::chrono::milliseconds timeout, const InterruptCheck* interrupt);
  void appendClientError(ProduceOutcome& outcome) const;

  std::shared_ptr<Connection> connection_;
  /// A dedicated client in waited mode is polled by the session itself while it waits: its
  /// delivery reports reach the waiting thread directly, with no thread in between.
  bool servesOwnClient_;
  rd_kafka_s* client_ = nullptr;  ///< the connection's shared producer, or a dedicated one
  ProducerStats& stats_;
  ProducerSettings settings_;
  rd_kafka_topic_s* topic_ = nullptr;
  std::int32_t partitionCount_ = 0;
  std::vector<std::uint64_t> partitionSequences_;  ///< next kn-pseq of each partition
  MessageTemplate key_;
  MessageTemplate value_;
  std::vector<Header> headers_;
  std::shared_ptr<RateLimiter> rateLimiter_;
  std::shared_ptr<const PayloadFile> payloads_;  ///< replaces value_ when set
  std::unique_ptr<SchemaTemplate> keySchema_;    ///< replaces key_ when set
  std::unique_ptr<SchemaTemplate> valueSchema_;  ///< replaces value_ when set
  /// Why the last message a schema template refused did not fit, for the sample's message.
  const std::string* renderProblem_ = nullptr;
  std::string producerId_;
  FastRandom random_;
  std::uint64_t sequence_ = 0;
  std::string keyBuffer_;
  std::string valueBuffer_;
  std::vector<std::string> headerBuffers_;
  bool stampsText_ = false;  ///< a template writes {{stamp}}
  std::string stampBuffer_;
  std::shared_ptr<OutcomeQueue> completed_;  ///< kTrack only
  std::atomic<std::uint64_t> interrupts_{0};
  std::size_t inFlightBatches_ = 0;
  std::uint64_t inFlightMessages_ = 0;
};

}  // namespace kafkanative
