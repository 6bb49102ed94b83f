#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <librdkafka/rdkafka.h>
#include <librdkafka/rdkafka_mock.h>

namespace kafkanative {

/// librdkafka's in-process mock cluster: real Kafka protocol on loopback sockets, so any
/// client (kcat, another JVM) can connect. One cluster per broker count, shared by every
/// connection in the process that asks for it, and stopped when the last one lets go.
class EmbeddedCluster {
 public:
  static constexpr int kDefaultBrokers = 3;

  /// Parses `""`, `embedded` or `embedded:N`; returns the broker count, or nothing when
  /// `bootstrap` names a real cluster. Throws KafkaError for a malformed N.
  static std::optional<int> brokersFor(const std::string& bootstrap);

  /// The shared cluster with `brokers` brokers, started on first use.
  static std::shared_ptr<EmbeddedCluster> acquire(int brokers);

  explicit EmbeddedCluster(int brokers);
  ~EmbeddedCluster();
  EmbeddedCluster(const EmbeddedCluster&) = delete;
  EmbeddedCluster& operator=(const EmbeddedCluster&) = delete;

  const std::string& bootstrapServers() const noexcept { return bootstrapServers_; }
  int brokers() const noexcept { return brokers_; }

  /// Fault injection: adds `rtt` of round-trip delay to every response of broker `broker`
  /// (1..brokers()); zero removes it.
  void setBrokerRtt(int broker, std::chrono::milliseconds rtt);

  /// Fault injection: broker `broker` drops its connections and refuses new ones (`down`),
  /// or accepts them again. Leadership does not move: its partitions wait for it.
  void setBrokerDown(int broker, bool down);

  /// Fault injection: the next `count` requests of protocol type `apiKey` (0 Produce,
  /// 1 Fetch, ...) to any broker fail with `error`.
  void failRequests(std::int16_t apiKey, std::size_t count, rd_kafka_resp_err_t error);

  /// Fault injection: broker `broker` becomes the leader of `topic`'s `partition` (clients
  /// learn it from NOT_LEADER errors and metadata, as after a real leader election).
  void moveLeader(const std::string& topic, int partition, int broker);

  /// Fault injection: metadata for `topic` reports `error` (e.g. LEADER_NOT_AVAILABLE, as
  /// while a topic is being created) until called again with NO_ERROR.
  void setTopicError(const std::string& topic, rd_kafka_resp_err_t error);

  /// Creates `topic` with `partitions` partitions, replicated on up to 3 brokers (the mock
  /// cluster answers no CreateTopics requests of its own).
  void createTopic(const std::string& topic, int partitions);

 private:
  rd_kafka_t* owner_ = nullptr;  // the mock cluster lives inside this client handle
  rd_kafka_mock_cluster_t* cluster_ = nullptr;
  std::string bootstrapServers_;
  int brokers_;
};

}  // namespace kafkanative
