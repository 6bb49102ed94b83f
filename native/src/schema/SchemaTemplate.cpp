#include "SchemaTemplate.hpp"

#include <map>

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
                               what + " (subject '" + subject + "')", settings.messageName,
                               SchemaFile::among(registry->referencedTexts(registered)));
  }
  auto schema = RecordSchema::parse(
      settings.format, SchemaFile::read(settings.schemaFile, what),
      what + " '" + settings.schemaFile + "'", settings.messageName,
      SchemaFile::besides(settings.schemaFile, what, settings.format, settings.schemaFolders));
  if (registry != nullptr) {
    RegisteredSchema file;
    file.type = RecordSchema::registryType(settings.format);
    file.text = schema->text();
    file.references = registerDependencies(*schema, *registry);
    schemaId =
        registry->registerSchema(SubjectName::of(settings, topic, key, schema->rootName()), file)
            .id;
  }
  return schema;
}

// As Confluent's serializers do: each file the schema depends on is registered under its own
// name as the subject, after the files it depends on, and referenced by name, subject and
// version; a consumer reading the schema by id finds them by those references.
std::vector<RegisteredSchema::Reference> SchemaTemplate::registerDependencies(
    const RecordSchema& schema, SchemaRegistryClient& registry) {
  std::map<std::string, std::int32_t> versions;
  const auto referencesTo = [&versions](const std::vector<std::string>& names) {
    std::vector<RegisteredSchema::Reference> references;
    for (const auto& name : names) {
      references.push_back({name, name, versions.at(name)});
    }
    return references;
  };
  for (const auto& dependency : schema.dependencies()) {
    RegisteredSchema file;
    file.type = RecordSchema::registryType(schema.format());
    file.text = dependency.text;
    file.references = referencesTo(dependency.dependsOn);
    registry.registerSchema(dependency.name, file);
    versions[dependency.name] = registry.lookup(dependency.name, file).version;
  }
  return referencesTo(schema.dependsOn());
}

bool SchemaTemplate::render(const TemplateContext& context, std::string& out) const {
  out = header_;
  return template_->render(context, out);
}

}  // namespace kafkanative
