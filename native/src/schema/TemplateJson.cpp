#include "TemplateJson.hpp"

#include <algorithm>
#include <string>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

nlohmann::json TemplateJson::parse(std::string_view text, std::string_view what) {
  if (nestingDepth(text) > kMaxDepth) {
    throw KafkaError::invalidArgument(std::string(what) + ": nested more than " +
                                      std::to_string(kMaxDepth) + " levels deep");
  }
  std::string quoted;
  quoted.reserve(text.size() + 16);
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      quoted += c;
      if (c == '\\' && i + 1 < text.size()) {
        quoted += text[++i];
      } else if (c == '"') {
        inString = false;
      }
      continue;
    }
    if (c == '"') {
      inString = true;
    } else if (text.substr(i, 2) == "{{") {
      const std::size_t close = text.find("}}", i + 2);
      if (close == std::string_view::npos) {
        throw KafkaError::invalidArgument(
            std::string(what) + ": unterminated placeholder at position " + std::to_string(i));
      }
      quoted += '"';
      quoted += text.substr(i, close + 2 - i);
      quoted += '"';
      i = close + 1;
      continue;
    }
    quoted += c;
  }
  try {
    return nlohmann::json::parse(quoted);
  } catch (const nlohmann::json::exception& error) {
    throw KafkaError::invalidArgument(std::string(what) + ": not JSON: " + error.what());
  }
}

std::size_t TemplateJson::nestingDepth(std::string_view text) noexcept {
  std::size_t depth = 0;
  std::size_t deepest = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      i += c == '\\' ? 1 : 0;
      inString = c != '"';
    } else if (c == '"') {
      inString = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return deepest;
}

bool TemplateJson::hasPlaceholder(std::string_view text) noexcept {
  return text.find("{{") != std::string_view::npos;
}

}  // namespace kafkanative
