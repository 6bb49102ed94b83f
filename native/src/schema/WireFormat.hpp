#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kafkanative {

/// The Schema Registry's framing of a key or value: a zero magic byte, the schema id as four
/// big-endian bytes, then the encoded record.
struct WireFormat {
  static constexpr std::size_t kHeaderSize = 5;

  static std::string header(std::int32_t schemaId) {
    const auto id = static_cast<std::uint32_t>(schemaId);
    return {'\0', static_cast<char>(id >> 24), static_cast<char>(id >> 16),
            static_cast<char>(id >> 8), static_cast<char>(id)};
  }

  /// Splits `bytes` into the schema id and the record; false when they do not start with the
  /// header.
  static bool split(std::string_view bytes, std::int32_t& schemaId, std::string_view& record) {
    if (bytes.size() < kHeaderSize || bytes[0] != '\0') {
      return false;
    }
    std::uint32_t id = 0;
    for (std::size_t i = 1; i < kHeaderSize; ++i) {
      id = id << 8 | static_cast<unsigned char>(bytes[i]);
    }
    schemaId = static_cast<std::int32_t>(id);
    record = bytes.substr(kHeaderSize);
    return true;
  }
};

}  // namespace kafkanative
