#pragma once

#include <chrono>
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
/// life. Thread-safe. Every failure is a KafkaError carrying the registry's own message, of
/// one of two kinds:
/// - `_SCHEMA_REGISTRY`: the registry refused (401/403 credentials, 404 unknown subject,
///   version or id, 409 incompatible, 422 invalid schema, any other 4xx, or an answer without
///   what was asked), or TLS did (its certificate not trusted, the client's not usable). Nothing in
///   the test changes that, so a sampler stops its thread on it, and the refusal is remembered: the
///   same request is refused again without asking. Except 404: a subject one sampler looks up may
///   be registered by another a moment later.
/// - `_SCHEMA_REGISTRY_UNAVAILABLE`: no registry URL answered (unreachable, timed out, 5xx,
///   408, 429). That may heal, so the client backs off: for 100 ms after the first such
///   failure, doubling up to 5 s, every request fails at once with the last reason and no
///   request is made; the first answer ends the backoff.
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
  /// `schema` as registered under `subject`, with its version there (the registry's lookup).
  RegisteredSchema lookup(const std::string& subject, const RegisteredSchema& schema);
  /// The texts `schema` references, directly or not, by the names it uses for them.
  std::map<std::string, std::string> referencedTexts(const RegisteredSchema& schema);

  const std::string& urls() const noexcept { return config_.urls; }

 private:
  /// The response body of a successful request; a KafkaError for anything else.
  std::string request(const std::string& path, const std::string& body);
  /// Throws while backing off, or when `key` was refused before.
  void refuseKnownFailures(const std::string& key) const;
  /// Starts or lengthens the backoff after no URL answered; throws the reason.
  [[noreturn]] void backOff(const std::string& reason);

  SchemaRegistryConfig config_;
  std::mutex mutex_;  // one request at a time, and the caches
  std::map<std::int32_t, RegisteredSchema> byId_;
  std::map<std::pair<std::string, std::string>, RegisteredSchema> registered_;  // subject, text
  std::map<std::string, std::string> refused_;  ///< request (path and body) -> the refusal
  std::chrono::steady_clock::time_point retryAt_{};
  std::chrono::milliseconds backoff_{0};
  std::string unavailable_;  ///< why, while backing off
};

}  // namespace kafkanative
