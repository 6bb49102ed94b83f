#pragma once

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// `object[key]`, or an empty object when there is none (as a reference, safe to iterate):
/// summaries from older or other runs may lack a section.
inline const nlohmann::json& objectAt(const nlohmann::json& object, const char* key) {
  static const nlohmann::json kEmpty = nlohmann::json::object();
  const auto found = object.find(key);
  return found == object.end() ? kEmpty : *found;
}

}  // namespace kafkanative::report
