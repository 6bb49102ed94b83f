#pragma once

#include <chrono>
#include <map>
#include <string>

namespace kafkanative {

/// Everything that identifies one shared Kafka client. Two configurations with equal
/// fields share one librdkafka client per process.
struct ConnectionConfig {
  /// `host:port[,host:port]`, or empty / `embedded` / `embedded:N` for the in-process cluster.
  std::string bootstrapServers;
  /// librdkafka properties passed through verbatim (e.g. "acks" -> "all").
  std::map<std::string, std::string> properties;
  /// How long closing the client waits for in-flight messages before purging them.
  std::chrono::milliseconds flushTimeout{10000};
  /// When set, librdkafka's statistics (`statistics.interval.ms`) are appended to this file,
  /// one JSON document per line.
  std::string statisticsFile;

  /// A canonical text form of all fields, used as the sharing key.
  std::string identity() const;
};

}  // namespace kafkanative
