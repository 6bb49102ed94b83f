#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace kafkanative {

/// A schema file another schema depends on (a .proto it imports): its name as the depending
/// schema writes it (the import path, which a registry's reference names too), its text, and
/// the names it depends on in turn.
struct SchemaDependency {
  std::string name;
  std::string text;
  std::vector<std::string> dependsOn;
};

/// Finds a dependency's text by its name: in the schema file's folder, or among a registry
/// entry's references. Nothing when there is none.
using DependencyReader = std::function<std::optional<std::string>(const std::string& name)>;

}  // namespace kafkanative
