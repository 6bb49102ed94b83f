#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

namespace kafkanative {

/// A record template as JSON: the text of a JSON document whose values may be placeholders,
/// quoted (`"name": "user-{{seq}}"`) or not (`"id": {{seq}}`). Unquoted placeholders are
/// quoted before parsing, so every placeholder ends up inside a JSON string, and the schema,
/// not the quotes, decides what type the rendered text becomes.
struct TemplateJson {
  /// Parses `text`; text that is not JSON (with placeholders quoted) is a KafkaError naming
  /// `what` and the parser's complaint.
  static nlohmann::json parse(std::string_view text, std::string_view what);

  /// The deepest nesting of objects and arrays in a JSON text (brackets in strings aside).
  /// Schemas and templates deeper than kMaxDepth are refused before parsing: their compilers
  /// recurse, and a hostile text must not exhaust the stack.
  static std::size_t nestingDepth(std::string_view text) noexcept;
  static constexpr std::size_t kMaxDepth = 64;

  /// Whether a template string holds a placeholder (and so is rendered per message).
  static bool hasPlaceholder(std::string_view text) noexcept;
};

}  // namespace kafkanative
