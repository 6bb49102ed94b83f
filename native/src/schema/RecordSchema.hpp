#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "RecordTemplate.hpp"
#include "SchemaDependency.hpp"
#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

/// A parsed schema of one format (AvroSchema, ProtoSchema, JsonSchema): what the producer's and
/// consumer's schema side needs of it, whatever the format.
class RecordSchema {
 public:
  virtual ~RecordSchema() = default;

  /// Parses `text` as a schema of `format` (not kString); a KafkaError names `what`.
  /// `record`: which message of a Protobuf file is the record (empty: its first); the other
  /// formats hold one record and refuse a name. `readDependency` finds the files a .proto
  /// imports (Google's well-known types are built in).
  static std::unique_ptr<RecordSchema> parse(MessageFormat format, std::string_view text,
                                             std::string_view what, std::string_view record = {},
                                             const DependencyReader& readDependency = {});
  /// The Schema Registry's schemaType for a format: AVRO, PROTOBUF, JSON.
  static std::string registryType(MessageFormat format);
  /// The format of a registry's schemaType; kString for one no schema here reads.
  static MessageFormat formatOf(const std::string& registryType);

  virtual MessageFormat format() const noexcept = 0;
  /// The schema's text, as sent to a registry.
  virtual const std::string& text() const noexcept = 0;
  /// The schema files this one names directly (a .proto's imports), in order.
  virtual const std::vector<std::string>& dependsOn() const noexcept {
    static const std::vector<std::string> kNone;
    return kNone;
  }
  /// Every schema file it depends on, directly or not, each after its own dependencies: the
  /// order a registry takes them in, each as a subject the next ones reference.
  virtual const std::vector<SchemaDependency>& dependencies() const noexcept {
    static const std::vector<SchemaDependency> kNone;
    return kNone;
  }
  /// The record type's full name (record-name subject strategies).
  virtual const std::string& rootName() const noexcept = 0;
  /// Compiles a record template against the schema (which must outlive it); a template that
  /// does not fit is a KafkaError naming `what` and the field.
  virtual std::unique_ptr<RecordTemplate> compile(std::string_view templateText,
                                                  std::string_view what) const = 0;
  /// What the registry's wire format puts between its header and the record (Protobuf's
  /// message indexes); nothing for Avro.
  virtual std::string framing() const { return {}; }
  /// Checks that `bytes` are one record (after the registry's header when `framed`), and
  /// appends it as JSON to `json` unless that is null. False, with `problem`, when not.
  virtual bool decode(std::string_view bytes, bool framed, std::string* json,
                      std::string& problem) const = 0;
};

}  // namespace kafkanative
