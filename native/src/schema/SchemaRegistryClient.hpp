#pragma once

#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "RegisteredSchema.hpp"
#include "kafkanative/SchemaRegistryConfig.hpp"

namespace kafkanative {

/// A client of a Confluent-compatible Schema Registry's REST API (the subset producers and
/// consumers need), over libcurl. Called when a session opens and when a consumer meets a
/// schema id for the first time, never per message: answers are cached for the connection's
/// life. Thread-safe. Every failure — unreachable, timed out, refused, not found, incompatible —
/// is a KafkaError carrying the registry's own message.
class SchemaRegistryClient {
 public:
  explicit SchemaRegistryClient(SchemaRegistryConfig config);

  /// Registers `schema` under `subject` (the registry answers with the existing id when it
  /// knows the schema, and refuses an incompatible change).
  RegisteredSchema registerSchema(const std::string& subject, const RegisteredSchema& schema);
  /// The subject's `version`: "latest" or a number.
  RegisteredSchema version(const std::string& subject, const std::string& version);
  /// The schema with `id`.
  RegisteredSchema byId(std::int32_t id);

  const std::string& urls() const noexcept { return config_.urls; }

 private:
  /// The response body of a successful request; a KafkaError for anything else.
  std::string request(const std::string& path, const std::string& body);

  SchemaRegistryConfig config_;
  std::mutex mutex_;  // one request at a time, and the caches
  std::map<std::int32_t, RegisteredSchema> byId_;
  std::map<std::pair<std::string, std::string>, RegisteredSchema> registered_;  // subject, text
};

}  // namespace kafkanative
