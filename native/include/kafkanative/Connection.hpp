#pragma once

#include <chrono>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "kafkanative/ConnectionConfig.hpp"
#include "kafkanative/ProducerStats.hpp"

struct rd_kafka_s;
struct rd_kafka_conf_s;

namespace kafkanative {

struct ConsumerStats;
class ClusterFacts;
class ClusterHealth;
class EmbeddedCluster;
class FaultSchedule;
class ProducerClient;
class PayloadFile;
class RateLimiter;
class LiveSeconds;
class RunTimeline;
class SchemaRegistryClient;

/// The Kafka producer side of one ConnectionConfig, shared by every session with that
/// configuration in this process: one librdkafka producer that all sessions share
/// (librdkafka clients are thread-safe and batch best when shared), plus a dedicated one for
/// each session that asks for its own. Closing flushes every client (see ProducerClient).
/// Statistics live here, per sampler, for the run summary.
class Connection {
 public:
  /// Returns the live connection for `config`, creating it (and the embedded cluster, when
  /// the bootstrap asks for one) on first use. Throws KafkaError for invalid configuration.
  static std::shared_ptr<Connection> open(const ConnectionConfig& config);

  /// This process as an engine of a distributed test ("host:pid"), as summaries name it.
  static const std::string& engineName();

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
  /// How long the end of a test (or of a producing thread) waits for messages in flight.
  std::chrono::milliseconds flushTimeout() const noexcept { return flushTimeout_; }
  /// The largest message librdkafka accepts (message.max.bytes).
  std::size_t maxMessageBytes() const noexcept { return maxMessageBytes_; }

  /// The statistics shared by the sessions named `name` (one sampler); created on first use
  /// and kept as long as the connection.
  ProducerStats& statsFor(const std::string& name);

  /// The connection's second-by-second record, for run reports.
  RunTimeline& timeline() noexcept { return *timeline_; }

  /// Remembers `topic`'s offsets at its first use in the run, for the summary's cluster facts.
  /// Producer sessions call it (their topic exists or is being created anyway); consumers do
  /// not, so a metadata request never auto-creates a topic a consumer merely names.
  void noteTopic(const std::string& topic);

  /// The consumer statistics (and sequence verification) shared by the sessions named `name`.
  ConsumerStats& consumerStatsFor(const std::string& name);

  /// A new librdkafka configuration for a consumer of this connection: its properties minus
  /// the producer-only ones, the bootstrap servers, and logging into the core's log.
  rd_kafka_conf_s* newConsumerConf() const;
  /// Whether the connection's properties set `name` (so a default of the plugin's must yield).
  bool setsProperty(const std::string& name) const { return properties_.count(name) != 0; }

  /// The send schedule shared by the sessions of `group`; created at `messagesPerSecond` by
  /// the first session that asks, so later sessions join the running schedule.
  std::shared_ptr<RateLimiter> rateLimiter(const std::string& group, double messagesPerSecond);

  /// The payloads of `path`, read once and shared by every session that uses them.
  std::shared_ptr<const PayloadFile> payloadFile(const std::string& path);

  /// The last error librdkafka reported for the client as a whole (e.g. "all brokers down"),
  /// empty if none; appended to failed samples' messages to say why they failed.
  std::string lastClientError() const;

  /// Starts a fault schedule on the embedded cluster (see FaultSchedule for the syntax);
  /// throws KafkaError for a malformed schedule or a connection to a real cluster.
  void scheduleFaults(const std::string& schedule);

  /// Counters, rates and latency percentiles as a JSON document: totals, then per sampler.
  std::string summaryJson() const;

  /// The same, as one human-readable line per sampler (for jmeter.log).
  std::string summaryText() const;
  /// Every sampler's live figures, one line each (see StatsReport's liveLine), then the
  /// connection's own ("connection" and an empty name: the engine, throttling, client errors,
  /// the cluster's health), for a view
  /// that refreshes while the test runs.
  std::string liveFigures() const;
  /// The live figures as they stood at the end of each of the last seconds (LiveSeconds), for
  /// outputs that report each second.
  std::string liveSeconds() const;

  /// The Schema Registry client of the connection's `schema.registry.*` properties; null
  /// when they name none.
  SchemaRegistryClient* schemaRegistry() const noexcept { return schemaRegistry_.get(); }

  /// The shared librdkafka producer.
  rd_kafka_s* handle() const noexcept;
  /// The shared producer of sessions that wait for each sample's delivery reports: one that
  /// sends each message at once (linger.ms=0), created at first use, unless the connection's
  /// properties set the linger — then the shared producer itself.
  rd_kafka_s* waitedHandle();
  /// A new librdkafka producer for one session alone, closed with the connection. With
  /// `servedByCaller`, it has no thread serving its callbacks: the session must poll it
  /// (rd_kafka_poll) whenever it waits for delivery reports. A `transactionalId` makes it a
  /// transactional producer (its owner initialises and ends its transactions). With
  /// `sendsAtOnce`, it sends each message at once unless the connection sets the linger.
  rd_kafka_s* dedicatedHandle(bool servedByCaller = false, const std::string& transactionalId = {},
                              bool sendsAtOnce = false);
  /// Closes a dedicated producer whose session failed to open (it has nothing in flight).
  void closeDedicated(rd_kafka_s* handle);
  /// How many librdkafka producers the connection holds: the shared one plus dedicated ones.
  std::size_t clientCount() const;

 private:
  /// Whether the connection's properties set librdkafka's linger (under either name).
  /// The configuration of the cluster health reader's clients: the connection's properties
  /// that are neither producer nor consumer settings.
  rd_kafka_conf_s* newMetadataConf() const;
  bool setsLinger() const;
  /// Sets linger.ms=0 in `conf` unless the connection's properties set the linger.
  void sendAtOnce(rd_kafka_conf_s* conf) const;
  /// Creates a producer from `conf` (taking it) into clients_, served by its caller or by a
  /// thread of its own (see dedicatedHandle); call with registryMutex_ held.
  rd_kafka_s* addClient(rd_kafka_conf_s* conf, bool servedByCaller);
  static void onClientError(rd_kafka_s* handle, int error, const char* reason, void* opaque);
  static int onStatistics(rd_kafka_s* handle, char* json, size_t length, void* opaque);
  static void onThrottle(rd_kafka_s* handle, const char* broker, int32_t brokerId, int millis,
                         void* opaque);

  std::shared_ptr<EmbeddedCluster> embeddedCluster_;
  std::unique_ptr<RunTimeline> timeline_;  ///< outlives the clients, whose reports it records
  std::unique_ptr<ClusterFacts> facts_;
  std::unique_ptr<ClusterHealth> health_;         ///< reads the producers' topics once a second
  std::unique_ptr<FaultSchedule> faultSchedule_;  ///< restores the brokers when destroyed
  std::string bootstrapServers_;
  std::chrono::milliseconds flushTimeout_;
  std::map<std::string, std::string> properties_;  ///< librdkafka's, without schema.registry.*
  std::unique_ptr<SchemaRegistryClient> schemaRegistry_;
  rd_kafka_conf_s* clientConf_ = nullptr;  ///< every client is created from a copy of it
  std::chrono::milliseconds deliveryTimeout_{};
  std::size_t maxMessageBytes_ = 0;
  mutable std::mutex registryMutex_;  // guards the maps below, touched once per session
  std::map<std::string, std::unique_ptr<ProducerStats>> stats_;
  std::map<std::string, std::unique_ptr<ConsumerStats>> consumerStats_;
  std::map<std::string, std::shared_ptr<RateLimiter>> rateLimiters_;
  std::map<std::string, std::shared_ptr<const PayloadFile>> payloadFiles_;
  // Set by librdkafka's error callback, read when a failure is reported. (A mutex, not
  // std::atomic<std::shared_ptr>: libc++ has none, and the portable build uses libc++.)
  mutable std::mutex lastClientErrorMutex_;
  std::string lastClientError_;         // guarded by lastClientErrorMutex_
  std::ofstream statistics_;            // written by the threads serving callbacks, one per client
  mutable std::mutex statisticsMutex_;  // guards statistics_ and wire_
  /// librdkafka's running totals per client (by name): messages sent, their bytes, and the
  /// bytes of every request sent to brokers (framing, compression and protocol included).
  struct WireTotals {
    std::uint64_t messages = 0;
    std::uint64_t messageBytes = 0;
    std::uint64_t requestBytes = 0;
  };
  std::map<std::string, WireTotals> wire_;
  std::vector<std::unique_ptr<ProducerClient>> clients_;  // [0] is the shared one
  rd_kafka_s* waitedClient_ = nullptr;                    ///< in clients_, once a session asks
  std::unique_ptr<LiveSeconds> liveSeconds_;              ///< reads liveFigures(): destroyed first
};

}  // namespace kafkanative
