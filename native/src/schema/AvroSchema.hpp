#pragma once

#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "AvroType.hpp"
#include "RecordSchema.hpp"
#include "SchemaDependency.hpp"

namespace kafkanative {

/// An Avro schema parsed from its JSON text (an .avsc file or a Schema Registry entry): every
/// type the specification defines, named types, namespaces and references. Logical types are
/// kept as annotations; values are encoded as their underlying type, as the specification says.
class AvroSchema : public RecordSchema {
 public:
  /// The largest fixed type accepted (a message is at most a few MB anyway).
  static constexpr std::size_t kMaxFixedSize = 1 << 20;

  /// Parses `text`; a schema that is not JSON or not valid Avro is a KafkaError naming `what`
  /// and the offending part. Named types it uses and does not define are read by their full
  /// names from `readDependency`.
  AvroSchema(std::string_view text, std::string_view what, DependencyReader readDependency = {});
  AvroSchema(const AvroSchema&) = delete;
  AvroSchema& operator=(const AvroSchema&) = delete;

  const AvroType& root() const noexcept { return *root_; }
  MessageFormat format() const noexcept override { return MessageFormat::kAvro; }
  /// The full name of the root type when it is named (record-name subject strategies).
  const std::string& rootName() const noexcept override { return root_->fullName; }
  /// The schema as compact JSON, as sent to a registry.
  const std::string& text() const noexcept override { return text_; }
  std::unique_ptr<RecordTemplate> compile(std::string_view templateText,
                                          std::string_view what) const override;
  bool decode(std::string_view bytes, bool framed, std::string* json,
              std::string& problem) const override;
  const std::vector<std::string>& dependsOn() const noexcept override { return dependsOn_; }
  const std::vector<SchemaDependency>& dependencies() const noexcept override {
    return dependencies_;
  }

 private:
  nlohmann::json json(std::string_view text) const;
  /// Reads the schema defining the named type `name`; false when there is none.
  bool loadDependency(const std::string& name);
  const AvroType* parse(const nlohmann::json& node, const std::string& enclosingNamespace);
  const AvroType* parseNamed(const nlohmann::json& node, const std::string& enclosingNamespace);
  const AvroType* reference(const std::string& name, const std::string& enclosingNamespace);
  AvroType& add(AvroType::Kind kind);
  /// The node's logicalType, with a decimal's precision and scale; one the specification
  /// calls invalid is ignored.
  static void readLogical(const nlohmann::json& node, AvroType& type);
  [[noreturn]] void fail(const std::string& problem) const;

  std::string what_;
  std::string text_;
  std::deque<AvroType> nodes_;  // a deque: nodes point at each other and never move
  std::map<std::string, const AvroType*> named_;
  const AvroType* root_ = nullptr;
  DependencyReader readDependency_;
  std::vector<std::string> dependsOn_;
  std::vector<SchemaDependency> dependencies_;
  std::set<std::string> loading_;
  std::vector<std::vector<std::string>*> dependsOnStack_;  ///< whose references are being read
};

}  // namespace kafkanative
