#include "EmbeddedCluster.hpp"

#ifndef _WIN32
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#endif

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <vector>

#include "LibrdkafkaLog.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

namespace {
constexpr std::string_view kEmbedded = "embedded";
constexpr int kMaxBrokers = 32;

#ifndef _WIN32
/// The ports of a `host:port,host:port` list.
std::set<std::uint16_t> portsOf(const std::string& servers) {
  std::set<std::uint16_t> ports;
  for (std::size_t start = 0; start < servers.size();) {
    const auto end = std::min(servers.find(',', start), servers.size());
    const auto colon = servers.rfind(':', end - 1);
    std::uint16_t port = 0;
    if (colon != std::string::npos && colon >= start &&
        std::from_chars(servers.data() + colon + 1, servers.data() + end, port).ec == std::errc()) {
      ports.insert(port);
    }
    start = end + 1;
  }
  return ports;
}

/// Whether `fd` is a listening TCP socket on one of `ports`.
bool listensOn(int fd, const std::set<std::uint16_t>& ports) {
  int listening = 0;
  socklen_t length = sizeof listening;
  if (getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &length) != 0 || listening == 0) {
    return false;
  }
  sockaddr_storage address{};
  length = sizeof address;
  if (getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    return false;
  }
  if (address.ss_family == AF_INET) {
    return ports.count(ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port)) != 0;
  }
  return address.ss_family == AF_INET6 &&
         ports.count(ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port)) != 0;
}

#endif

/// Kafka brokers set TCP_NODELAY on every connection they accept; librdkafka's mock brokers do
/// not. A client without Nagle (the plugin's default) can then have two requests answered
/// back to back, and the second answer waits for the client's delayed ACK: 100–160 ms stalls,
/// seen under AddressSanitizer. Linux gives the connections a listening socket accepts its
/// TCP_NODELAY, so the brokers' listeners (found among this process's descriptors by port)
/// get it. Elsewhere (no /proc; Windows) the mock keeps its own behaviour.
void answerWithoutNagle([[maybe_unused]] const std::string& bootstrapServers) {
#ifndef _WIN32
  const auto ports = portsOf(bootstrapServers);
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd", error)) {
    int fd = -1;
    const auto name = entry.path().filename().string();
    if (std::from_chars(name.data(), name.data() + name.size(), fd).ec == std::errc() &&
        listensOn(fd, ports)) {
      const int on = 1;
      setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
    }
  }
#endif
}
}  // namespace

std::optional<int> EmbeddedCluster::brokersFor(const std::string& bootstrap) {
  if (bootstrap.empty() || bootstrap == kEmbedded) {
    return kDefaultBrokers;
  }
  if (!bootstrap.starts_with(std::string(kEmbedded) + ":")) {
    return std::nullopt;
  }
  const char* first = bootstrap.data() + kEmbedded.size() + 1;
  const char* last = bootstrap.data() + bootstrap.size();
  int brokers = 0;
  const auto [end, error] = std::from_chars(first, last, brokers);
  if (error != std::errc() || end != last || brokers < 1 || brokers > kMaxBrokers) {
    throw KafkaError::invalidArgument("bootstrap servers: '" + bootstrap +
                                      "' must be embedded:N with N from 1 to " +
                                      std::to_string(kMaxBrokers));
  }
  return brokers;
}

std::shared_ptr<EmbeddedCluster> EmbeddedCluster::acquire(int brokers) {
  static std::mutex mutex;
  static std::map<int, std::weak_ptr<EmbeddedCluster>> clusters;
  std::lock_guard lock(mutex);
  if (auto existing = clusters[brokers].lock()) {
    return existing;
  }
  auto cluster = std::make_shared<EmbeddedCluster>(brokers);
  clusters[brokers] = cluster;
  return cluster;
}

EmbeddedCluster::EmbeddedCluster(int brokers) : brokers_(brokers) {
  char error[512];
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  // The owner handle never connects anywhere; it only hosts the mock cluster's threads.
  rd_kafka_conf_set(conf, "client.id", "kafkanative-embedded-cluster", nullptr, 0);
  rd_kafka_conf_set_log_cb(conf, &logFromLibrdkafka);
  // It has no bootstrap servers by design; librdkafka's notice saying so is only noise.
  rd_kafka_conf_set(conf, "log_level", "4", nullptr, 0);
  owner_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (owner_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError("_FAIL", std::string("embedded cluster: ") + error);
  }
  cluster_ = rd_kafka_mock_cluster_new(owner_, brokers);
  if (cluster_ == nullptr) {
    rd_kafka_destroy(owner_);
    throw KafkaError(
        "_FAIL", "embedded cluster: could not start " + std::to_string(brokers) + " mock brokers");
  }
  bootstrapServers_ = rd_kafka_mock_cluster_bootstraps(cluster_);
  answerWithoutNagle(bootstrapServers_);
  NativeLog::logSyslog(6, "embedded cluster started: " + bootstrapServers_);
}

void EmbeddedCluster::setBrokerRtt(int broker, std::chrono::milliseconds rtt) {
  if (broker < 1 || broker > brokers_) {
    throw KafkaError::invalidArgument("embedded cluster: no broker " + std::to_string(broker));
  }
  rd_kafka_mock_broker_set_rtt(cluster_, broker, static_cast<int>(rtt.count()));
}

void EmbeddedCluster::setBrokerDown(int broker, bool down) {
  if (broker < 1 || broker > brokers_) {
    throw KafkaError::invalidArgument("embedded cluster: no broker " + std::to_string(broker));
  }
  if (down) {
    rd_kafka_mock_broker_set_down(cluster_, broker);
  } else {
    rd_kafka_mock_broker_set_up(cluster_, broker);
  }
  answerWithoutNagle(bootstrapServers_);  // librdkafka 2.8.0 opens the broker's listener again
  // Said with the fault so that duplicates the consumer reports later can be traced to it.
  NativeLog::warn("embedded cluster: broker " + std::to_string(broker) +
                  (down ? " down (a request it wrote but did not answer is retried, and these "
                          "brokers, unlike real ones, write an idempotent producer's retry again)"
                        : " up"));
}

void EmbeddedCluster::failRequests(std::int16_t apiKey, std::size_t count,
                                   rd_kafka_resp_err_t error) {
  const std::vector<rd_kafka_resp_err_t> errors(count, error);
  rd_kafka_mock_push_request_errors_array(cluster_, apiKey, count, errors.data());
  NativeLog::warn("embedded cluster: the next " + std::to_string(count) + " requests of type " +
                  std::to_string(apiKey) + " fail with " + rd_kafka_err2name(error));
}

void EmbeddedCluster::moveLeader(const std::string& topic, int partition, int broker) {
  const auto error = rd_kafka_mock_partition_set_leader(
      cluster_, topic.c_str(), static_cast<std::int32_t>(partition), broker);
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    NativeLog::warn("embedded cluster: cannot move the leader of " + topic + " [" +
                    std::to_string(partition) + "]: " + rd_kafka_err2str(error));
    return;
  }
  NativeLog::warn("embedded cluster: leader of " + topic + " [" + std::to_string(partition) +
                  "] moved to broker " + std::to_string(broker));
}

void EmbeddedCluster::createTopic(const std::string& topic, int partitions) {
  const auto error =
      rd_kafka_mock_topic_create(cluster_, topic.c_str(), partitions, std::min(brokers_, 3));
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    throw KafkaError(rd_kafka_err2name(error), "embedded cluster: cannot create topic '" + topic +
                                                   "': " + rd_kafka_err2str(error));
  }
}

void EmbeddedCluster::setTopicError(const std::string& topic, rd_kafka_resp_err_t error) {
  rd_kafka_mock_topic_set_error(cluster_, topic.c_str(), error);
}

EmbeddedCluster::~EmbeddedCluster() {
  rd_kafka_mock_cluster_destroy(cluster_);
  rd_kafka_destroy(owner_);
}

}  // namespace kafkanative
