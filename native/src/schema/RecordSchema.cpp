#include "RecordSchema.hpp"

#include "AvroSchema.hpp"
#include "JsonSchema.hpp"
#include "ProtoSchema.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

std::unique_ptr<RecordSchema> RecordSchema::parse(MessageFormat format, std::string_view text,
                                                  std::string_view what, std::string_view record,
                                                  const DependencyReader& readDependency) {
  if (!record.empty() && format != MessageFormat::kProtobuf) {
    throw KafkaError::invalidArgument(std::string(what) +
                                      ": a message name chooses among a Protobuf file's messages; "
                                      "an Avro or JSON Schema file holds one record");
  }
  switch (format) {
    case MessageFormat::kAvro:
      return std::make_unique<AvroSchema>(text, what, readDependency);
    case MessageFormat::kProtobuf:
      return std::make_unique<ProtoSchema>(text, what, record, readDependency);
    case MessageFormat::kJsonSchema:
      return std::make_unique<JsonSchema>(text, what, readDependency);
    default:
      throw KafkaError::invalidArgument(std::string(what) + ": plain strings have no schema");
  }
}

std::string RecordSchema::registryType(MessageFormat format) {
  switch (format) {
    case MessageFormat::kProtobuf:
      return "PROTOBUF";
    case MessageFormat::kJsonSchema:
      return "JSON";
    default:
      return "AVRO";
  }
}

MessageFormat RecordSchema::formatOf(const std::string& registryType) {
  return registryType == "AVRO"       ? MessageFormat::kAvro
         : registryType == "PROTOBUF" ? MessageFormat::kProtobuf
         : registryType == "JSON"     ? MessageFormat::kJsonSchema
                                      : MessageFormat::kString;
}

}  // namespace kafkanative
