#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

/// Reads a whole topic back with a plain librdkafka consumer, so tests check what the producer
/// really wrote, independently of the core.
struct ReadMessage {
  std::int32_t partition;
  std::string key;
  std::string value;
  std::map<std::string, std::string> headers;
  std::int64_t timestampMillis = -1;  ///< the message's Kafka timestamp; -1 when it has none
};

std::vector<ReadMessage> readTopic(const std::string& bootstrap, const std::string& topic,
                                   std::size_t expected);
