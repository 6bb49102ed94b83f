#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "SchemaDependency.hpp"

#include "WholeFile.hpp"

namespace kafkanative {

/// A schema file's text, read when a session opens.
struct SchemaFile {
  static std::string read(const std::string& path, const std::string& what) {
    return WholeFile::read(path, what + ": cannot read schema file '" + path + "'");
  }

  /// Finds the files a schema file depends on (a .proto's imports) as protoc does with the
  /// file's folder as its include path: by their names relative to it.
  static DependencyReader besides(const std::string& schemaFile, const std::string& what) {
    const auto folder = std::filesystem::path(schemaFile).parent_path();
    return [folder, what](const std::string& name) -> std::optional<std::string> {
      const auto path = folder / name;
      std::error_code missing;
      if (!std::filesystem::is_regular_file(path, missing)) {
        return std::nullopt;
      }
      return read(path.string(), what);
    };
  }

  /// Finds a registry entry's references among `texts` (SchemaRegistryClient::referencedTexts).
  static DependencyReader among(std::map<std::string, std::string> texts) {
    return [texts = std::move(texts)](const std::string& name) -> std::optional<std::string> {
      const auto found = texts.find(name);
      return found == texts.end() ? std::nullopt : std::optional<std::string>(found->second);
    };
  }
};

}  // namespace kafkanative
