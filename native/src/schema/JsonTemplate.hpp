#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "JsonSchema.hpp"
#include "RecordTemplate.hpp"
#include "kafkanative/MessageTemplate.hpp"

namespace kafkanative {

/// JSON documents valid under a JSON Schema, built per message from a JSON template (see
/// TemplateJson) compiled once against the schema: literal parts are checked and written at
/// compile time, the shape of objects and arrays that hold placeholders too (types, required
/// and allowed properties, item counts); placeholders are rendered per message into the JSON
/// type their place admits (a lone integer placeholder a number when it may be one, other text
/// a string) and checked against that place's constraints. Where a constraint spans what
/// placeholders write (enum, allOf, anyOf, oneOf or not on an object or array that holds them),
/// the whole document is parsed and checked per message. `{{random}}` (or an empty template)
/// draws values from the schema.
class JsonTemplate : public RecordTemplate {
 public:
  JsonTemplate(const JsonSchema& schema, std::string_view templateText, std::string_view what);
  ~JsonTemplate() override;

  bool render(const TemplateContext& context, std::string& out) const override;
  const std::string& problem() const noexcept override { return problem_; }
  bool usesStamp() const noexcept override;

 private:
  struct Node;
  enum class Kind { kString, kInteger, kNumber, kBoolean };

  void compile(const JsonSchemaNode* schema, const nlohmann::json& value, const std::string& path);
  void compileObject(const JsonSchemaNode& node, const nlohmann::json& value,
                     const std::string& path);
  void compileArray(const JsonSchemaNode& node, const nlohmann::json& value,
                    const std::string& path);
  void compileText(const JsonSchemaNode& node, const std::string& text, const std::string& path);
  /// Refuses `{{random}}` where random values could not satisfy the schema.
  void checkRandomizable(const JsonSchemaNode& node, const std::string& path,
                         std::vector<const JsonSchemaNode*>& seen);
  void appendConstant(std::string_view text);

  bool renderText(const Node& node, const TemplateContext& context, std::string& out) const;
  bool renderRandom(const JsonSchemaNode& schema, int depth, const TemplateContext& context,
                    std::string& out) const;
  bool renderRandomNumber(const JsonSchemaNode& node, bool integer, FastRandom& random,
                          std::string& out) const;
  /// Whether `value` passes `node`'s constraints; when not, sets problem_.
  bool allowed(const JsonSchemaNode& node, const nlohmann::json& value,
               const std::string& path) const;

  const JsonSchema& schema_;
  std::vector<Node> nodes_;
  bool wholeCheck_ = false;  ///< the whole document is checked per message
  mutable std::string scratch_;
  mutable std::string problem_;
  mutable int randomValues_ = 0;
};

}  // namespace kafkanative
