#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "kafkanative/FastRandom.hpp"

namespace kafkanative {

/// Message values read once from disk: a file with one payload per line, or a directory whose
/// every regular file is one payload. Shared read-only by every session that uses the path.
class PayloadFile {
 public:
  /// Throws KafkaError naming the path when it is missing, unreadable or holds no payload.
  explicit PayloadFile(const std::string& path);

  std::size_t size() const noexcept { return payloads_.size(); }

  /// Payload number `sequence` modulo the count (cycling in order), or a random one.
  const std::string& pick(std::uint64_t sequence, bool random, FastRandom& generator) const {
    return payloads_[random ? generator.below(payloads_.size()) : sequence % payloads_.size()];
  }

 private:
  std::vector<std::string> payloads_;
};

}  // namespace kafkanative
