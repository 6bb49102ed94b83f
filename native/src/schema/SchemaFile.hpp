#pragma once

#include <fstream>
#include <sstream>
#include <string>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

/// A schema file's text, read when a session opens.
struct SchemaFile {
  static std::string read(const std::string& path, const std::string& what) {
    std::ifstream file(path, std::ios::binary);
    if (!file) {
      throw KafkaError::invalidArgument(what + ": cannot read schema file '" + path + "'");
    }
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
  }
};

}  // namespace kafkanative
