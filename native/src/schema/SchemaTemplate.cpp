#include "SchemaTemplate.hpp"

#include "SchemaFile.hpp"
#include "SchemaRegistryClient.hpp"
#include "SubjectName.hpp"
#include "WireFormat.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

SchemaTemplate::SchemaTemplate(const SchemaSettings& settings, std::string_view templateText,
                               const std::string& topic, bool key, SchemaRegistryClient* registry)
    : schema_(resolve(settings, topic, key, registry, schemaId_)),
      template_(schema_->compile(templateText, key ? "key template" : "value template")),
      header_(schemaId_ >= 0 ? WireFormat::header(schemaId_) + schema_->framing() : std::string()) {
}

std::unique_ptr<RecordSchema> SchemaTemplate::resolve(const SchemaSettings& settings,
                                                      const std::string& topic, bool key,
                                                      SchemaRegistryClient* registry,
                                                      std::int32_t& schemaId) {
  const std::string what = key ? "key schema" : "value schema";
  if (settings.schemaFile.empty()) {
    if (registry == nullptr) {
      throw KafkaError::invalidArgument(
          what +
          ": needs a schema file, or a Schema Registry (schema.registry.url on the Kafka "
          "Connection) to take the subject's schema from");
    }
    const std::string subject = SubjectName::of(settings, topic, key, "");
    RegisteredSchema registered = registry->version(subject, settings.version);
    const std::string wanted = RecordSchema::registryType(settings.format);
    if (registered.type != wanted) {
      throw KafkaError::invalidArgument(what + ": subject '" + subject + "' holds a " +
                                        registered.type + " schema, not " + wanted);
    }
    schemaId = registered.id;
    return RecordSchema::parse(settings.format, registered.text,
                               what + " (subject '" + subject + "')", settings.messageName);
  }
  auto schema = RecordSchema::parse(settings.format, SchemaFile::read(settings.schemaFile, what),
                                    what + " '" + settings.schemaFile + "'", settings.messageName);
  if (registry != nullptr) {
    RegisteredSchema file;
    file.type = RecordSchema::registryType(settings.format);
    file.text = schema->text();
    schemaId =
        registry->registerSchema(SubjectName::of(settings, topic, key, schema->rootName()), file)
            .id;
  }
  return schema;
}

bool SchemaTemplate::render(const TemplateContext& context, std::string& out) const {
  out = header_;
  return template_->render(context, out);
}

}  // namespace kafkanative
