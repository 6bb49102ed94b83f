#pragma once

#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "JsonSchemaNode.hpp"
#include "RecordSchema.hpp"
#include "SchemaDependency.hpp"

namespace kafkanative {

/// A JSON Schema (draft 4 to 2020-12, the keywords below) parsed from its text: type, enum,
/// const, properties, required, additionalProperties, items, minItems/maxItems, minimum,
/// maximum and their exclusive forms, minLength/maxLength, pattern, allOf/anyOf/oneOf/not, and
/// `$ref`s within the document and to other documents. Annotations (title, description, format,
/// default, …) are kept out of validation, as the specification says; keywords that constrain
/// values and are not supported are refused, so no value passes a check it would fail.
class JsonSchema : public RecordSchema {
 public:
  /// Parses `text`; a schema that is not JSON, or holds what is not supported, is a
  /// KafkaError naming `what` and the place.
  /// `$ref`s to other documents ("address.json#/$defs/A") are read from `readDependency`.
  JsonSchema(std::string_view text, std::string_view what, DependencyReader readDependency = {});
  JsonSchema(const JsonSchema&) = delete;
  JsonSchema& operator=(const JsonSchema&) = delete;

  const JsonSchemaNode& root() const noexcept { return *root_; }
  MessageFormat format() const noexcept override { return MessageFormat::kJsonSchema; }
  const std::string& text() const noexcept override { return text_; }
  /// The schema's `title`, which Confluent's clients take as the record name.
  const std::string& rootName() const noexcept override { return title_; }
  std::unique_ptr<RecordTemplate> compile(std::string_view templateText,
                                          std::string_view what) const override;
  bool decode(std::string_view bytes, bool framed, std::string* json,
              std::string& problem) const override;
  const std::vector<std::string>& dependsOn() const noexcept override { return dependsOn_; }
  const std::vector<SchemaDependency>& dependencies() const noexcept override {
    return dependencies_;
  }

  /// Whether `value` is valid under `node`; when not, `problem` says where (below `path`) and
  /// why ("at /lines/0/quantity: 0 is out of the schema's range").
  bool check(const JsonSchemaNode& node, const nlohmann::json& value, std::string& problem,
             const std::string& path = "") const;

 private:
  /// The most schemas within schemas one check goes through (a value's own nesting is
  /// bounded before it is parsed; this bounds allOf/anyOf/oneOf/not and $refs around them).
  static constexpr int kMaxCheckDepth = 256;

  bool check(const JsonSchemaNode& node, const nlohmann::json& value, std::string& problem,
             const std::string& path, int depth) const;
  static constexpr int kMaxParseDepth = 512;

  nlohmann::ordered_json parseDocument(std::string_view text, const std::string& name) const;
  /// The place an external `$ref` names ("NAME#/pointer"), its document read on first use.
  std::string externalPlace(const std::string& ref, const std::string& pointer);
  /// The node for the subschema at `pointer` ("/json/pointer" in the schema's own document,
  /// "NAME#/json/pointer" in another), parsed once.
  const JsonSchemaNode* at(const std::string& pointer);
  void parse(JsonSchemaNode& node, const nlohmann::ordered_json& schema,
             const std::string& pointer);
  void parseNumbers(JsonSchemaNode& node, const nlohmann::ordered_json& schema,
                    const std::string& pointer);
  std::vector<const JsonSchemaNode*> list(const nlohmann::ordered_json& schema,
                                          const std::string& pointer, const char* keyword);
  [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const;

  std::string what_;
  std::string text_;
  std::string title_;
  std::map<std::string, nlohmann::ordered_json> documents_;  ///< by name; "" the schema's own
  DependencyReader readDependency_;
  std::vector<std::string> dependsOn_;
  std::vector<SchemaDependency> dependencies_;
  std::vector<std::vector<std::string>*> dependsOnStack_;  ///< whose $refs are being read
  std::deque<JsonSchemaNode> nodes_;  // a deque: nodes point at each other and never move
  std::map<std::string, JsonSchemaNode*> byPointer_;
  const JsonSchemaNode* root_ = nullptr;
  int depth_ = 0;  ///< subschemas being parsed, one within another
};

}  // namespace kafkanative
