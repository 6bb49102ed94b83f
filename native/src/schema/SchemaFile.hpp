#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "SchemaDependency.hpp"
#include "kafkanative/SchemaSettings.hpp"

#include "WholeFile.hpp"

namespace kafkanative {

/// A schema file's text, read when a session opens.
struct SchemaFile {
  static std::string read(const std::string& path, const std::string& what) {
    return WholeFile::read(path, what + ": cannot read schema file '" + path + "'");
  }

  /// Finds the files a schema file depends on in its folder, then in `folders`: a .proto's
  /// imports by their paths relative to a folder, as protoc does with it as an include path;
  /// the Avro named types it uses by their names, as `<full name>.avsc` or `<name>.avsc`;
  /// JSON Schema `$ref`s by their paths.
  static DependencyReader besides(const std::string& schemaFile, const std::string& what,
                                  MessageFormat format,
                                  const std::vector<std::string>& folders = {}) {
    std::vector<std::filesystem::path> searched{std::filesystem::path(schemaFile).parent_path()};
    searched.insert(searched.end(), folders.begin(), folders.end());
    return [searched, what, format](const std::string& name) -> std::optional<std::string> {
      std::vector<std::string> candidates{name};
      if (format == MessageFormat::kAvro) {
        candidates = {name + ".avsc", name.substr(name.rfind('.') + 1) + ".avsc"};
      }
      for (const auto& folder : searched) {
        for (const auto& candidate : candidates) {
          std::error_code missing;
          if (std::filesystem::is_regular_file(folder / candidate, missing)) {
            return read((folder / candidate).string(), what);
          }
        }
      }
      return std::nullopt;
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
