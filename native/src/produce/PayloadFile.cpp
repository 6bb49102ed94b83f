#include "kafkanative/PayloadFile.hpp"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "WholeFile.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

std::string readWhole(const std::filesystem::path& path) {
  return WholeFile::read(path, "payload file: cannot read '" + path.string() + "'");
}

}  // namespace

PayloadFile::PayloadFile(const std::string& path) {
  std::error_code error;
  const std::filesystem::path location(path);
  if (std::filesystem::is_directory(location, error)) {
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(location, error)) {
      if (entry.is_regular_file()) {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());  // a stable order, so cycling is reproducible
    for (const auto& file : files) {
      payloads_.push_back(readWhole(file));
    }
  } else if (std::filesystem::exists(location, error)) {
    std::istringstream lines(readWhole(location));
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') {
        line.pop_back();
      }
      if (!line.empty()) {
        payloads_.push_back(std::move(line));
      }
    }
  } else {
    throw KafkaError::invalidArgument("payload file: '" + path + "' does not exist");
  }
  if (error) {
    throw KafkaError::invalidArgument("payload file: '" + path + "': " + error.message());
  }
  if (payloads_.empty()) {
    throw KafkaError::invalidArgument("payload file: '" + path + "' holds no payload");
  }
}

}  // namespace kafkanative
