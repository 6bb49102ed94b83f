#pragma once

#include <string>
#include <vector>

namespace kafkanative {

/// How a key or value is encoded.
enum class MessageFormat {
  kString,     ///< the template's text as is
  kAvro,       ///< an Avro record built from the template (or at random) with a schema
  kProtobuf,   ///< a Protobuf message built the same way with a .proto schema
  kJsonSchema  ///< a JSON document built the same way, valid under a JSON Schema
};

/// How a producer names the registry subject of its schema (Confluent's strategies).
enum class SubjectStrategy {
  kTopicName,       ///< "<topic>-value" / "<topic>-key"
  kRecordName,      ///< the record's full name
  kTopicRecordName  ///< "<topic>-<record full name>"
};

/// The schema side of a producer's key or value, or of what a consumer decodes.
struct SchemaSettings {
  MessageFormat format = MessageFormat::kString;
  /// The schema file (.avsc, .proto, .json). With a registry, a producer registers it under the
  /// subject and writes the registry's wire format; without one, plain records are written
  /// and read.
  std::string schemaFile;
  /// With a registry and no file: the schema is the subject's `version` ("latest" or a number).
  std::string subject;  ///< empty: named by `strategy`
  SubjectStrategy strategy = SubjectStrategy::kTopicName;
  std::string version = "latest";
  /// Protobuf: the record message's full name ("shop.Order", nested "shop.Batch.Line"), which
  /// the wire format's message indexes then name; empty: the file's first message.
  std::string messageName;
  /// Folders searched, after the schema file's own, for the files it depends on (a .proto's
  /// imports, Avro named types, JSON Schema `$ref`s).
  std::vector<std::string> schemaFolders;
};

}  // namespace kafkanative
