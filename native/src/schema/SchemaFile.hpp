#pragma once

#include <string>

#include "WholeFile.hpp"

namespace kafkanative {

/// A schema file's text, read when a session opens.
struct SchemaFile {
  static std::string read(const std::string& path, const std::string& what) {
    return WholeFile::read(path, what + ": cannot read schema file '" + path + "'");
  }
};

}  // namespace kafkanative
