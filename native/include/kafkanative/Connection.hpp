#pragma once

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "kafkanative/ConnectionConfig.hpp"
#include "kafkanative/ProducerStats.hpp"

struct rd_kafka_s;

namespace kafkanative {

class EmbeddedCluster;
class PayloadFile;
class RateLimiter;

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
  /// The embedded cluster, for fault injection; null when connected to a real cluster.
  EmbeddedCluster* embeddedCluster() const noexcept { return embeddedCluster_.get(); }
  /// librdkafka's `message.timeout.ms`: the bound on every delivery report.
  std::chrono::milliseconds deliveryTimeout() const noexcept { return deliveryTimeout_; }

  /// The statistics shared by the sessions named `name` (one sampler); created on first use
  /// and kept as long as the connection.
  ProducerStats& statsFor(const std::string& name);

  /// The send schedule shared by the sessions of `group`; created at `messagesPerSecond` by
  /// the first session that asks, so later sessions join the running schedule.
  std::shared_ptr<RateLimiter> rateLimiter(const std::string& group, double messagesPerSecond);

  /// The payloads of `path`, read once and shared by every session that uses them.
  std::shared_ptr<const PayloadFile> payloadFile(const std::string& path);

  /// The last error librdkafka reported for the client as a whole (e.g. "all brokers down"),
  /// empty if none; appended to failed samples' messages to say why they failed.
  std::string lastClientError() const;

  /// Counters, rates and latency percentiles as a JSON document: totals, then per sampler.
  std::string summaryJson() const;

  /// The same, as one human-readable line per sampler (for jmeter.log).
  std::string summaryText() const;

  rd_kafka_s* handle() const noexcept { return handle_; }

 private:
  static void onClientError(rd_kafka_s* handle, int error, const char* reason, void* opaque);
  static int onStatistics(rd_kafka_s* handle, char* json, size_t length, void* opaque);
  void pollUntilStopped(const std::stop_token& stop);
  void flushAndPurge();

  std::shared_ptr<EmbeddedCluster> embeddedCluster_;
  std::string bootstrapServers_;
  std::chrono::milliseconds flushTimeout_;
  std::chrono::milliseconds deliveryTimeout_{};
  mutable std::mutex registryMutex_;  // guards the maps below, touched once per session
  std::map<std::string, std::unique_ptr<ProducerStats>> stats_;
  std::map<std::string, std::shared_ptr<RateLimiter>> rateLimiters_;
  std::map<std::string, std::shared_ptr<const PayloadFile>> payloadFiles_;
  std::atomic<std::shared_ptr<const std::string>> lastClientError_;
  std::ofstream statistics_;  // written only by the thread serving callbacks
  rd_kafka_s* handle_ = nullptr;
  std::jthread poller_;
};

}  // namespace kafkanative
