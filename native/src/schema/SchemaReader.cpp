#include "SchemaReader.hpp"

#include "SchemaFile.hpp"
#include "SchemaRegistryClient.hpp"
#include "WireFormat.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

SchemaReader::SchemaReader(const SchemaSettings& settings, SchemaRegistryClient* registry)
    : registry_(registry) {
  if (registry_ == nullptr) {
    if (settings.schemaFile.empty()) {
      throw KafkaError::invalidArgument(
          "value schema: decoding needs a Schema Registry (schema.registry.url on the Kafka "
          "Connection) or a schema file");
    }
    fileSchema_ =
        RecordSchema::parse(settings.format, SchemaFile::read(settings.schemaFile, "value schema"),
                            "value schema '" + settings.schemaFile + "'", settings.messageName,
                            SchemaFile::besides(settings.schemaFile, "value schema",
                                                settings.format, settings.schemaFolders));
  }
}

SchemaReader::~SchemaReader() = default;

const RecordSchema* SchemaReader::schemaFor(std::int32_t id) {
  constexpr std::chrono::seconds kAskAgainAfter{5};
  if (const auto failed = failures_.find(id); failed != failures_.end()) {
    if (std::chrono::steady_clock::now() - failed->second.at < kAskAgainAfter) {
      problem_ = failed->second.problem;
      return nullptr;
    }
    failures_.erase(failed);
  }
  auto& schema = byId_[id];
  if (!schema) {
    try {
      const RegisteredSchema registered = registry_->byId(id);
      const MessageFormat format = RecordSchema::formatOf(registered.type);
      if (format == MessageFormat::kString) {
        problem_ = "schema id " + std::to_string(id) + " is a " + registered.type +
                   " schema, which this consumer does not decode";
        byId_.erase(id);
        return nullptr;
      }
      schema = RecordSchema::parse(format, registered.text, "schema id " + std::to_string(id), {},
                                   SchemaFile::among(registry_->referencedTexts(registered)));
    } catch (const KafkaError& error) {
      problem_ = error.what();
      failures_[id] = {std::chrono::steady_clock::now(), problem_};
      byId_.erase(id);
      return nullptr;
    }
  }
  return schema.get();
}

bool SchemaReader::read(std::string_view bytes, std::string* json) {
  const RecordSchema* schema = fileSchema_.get();
  std::string_view record = bytes;
  if (registry_ != nullptr) {
    std::int32_t id = 0;
    if (!WireFormat::split(bytes, id, record)) {
      problem_ = "not in the Schema Registry's wire format (no magic byte 0 and schema id)";
      return false;
    }
    schema = schemaFor(id);
    if (schema == nullptr) {
      return false;
    }
  }
  return schema->decode(record, registry_ != nullptr, json, problem_);
}

}  // namespace kafkanative
