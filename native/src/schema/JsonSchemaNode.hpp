#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <regex>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "StringFormat.hpp"

namespace kafkanative {

/// One (sub)schema of a parsed JSON Schema (see JsonSchema, which owns every node). `$ref`s
/// point at the node they name, so a recursive schema is a cycle.
struct JsonSchemaNode {
  /// JSON types, as a bit set; `types` 0 admits any.
  enum Type : unsigned {
    kNull = 1,
    kBoolean = 2,
    kInteger = 4,
    kNumber = 8,  ///< admits integers too
    kString = 16,
    kArray = 32,
    kObject = 64
  };

  /// A `$ref`: the node it names stands for this one (every other member is unset).
  const JsonSchemaNode* ref = nullptr;
  unsigned types = 0;
  bool never = false;                                                     ///< the schema `false`
  std::vector<std::pair<std::string, const JsonSchemaNode*>> properties;  ///< in order
  std::vector<std::string> required;
  const JsonSchemaNode* additionalProperties = nullptr;  ///< null: anything
  bool closed = false;                                   ///< additionalProperties: false
  const JsonSchemaNode* items = nullptr;                 ///< null: anything
  std::size_t minItems = 0;
  std::size_t maxItems = std::numeric_limits<std::size_t>::max();
  std::optional<std::vector<nlohmann::json>> allowed;  ///< enum, or const as one value
  std::optional<double> minimum;
  std::optional<double> exclusiveMinimum;
  std::optional<double> maximum;
  std::optional<double> exclusiveMaximum;
  std::size_t minLength = 0;  ///< in characters (code points)
  std::size_t maxLength = std::numeric_limits<std::size_t>::max();
  std::optional<std::regex> pattern;
  std::string patternText;
  StringFormat::Kind format = StringFormat::Kind::kNone;  ///< a format checked (StringFormat)
  std::vector<const JsonSchemaNode*> allOf;
  std::vector<const JsonSchemaNode*> anyOf;
  std::vector<const JsonSchemaNode*> oneOf;
  const JsonSchemaNode* negated = nullptr;  ///< not

  /// The node that holds the constraints: past any `$ref`s.
  const JsonSchemaNode& resolved() const noexcept {
    const JsonSchemaNode* node = this;
    while (node->ref != nullptr) {  // JsonSchema refuses $refs that go round in a circle
      node = node->ref;
    }
    return *node;
  }

  const JsonSchemaNode* property(const std::string& name) const {
    for (const auto& [key, node] : properties) {
      if (key == name) {
        return node;
      }
    }
    return nullptr;
  }

  bool isRequired(const std::string& name) const {
    for (const auto& key : required) {
      if (key == name) {
        return true;
      }
    }
    return false;
  }
};

}  // namespace kafkanative
