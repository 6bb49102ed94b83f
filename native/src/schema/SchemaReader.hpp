#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "RecordSchema.hpp"
#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

class SchemaRegistryClient;

/// A consumer's decoding of values in a schema format. With a registry, each value names its
/// schema in the wire header, and the schema's type (Avro or Protobuf) is the registry's; the
/// schema is fetched once per id (per session) and kept. Without one, every value is a plain
/// record of the schema file, in the settings' format. One per session: not thread-safe.
class SchemaReader {
 public:
  /// Throws KafkaError when neither a registry nor a readable, valid schema file is given.
  SchemaReader(const SchemaSettings& settings, SchemaRegistryClient* registry);
  ~SchemaReader();

  /// Checks that `bytes` are one value of their schema; appends it as JSON to `json` unless
  /// that is null. False when they are not (problem() says why: no wire header, an unknown
  /// schema id, a registry that cannot be reached, bytes that do not decode).
  bool read(std::string_view bytes, std::string* json);
  const std::string& problem() const noexcept { return problem_; }

 private:
  const RecordSchema* schemaFor(std::int32_t id);

  SchemaRegistryClient* registry_;
  std::unique_ptr<RecordSchema> fileSchema_;
  std::map<std::int32_t, std::unique_ptr<RecordSchema>> byId_;
  /// Ids the registry could not give, with when and why: asked again only after a while, so
  /// a registry that is down costs one timeout per id and interval, not one per message.
  struct Failure {
    std::chrono::steady_clock::time_point at;
    std::string problem;
  };
  std::map<std::int32_t, Failure> failures_;
  std::string problem_;
};

}  // namespace kafkanative
