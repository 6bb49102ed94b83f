#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "RecordSchema.hpp"
#include "RecordTemplate.hpp"
#include "RegisteredSchema.hpp"
#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

class SchemaRegistryClient;

/// A producer's key or value in a schema format: the schema resolved once (from its file,
/// registered under the subject when there is a registry, or the subject's version from the
/// registry), then per message the registry's wire header and the record the template builds.
class SchemaTemplate {
 public:
  /// `registry` may be null (plain records from the schema file). Throws KafkaError for a schema
  /// that cannot be found or parsed, a template that does not fit it, or a registry's refusal.
  SchemaTemplate(const SchemaSettings& settings, std::string_view templateText,
                 const std::string& topic, bool key, SchemaRegistryClient* registry);

  /// Replaces `out` with the next message's bytes; false when a placeholder's text does not
  /// fit its field (problem() says which).
  bool render(const TemplateContext& context, std::string& out) const;
  const std::string& problem() const noexcept { return template_->problem(); }
  bool usesStamp() const noexcept { return template_->usesStamp(); }
  /// The registry's id of the schema; -1 without a registry.
  std::int32_t schemaId() const noexcept { return schemaId_; }

 private:
  static std::unique_ptr<RecordSchema> resolve(const SchemaSettings& settings,
                                               const std::string& topic, bool key,
                                               SchemaRegistryClient* registry,
                                               std::int32_t& schemaId);
  /// Registers the files `schema` depends on; the references its own registration gives.
  static std::vector<RegisteredSchema::Reference> registerDependencies(
      const RecordSchema& schema, SchemaRegistryClient& registry);

  std::int32_t schemaId_ = -1;
  std::unique_ptr<RecordSchema> schema_;
  std::unique_ptr<RecordTemplate> template_;
  std::string header_;  ///< the wire header and the format's framing; empty without a registry
};

}  // namespace kafkanative
