#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "kafkanative/ConnectionConfig.hpp"
#include "kafkanative/ProducerStats.hpp"

struct rd_kafka_s;

namespace kafkanative {

class EmbeddedCluster;

/// One librdkafka producer shared by every session with the same ConnectionConfig in this
/// process (librdkafka clients are thread-safe and batch best when shared). Owns a poller
/// thread that serves delivery callbacks; closing flushes in-flight messages up to the
/// configured timeout and purges the rest, so every waiting sample gets an outcome.
class Connection {
 public:
  /// Returns the live connection for `config`, creating it (and the embedded cluster, when
  /// the bootstrap asks for one) on first use. Throws KafkaError for invalid configuration.
  static std::shared_ptr<Connection> open(const ConnectionConfig& config);

  explicit Connection(const ConnectionConfig& config);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  /// The servers actually used: the embedded cluster's address when it was asked for.
  const std::string& bootstrapServers() const noexcept { return bootstrapServers_; }
  bool embedded() const noexcept { return embeddedCluster_ != nullptr; }
  /// librdkafka's `message.timeout.ms`: the bound on every delivery report.
  std::chrono::milliseconds deliveryTimeout() const noexcept { return deliveryTimeout_; }

  const ProducerStats& stats() const noexcept { return stats_; }
  ProducerStats& stats() noexcept { return stats_; }

  /// The last error librdkafka reported for the client as a whole (e.g. "all brokers down"),
  /// empty if none; appended to failed samples' messages to say why they failed.
  std::string lastClientError() const;

  /// Counters and ack-latency percentiles as a JSON document.
  std::string summaryJson() const;

  rd_kafka_s* handle() const noexcept { return handle_; }

 private:
  static void onClientError(rd_kafka_s* handle, int error, const char* reason, void* opaque);
  void pollUntilStopped(const std::stop_token& stop);
  void flushAndPurge();

  std::shared_ptr<EmbeddedCluster> embeddedCluster_;
  std::string bootstrapServers_;
  std::chrono::milliseconds flushTimeout_;
  std::chrono::milliseconds deliveryTimeout_{};
  ProducerStats stats_;
  std::atomic<std::shared_ptr<const std::string>> lastClientError_;
  rd_kafka_s* handle_ = nullptr;
  std::jthread poller_;
};

}  // namespace kafkanative
