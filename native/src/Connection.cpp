#include "kafkanative/Connection.hpp"

#include <librdkafka/rdkafka.h>

#include <cstdio>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>

#include "DeliveryBatch.hpp"
#include "EmbeddedCluster.hpp"
#include "LibrdkafkaLog.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"
#include "kafkanative/PayloadFile.hpp"
#include "kafkanative/RateLimiter.hpp"

namespace kafkanative {

namespace {

constexpr std::chrono::milliseconds kPollInterval{100};

void setProperty(rd_kafka_conf_t* conf, const std::string& name, const std::string& value) {
  char error[512];
  if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), error, sizeof error) !=
      RD_KAFKA_CONF_OK) {
    throw KafkaError::invalidArgument("property '" + name + "': " + error);
  }
}

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
  return std::chrono::milliseconds(std::stoll(value));
}

nlohmann::json histogramJson(const LatencyHistogram& h) {
  return {{"count", h.count()},          {"mean", h.mean()},
          {"p50", h.percentile(50)},     {"p90", h.percentile(90)},
          {"p99", h.percentile(99)},     {"p99_9", h.percentile(99.9)},
          {"max", h.max()}};
}

nlohmann::json statsJson(const ProducerStats& s) {
  const std::int64_t first = s.firstSendEpochMicros.load();
  const std::int64_t last = s.lastAckEpochMicros.load();
  const double seconds = last > first ? static_cast<double>(last - first) / 1e6 : 0.0;
  const auto acked = s.acked.load();
  const auto bytes = s.ackedBytes.load();
  nlohmann::json json = {
      {"sent", s.sent.load()},
      {"acked", acked},
      {"failed", s.failed.load()},
      {"ackedBytes", bytes},
      {"queueFullRetries", s.queueFullRetries.load()},
      {"firstSendEpochMicros", first},
      {"lastAckEpochMicros", last},
      {"seconds", seconds},
      {"messagesPerSecond", seconds > 0 ? static_cast<double>(acked) / seconds : 0.0},
      {"megabytesPerSecond", seconds > 0 ? static_cast<double>(bytes) / 1e6 / seconds : 0.0},
      {"ackLatencyMicros", histogramJson(s.ackLatency)}};
  if (const double target = s.targetRate.load(); target > 0) {
    json["targetMessagesPerSecond"] = target;
    json["scheduleLagMicros"] = s.scheduleLagMicros.load();
    json["intendedLatencyMicros"] = histogramJson(s.intendedLatency);
  }
  return json;
}

std::string millis(std::uint64_t micros) {
  char text[32];
  std::snprintf(text, sizeof text, "%.2f", static_cast<double>(micros) / 1000.0);
  return text;
}

std::string histogramText(const LatencyHistogram& h) {
  return "mean " + millis(static_cast<std::uint64_t>(h.mean())) + " p50 " +
         millis(h.percentile(50)) + " p90 " + millis(h.percentile(90)) + " p99 " +
         millis(h.percentile(99)) + " p99.9 " + millis(h.percentile(99.9)) + " max " +
         millis(h.max());
}

std::string statsText(const ProducerStats& s) {
  const auto json = statsJson(s);
  char rates[96];
  std::snprintf(rates, sizeof rates, "%.0f msgs/s, %.2f MB/s",
                json["messagesPerSecond"].get<double>(), json["megabytesPerSecond"].get<double>());
  std::string text = std::to_string(s.sent.load()) + " sent, " + std::to_string(s.acked.load()) +
                     " acked, " + std::to_string(s.failed.load()) + " failed, " + rates +
                     "; ack latency ms: " + histogramText(s.ackLatency);
  if (s.targetRate.load() > 0) {
    text += "; intended-time latency ms: " + histogramText(s.intendedLatency) + "; target " +
            std::to_string(static_cast<long long>(s.targetRate.load())) +
            " msgs/s, behind schedule by " +
            millis(static_cast<std::uint64_t>(s.scheduleLagMicros.load())) + " ms";
  }
  return text;
}

}  // namespace

std::shared_ptr<Connection> Connection::open(const ConnectionConfig& config) {
  static std::mutex mutex;
  static std::map<std::string, std::weak_ptr<Connection>> live;
  std::lock_guard lock(mutex);
  std::erase_if(live, [](const auto& entry) { return entry.second.expired(); });
  const std::string identity = config.identity();
  if (auto existing = live[identity].lock()) {
    return existing;
  }
  auto connection = std::make_shared<Connection>(config);
  live[identity] = connection;
  return connection;
}

Connection::Connection(const ConnectionConfig& config) : flushTimeout_(config.flushTimeout) {
  if (const auto brokers = EmbeddedCluster::brokersFor(config.bootstrapServers)) {
    embeddedCluster_ = EmbeddedCluster::acquire(*brokers);
    bootstrapServers_ = embeddedCluster_->bootstrapServers();
  } else {
    bootstrapServers_ = config.bootstrapServers;
  }

  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  try {
    for (const auto& [name, value] : config.properties) {
      setProperty(conf, name, value);
    }
    setProperty(conf, "bootstrap.servers", bootstrapServers_);
    deliveryTimeout_ = messageTimeout(conf);
  } catch (...) {
    rd_kafka_conf_destroy(conf);
    throw;
  }
  rd_kafka_conf_set_opaque(conf, this);
  rd_kafka_conf_set_dr_msg_cb(conf, &DeliveryBatch::onDeliveryReport);
  rd_kafka_conf_set_error_cb(conf, &Connection::onClientError);
  rd_kafka_conf_set_log_cb(conf, &logFromLibrdkafka);
  if (!config.statisticsFile.empty()) {
    statistics_.open(config.statisticsFile, std::ios::app);
    if (!statistics_) {
      rd_kafka_conf_destroy(conf);
      throw KafkaError::invalidArgument("statistics file: cannot write '" +
                                        config.statisticsFile + "'");
    }
    rd_kafka_conf_set_stats_cb(conf, &Connection::onStatistics);
  }

  char error[512];
  handle_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (handle_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(error);
  }
  poller_ = std::jthread([this](const std::stop_token& stop) { pollUntilStopped(stop); });
}

Connection::~Connection() {
  poller_.request_stop();
  poller_.join();
  flushAndPurge();
  rd_kafka_destroy(handle_);
}

void Connection::pollUntilStopped(const std::stop_token& stop) {
  while (!stop.stop_requested()) {
    rd_kafka_poll(handle_, static_cast<int>(kPollInterval.count()));
  }
}

void Connection::flushAndPurge() {
  if (rd_kafka_flush(handle_, static_cast<int>(flushTimeout_.count())) ==
      RD_KAFKA_RESP_ERR_NO_ERROR) {
    return;
  }
  NativeLog::warn(std::to_string(rd_kafka_outq_len(handle_)) +
                  " messages still in flight after the flush timeout of " +
                  std::to_string(flushTimeout_.count()) + " ms; purging them");
  rd_kafka_purge(handle_, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
  // Serves the purge's delivery reports so every waiting sample completes.
  rd_kafka_flush(handle_, static_cast<int>(kPollInterval.count()));
}

void Connection::onClientError(rd_kafka_s* handle, int error, const char* reason, void* opaque) {
  auto* self = static_cast<Connection*>(opaque);
  const auto code = static_cast<rd_kafka_resp_err_t>(error);
  std::string text = std::string(rd_kafka_err2name(code)) + ": " + reason;
  NativeLog::logSyslog(code == RD_KAFKA_RESP_ERR__FATAL ? 3 : 4,
                       std::string(rd_kafka_name(handle)) + " " + text);
  self->lastClientError_.store(std::make_shared<const std::string>(std::move(text)));
}

int Connection::onStatistics(rd_kafka_s*, char* json, size_t length, void* opaque) {
  auto& out = static_cast<Connection*>(opaque)->statistics_;
  out.write(json, static_cast<std::streamsize>(length)).put('\n').flush();
  return 0;  // librdkafka frees `json`
}

std::string Connection::lastClientError() const {
  const auto error = lastClientError_.load();
  return error ? *error : std::string();
}

ProducerStats& Connection::statsFor(const std::string& name) {
  std::lock_guard lock(registryMutex_);
  auto& stats = stats_[name];
  if (!stats) {
    stats = std::make_unique<ProducerStats>();
  }
  return *stats;
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
  return text;
}

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
  nlohmann::json summary = statsJson(totals);
  summary["bootstrapServers"] = bootstrapServers_;
  summary["embedded"] = embedded();
  summary["samplers"] = std::move(samplers);
  return summary.dump(2);
}

}  // namespace kafkanative
