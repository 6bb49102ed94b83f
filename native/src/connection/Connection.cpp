#include "kafkanative/Connection.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <set>

#include "AtomicFigures.hpp"
#include "ClusterFacts.hpp"
#include "ClusterHealth.hpp"
#include "DeliveryBatch.hpp"
#include "EmbeddedCluster.hpp"
#include "Engine.hpp"
#include "FaultSchedule.hpp"
#include "LibrdkafkaLog.hpp"
#include "LiveSeconds.hpp"
#include "ProducerClient.hpp"
#include "RunTimeline.hpp"
#include "SchemaRegistryClient.hpp"
#include "SharedSequence.hpp"
#include "StatsReport.hpp"
#include "kafkanative/ConsumerStats.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"
#include "kafkanative/PayloadFile.hpp"
#include "kafkanative/RateLimiter.hpp"

namespace kafkanative {

namespace {

/// The bound on each request for cluster facts: reports must not hang on a sick cluster.
constexpr std::chrono::milliseconds kFactsTimeout{3000};
// Cluster health is read once a second; a reading the cluster does not answer in 2 s is
// recorded as unanswered rather than delaying the next.
constexpr std::chrono::milliseconds kHealthInterval{1000};
constexpr std::chrono::milliseconds kHealthTimeout{2000};
// How soon a consumer's broker thread looks again at a partition whose local queue was full.
constexpr std::chrono::milliseconds kFetchQueueBackoff{5};
constexpr int kFetchQueueBackoffSince = 0x020300ff;  // librdkafka 2.3.0, rd_kafka_version()
constexpr std::chrono::milliseconds kEmbeddedSessionTimeout{10000};

void setProperty(rd_kafka_conf_t* conf, const std::string& name, const std::string& value) {
  char error[512];
  if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), error, sizeof error) !=
      RD_KAFKA_CONF_OK) {
    std::string reason = error;
    // Some of librdkafka's reasons end in a line break, which would split a result-file row.
    reason.erase(reason.find_last_not_of(" \n") + 1);
    throw KafkaError::invalidArgument("property '" + name + "': " + reason);
  }
}

/// What every client of a connection sets before the user's properties, which override it.
/// Java's Kafka clients always set TCP_NODELAY; librdkafka leaves Nagle's algorithm on, which
/// holds a small request back while an earlier one is unacknowledged (BENCHMARKS.md).
void setClientDefaults(rd_kafka_conf_t* conf) { setProperty(conf, "socket.nagle.disable", "true"); }

// message.timeout.ms is a topic property: librdkafka keeps it in the default topic
// configuration, which exists only once some topic property was set.
std::chrono::milliseconds messageTimeout(rd_kafka_conf_t* conf) {
  constexpr std::chrono::milliseconds kLibrdkafkaDefault{300000};
  const rd_kafka_topic_conf_t* topicConf = rd_kafka_conf_get_default_topic_conf(conf);
  char value[32];
  size_t size = sizeof value;
  if (topicConf == nullptr ||
      rd_kafka_topic_conf_get(topicConf, "message.timeout.ms", value, &size) != RD_KAFKA_CONF_OK) {
    return kLibrdkafkaDefault;
  }
  // 0 is librdkafka's "no limit" (and what an emptied field becomes): a day bounds every wait
  // built on it instead of ending it at once.
  const auto millis = std::stoll(value);
  return millis > 0 ? std::chrono::milliseconds(millis) : std::chrono::hours(24);
}

/// librdkafka's largest message (message.max.bytes), which it enforces locally.
std::size_t messageMaxBytes(rd_kafka_conf_t* conf) {
  char value[32];
  size_t size = sizeof value;
  if (rd_kafka_conf_get(conf, "message.max.bytes", value, &size) != RD_KAFKA_CONF_OK) {
    return 1000000;  // librdkafka's default
  }
  return static_cast<std::size_t>(std::stoull(value));
}

/// Consumer group settings the Kafka Connection's properties may carry for its consumers.
bool isConsumerOnly(const std::string& name) {
  static const std::set<std::string> kConsumerOnly = {"group.id",
                                                      "group.instance.id",
                                                      "session.timeout.ms",
                                                      "heartbeat.interval.ms",
                                                      "max.poll.interval.ms",
                                                      "partition.assignment.strategy",
                                                      "auto.offset.reset",
                                                      "enable.auto.commit",
                                                      "auto.commit.interval.ms",
                                                      "fetch.min.bytes",
                                                      "fetch.wait.max.ms",
                                                      "fetch.max.bytes",
                                                      "max.partition.fetch.bytes",
                                                      "isolation.level",
                                                      "queued.min.messages",
                                                      "queued.max.messages.kbytes",
                                                      "fetch.queue.backoff.ms",
                                                      "check.crcs",
                                                      "enable.partition.eof"};
  return kConsumerOnly.count(name) != 0;
}

/// Settings of the Kafka Connection's producer fields, and others only producers take; a
/// consumer would only warn about them.
bool isProducerOnly(const std::string& name) {
  static const std::set<std::string> kProducerOnly = {"acks",
                                                      "request.required.acks",
                                                      "compression.type",
                                                      "compression.codec",
                                                      "linger.ms",
                                                      "queue.buffering.max.ms",
                                                      "batch.size",
                                                      "batch.num.messages",
                                                      "enable.idempotence",
                                                      "max.in.flight.requests.per.connection",
                                                      "max.in.flight",
                                                      "message.timeout.ms",
                                                      "delivery.timeout.ms",
                                                      "retries",
                                                      "message.send.max.retries",
                                                      "partitioner",
                                                      "queue.buffering.max.messages",
                                                      "queue.buffering.max.kbytes",
                                                      "transactional.id"};
  return kProducerOnly.count(name) != 0;
}

/// The entry `name` of a registry of owned objects, created on first use.
template <typename T>
T& findOrCreate(std::map<std::string, std::unique_ptr<T>>& registry, const std::string& name) {
  auto& entry = registry[name];
  if (!entry) {
    entry = std::make_unique<T>();
  }
  return *entry;
}

}  // namespace

std::shared_ptr<Connection> Connection::open(const ConnectionConfig& config) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<Connection>> live;
  std::lock_guard lock(mutex);
  // Which librdkafka runs decides what a property means and how the consumer fetches: said
  // once per process, in the host's log (jmeter.log).
  static const bool versionLogged = [] {
    NativeLog::logSyslog(6, std::string("librdkafka ") + rd_kafka_version_str());
    return true;
  }();
  (void)versionLogged;
  std::erase_if(live, [](const auto& entry) { return entry.second.expired(); });
  if (live.empty()) {  // a test's first connection: its {{sequence:...}} count from their start
    SharedSequence::restartAll();
  }
  const std::string identity = config.identity();
  if (auto existing = live[identity].lock()) {
    return existing;
  }
  auto connection = std::make_shared<Connection>(config);
  live[identity] = connection;
  return connection;
}

Connection::Connection(const ConnectionConfig& config)
    : timeline_(std::make_unique<RunTimeline>()),
      flushTimeout_(config.flushTimeout),
      properties_(config.properties) {
  if (auto registry = SchemaRegistryConfig::extract(properties_); !registry.urls.empty()) {
    schemaRegistry_ = std::make_unique<SchemaRegistryClient>(std::move(registry));
  }
  if (const auto brokers = EmbeddedCluster::brokersFor(config.bootstrapServers)) {
    embeddedCluster_ = EmbeddedCluster::acquire(*brokers);
    bootstrapServers_ = embeddedCluster_->bootstrapServers();
  } else {
    bootstrapServers_ = config.bootstrapServers;
  }

  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  try {
    setClientDefaults(conf);
    for (const auto& [name, value] : properties_) {
      if (!isConsumerOnly(name)) {  // a producer would only warn about them
        setProperty(conf, name, value);
      }
    }
    setProperty(conf, "bootstrap.servers", bootstrapServers_);
    deliveryTimeout_ = messageTimeout(conf);
    maxMessageBytes_ = messageMaxBytes(conf);
  } catch (...) {
    rd_kafka_conf_destroy(conf);
    throw;
  }
  rd_kafka_conf_set_opaque(conf, this);
  rd_kafka_conf_set_dr_msg_cb(conf, &DeliveryBatch::onDeliveryReport);
  rd_kafka_conf_set_error_cb(conf, &Connection::onClientError);
  rd_kafka_conf_set_throttle_cb(conf, &Connection::onThrottle);
  rd_kafka_conf_set_log_cb(conf, &logFromLibrdkafka);
  if (!config.statisticsFile.empty()) {
    statistics_.open(config.statisticsFile, std::ios::app);
    if (!statistics_) {
      rd_kafka_conf_destroy(conf);
      throw KafkaError::invalidArgument("statistics file: cannot write '" + config.statisticsFile +
                                        "'");
    }
  }
  // Statistics every second unless the user chose an interval: their totals give the bytes
  // per message as sent (batch framing, compression) for the run report.
  if (config.properties.count("statistics.interval.ms") == 0) {
    setProperty(conf, "statistics.interval.ms", "1000");
  }
  rd_kafka_conf_set_stats_cb(conf, &Connection::onStatistics);
  clientConf_ = conf;
  try {
    dedicatedHandle();  // the shared client, created now so configuration errors show at once
  } catch (...) {
    rd_kafka_conf_destroy(clientConf_);
    throw;
  }
  facts_ = std::make_unique<ClusterFacts>(handle(), std::min(deliveryTimeout_, kFactsTimeout));
  health_ = std::make_unique<ClusterHealth>(newMetadataConf(), kHealthInterval,
                                            std::min(deliveryTimeout_, kHealthTimeout));
  liveSeconds_ = std::make_unique<LiveSeconds>(
      timeline_->startTime(), timeline_->startEpochMicros(), [this] { return liveFigures(); });
}

Connection::~Connection() {
  liveSeconds_.reset();    // it reads the figures of everything below
  facts_.reset();          // its queries use the shared client
  health_.reset();         // as do its
  faultSchedule_.reset();  // healthy brokers first, so the flush below can deliver
  clients_.clear();        // flushes while the statistics and delivery counters still exist
  rd_kafka_conf_destroy(clientConf_);
}

rd_kafka_s* Connection::handle() const noexcept { return clients_.front()->handle(); }

void Connection::scheduleFaults(const std::string& schedule) {
  if (!embeddedCluster_) {
    throw KafkaError::invalidArgument("fault schedule: needs the embedded cluster");
  }
  auto faults = FaultSchedule::parse(schedule, embeddedCluster_->brokers());
  std::lock_guard lock(registryMutex_);
  faultSchedule_.reset();
  faultSchedule_ = std::make_unique<FaultSchedule>(*embeddedCluster_, std::move(faults));
}

std::size_t Connection::clientCount() const {
  std::lock_guard lock(registryMutex_);
  return clients_.size();
}

rd_kafka_s* Connection::dedicatedHandle(bool servedByCaller, const std::string& transactionalId,
                                        bool sendsAtOnce) {
  rd_kafka_conf_t* conf = rd_kafka_conf_dup(clientConf_);
  try {
    if (sendsAtOnce) {
      sendAtOnce(conf);
    }
    if (!transactionalId.empty()) {
      setProperty(conf, "transactional.id", transactionalId);
    }
  } catch (...) {
    rd_kafka_conf_destroy(conf);
    throw;
  }
  std::lock_guard lock(registryMutex_);
  return addClient(conf, servedByCaller);
}

rd_kafka_s* Connection::waitedHandle() {
  if (setsLinger()) {
    return handle();  // the user's linger holds for every sample alike
  }
  std::lock_guard lock(registryMutex_);
  if (waitedClient_ == nullptr) {
    rd_kafka_conf_t* conf = rd_kafka_conf_dup(clientConf_);
    sendAtOnce(conf);
    waitedClient_ = addClient(conf, false);
  }
  return waitedClient_;
}

bool Connection::setsLinger() const {
  return setsProperty("linger.ms") || setsProperty("queue.buffering.max.ms");
}

void Connection::sendAtOnce(rd_kafka_conf_s* conf) const {
  // librdkafka holds a message up to linger.ms (5 by default) for others to join its batch: a
  // sample that waits for its one message would take at least that long, 360 samples/s per
  // thread. Java's clients before 4.0 send at once too. Tracked batches keep librdkafka's
  // default, which fills requests (0 ms cost them 40 % of their rate on the embedded cluster).
  if (!setsLinger()) {
    setProperty(conf, "linger.ms", "0");
  }
}

rd_kafka_s* Connection::addClient(rd_kafka_conf_s* conf, bool servedByCaller) {
  clients_.push_back(std::make_unique<ProducerClient>(
      conf, flushTimeout_,
      servedByCaller ? ProducerClient::Serving::kByOwner : ProducerClient::Serving::kOwnThread));
  return clients_.back()->handle();
}

void Connection::closeDedicated(rd_kafka_s* handle) {
  std::unique_ptr<ProducerClient> closing;  // closed outside the lock: it joins its thread
  {
    std::lock_guard lock(registryMutex_);
    const auto found =
        std::find_if(clients_.begin() + 1, clients_.end(),
                     [handle](const auto& client) { return client->handle() == handle; });
    if (found != clients_.end()) {
      closing = std::move(*found);
      clients_.erase(found);
    }
  }
}

void Connection::onClientError(rd_kafka_s* handle, int error, const char* reason, void* opaque) {
  auto* self = static_cast<Connection*>(opaque);
  self->timeline_->onClientError();
  const auto code = static_cast<rd_kafka_resp_err_t>(error);
  std::string text = std::string(rd_kafka_err2name(code)) + ": " + reason;
  NativeLog::logSyslog(code == RD_KAFKA_RESP_ERR__FATAL ? 3 : 4,
                       std::string(rd_kafka_name(handle)) + " " + text);
  std::lock_guard lock(self->lastClientErrorMutex_);
  self->lastClientError_ = std::move(text);
}

int Connection::onStatistics(rd_kafka_s* handle, char* json, size_t length, void* opaque) {
  auto* self = static_cast<Connection*>(opaque);
  const auto totals = nlohmann::json::parse(json, json + length, nullptr, false);
  std::lock_guard lock(self->statisticsMutex_);
  if (self->statistics_.is_open()) {
    self->statistics_.write(json, static_cast<std::streamsize>(length)).put('\n').flush();
  }
  if (totals.is_object()) {
    self->wire_[rd_kafka_name(handle)] = {totals.value("txmsgs", std::uint64_t{0}),
                                          totals.value("txmsg_bytes", std::uint64_t{0}),
                                          totals.value("tx_bytes", std::uint64_t{0})};
  }
  return 0;  // librdkafka frees `json`
}

void Connection::noteTopic(const std::string& topic) {
  facts_->noteTopic(topic);
  health_->watch(topic);
}

void Connection::onThrottle(rd_kafka_s*, const char*, int32_t, int millis, void* opaque) {
  static_cast<Connection*>(opaque)->timeline_->onThrottle(millis, epochMicrosNow());
}

std::string Connection::lastClientError() const {
  std::lock_guard lock(lastClientErrorMutex_);
  return lastClientError_;
}

ProducerStats& Connection::statsFor(const std::string& name) {
  std::lock_guard lock(registryMutex_);
  return findOrCreate(stats_, name);
}

ConsumerStats& Connection::consumerStatsFor(const std::string& name) {
  std::lock_guard lock(registryMutex_);
  return findOrCreate(consumerStats_, name);
}

rd_kafka_conf_s* Connection::newMetadataConf() const {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  try {
    setClientDefaults(conf);
    // Only what reaching the cluster takes: a client that sends nothing needs no producer or
    // consumer settings (a transactional.id would fence the run's own producer), and its
    // statistics would be queued for no one.
    for (const auto& [name, value] : properties_) {
      if (!isProducerOnly(name) && !isConsumerOnly(name) && name != "statistics.interval.ms") {
        setProperty(conf, name, value);
      }
    }
    setProperty(conf, "bootstrap.servers", bootstrapServers_);
    // A new client connects to every broker at once and asks the first that answers: with
    // sparse connections it would try one at a time, and wait on one that does not answer.
    setProperty(conf, "enable.sparse.connections", "false");
  } catch (...) {
    rd_kafka_conf_destroy(conf);
    throw;
  }
  rd_kafka_conf_set_log_cb(conf, &logFromLibrdkafka);
  return conf;
}

rd_kafka_conf_s* Connection::newConsumerConf() const {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  try {
    setClientDefaults(conf);
    for (const auto& [name, value] : properties_) {
      if (!isProducerOnly(name)) {
        setProperty(conf, name, value);
      }
    }
    setProperty(conf, "bootstrap.servers", bootstrapServers_);
    // A partition whose local queue holds queued.min.messages (or .kbytes) is parked until its
    // broker thread looks again: 1 s later by default, as the thread has nothing else to wake
    // it (DESIGN.md, "Consumers fetch without stalls"). A load test's consumer that is a
    // little slower than the cluster fills the queue, so it drained at a seventh of kcat on a
    // real broker. librdkafka 2.3 made the wait configurable; a user's value still wins.
    if (rd_kafka_version() >= kFetchQueueBackoffSince && !setsProperty("fetch.queue.backoff.ms")) {
      setProperty(conf, "fetch.queue.backoff.ms", std::to_string(kFetchQueueBackoff.count()));
    }
    // The embedded cluster's brokers (librdkafka's mock) end a rebalance of an established
    // group only after session.timeout.ms less 1 s, even once every member has rejoined, where a
    // Kafka broker ends it then: 44 s with 2.8.0's default. There, consumers default to 10 s
    // (Kafka's default before 3.0), so a second rebalance (a late member, a topic created after
    // the subscription) costs 9 s.
    if (embeddedCluster_ && !setsProperty("session.timeout.ms")) {
      setProperty(conf, "session.timeout.ms", std::to_string(kEmbeddedSessionTimeout.count()));
    }
  } catch (...) {
    rd_kafka_conf_destroy(conf);  // a property librdkafka refuses must not leak the rest
    throw;
  }
  rd_kafka_conf_set_log_cb(conf, &logFromLibrdkafka);
  return conf;
}

std::shared_ptr<RateLimiter> Connection::rateLimiter(const std::string& group,
                                                     double messagesPerSecond) {
  std::lock_guard lock(registryMutex_);
  auto& limiter = rateLimiters_[group];
  if (!limiter) {
    limiter = std::make_shared<RateLimiter>(messagesPerSecond);
  }
  return limiter;
}

std::shared_ptr<const PayloadFile> Connection::payloadFile(const std::string& path) {
  std::lock_guard lock(registryMutex_);
  auto& payloads = payloadFiles_[path];
  if (!payloads) {
    payloads = std::make_shared<const PayloadFile>(path);
  }
  return payloads;
}

std::string Connection::summaryText() const {
  std::string text;
  std::lock_guard lock(registryMutex_);
  for (const auto& [name, stats] : stats_) {
    text += name + ": " + statsText(*stats) + "\n";
  }
  for (const auto& [name, stats] : consumerStats_) {
    text += name + ": " + consumerText(*stats) + "\n";
  }
  return text + disruptionsText(timeline_->disruptions());
}

std::string Connection::liveFigures() const {
  std::string lines;
  std::lock_guard lock(registryMutex_);
  for (const auto& [name, stats] : stats_) {
    lines += liveLine(name, *stats);
  }
  for (const auto& [name, stats] : consumerStats_) {
    lines += liveLine(name, *stats);
  }
  const auto health = health_->last();
  return lines + "connection\t\tengine=" + Engine::name() +
         "\tthrottledMillis=" + std::to_string(timeline_->throttledMillis()) +
         "\tclientErrors=" + std::to_string(timeline_->clientErrors()) +
         "\tbrokers=" + std::to_string(health.brokers) +
         "\tpartitions=" + std::to_string(health.partitions) +
         "\tunderReplicated=" + std::to_string(health.underReplicated) +
         "\toffline=" + std::to_string(health.offline) + "\n";
}

const std::string& Connection::engineName() { return Engine::name(); }

std::string Connection::liveSeconds() const { return liveSeconds_->text(); }

std::string Connection::summaryJson() const {
  ProducerStats totals;
  nlohmann::json samplers = nlohmann::json::object();
  {
    std::lock_guard lock(registryMutex_);
    for (const auto& [name, stats] : stats_) {
      totals.add(*stats);
      samplers[name] = statsJson(*stats);
    }
  }
  nlohmann::json consumers = nlohmann::json::object();
  {
    std::lock_guard lock(registryMutex_);
    for (const auto& [name, stats] : consumerStats_) {
      consumers[name] = consumerJson(*stats);
    }
  }
  nlohmann::json summary = statsJson(totals);
  summary["consumers"] = std::move(consumers);
  summary["bootstrapServers"] = bootstrapServers_;
  summary["embedded"] = embedded();
  // The bounds in force, whatever the plan said or left out (0: librdkafka's no limit).
  summary["deliveryTimeoutMs"] =
      deliveryTimeout_ == std::chrono::hours(24) ? 0 : deliveryTimeout_.count();
  summary["flushTimeoutMs"] = flushTimeout_.count();
  summary["librdkafka"] = rd_kafka_version_str();
  summary["engine"] = Engine::name();
  summary["producerClients"] = clientCount();
  summary["samplers"] = std::move(samplers);
  summary["timeline"] = timeline_->json();
  summary["cluster"] = facts_->collect();
  summary["health"] = health_->json();
  {
    std::lock_guard lock(statisticsMutex_);
    WireTotals total;
    for (const auto& [client, sent] : wire_) {
      total.messages += sent.messages;
      total.messageBytes += sent.messageBytes;
      total.requestBytes += sent.requestBytes;
    }
    summary["wire"] = {{"messages", total.messages},  // as of each client's last statistics
                       {"messageBytes", total.messageBytes},
                       {"requestBytes", total.requestBytes}};
  }
  {
    std::lock_guard lock(registryMutex_);
    summary["faults"] = faultSchedule_ ? faultSchedule_->appliedJson() : nlohmann::json::array();
  }
  return summary.dump(2);
}

}  // namespace kafkanative
