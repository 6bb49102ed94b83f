#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "kafkanative/MessageTemplate.hpp"
#include "kafkanative/ProduceOutcome.hpp"
#include "kafkanative/ProducerSettings.hpp"

struct rd_kafka_topic_s;

namespace kafkanative {

class Connection;

/// One sampler's view of a shared Connection: compiled templates, the topic handle and the
/// message sequence. Not thread-safe: each JMeter thread owns its own session.
class ProducerSession {
 public:
  /// The most messages one sample may ask for; bounds the memory a typo can claim.
  static constexpr std::uint32_t kMaxMessagesPerSample = 10'000'000;

  /// Throws KafkaError for an invalid topic name or template.
  ProducerSession(std::shared_ptr<Connection> connection, const ProducerSettings& settings);
  ~ProducerSession();
  ProducerSession(const ProducerSession&) = delete;
  ProducerSession& operator=(const ProducerSession&) = delete;

  /// Sends `messages` messages and waits for every delivery report (bounded by the
  /// connection's delivery timeout). Failures are reported in the outcome, not thrown.
  ProduceOutcome produce(std::uint32_t messages);

 private:
  /// Enqueues one message, waiting politely while librdkafka's queue is full.
  int enqueue(void* batch);

  std::shared_ptr<Connection> connection_;
  rd_kafka_topic_s* topic_ = nullptr;
  MessageTemplate key_;
  MessageTemplate value_;
  std::uint64_t sequence_ = 0;
  std::string keyBuffer_;
  std::string valueBuffer_;
};

}  // namespace kafkanative
