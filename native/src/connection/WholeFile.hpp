#pragma once

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

/// A file's bytes, read in one go when a session opens. A file that cannot be read is an
/// invalid-argument error in the caller's words, which name what the file was for.
struct WholeFile {
  static std::string read(const std::filesystem::path& path, const std::string& unreadable) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      throw KafkaError::invalidArgument(unreadable);
    }
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
};

}  // namespace kafkanative
