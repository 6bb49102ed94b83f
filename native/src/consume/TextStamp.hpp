#pragma once

#include <charconv>
#include <cstdint>
#include <optional>
#include <string_view>

#include "kafkanative/StampHeaders.hpp"

namespace kafkanative {

/// A producer's stamp found in a message's text (StampHeaders::kValuePrefix), for consumers of
/// applications that carry the stamp in the value rather than in headers.
struct TextStamp {
  std::int64_t epochMicros = 0;
  std::uint64_t partitionSequence = 0;
  std::string_view producer;

  /// The first stamp in `text`, wherever it is; nullopt when there is none or it is malformed.
  static std::optional<TextStamp> find(std::string_view text) {
    const auto start = text.find(StampHeaders::kValuePrefix);
    if (start == std::string_view::npos) {
      return std::nullopt;
    }
    const char* at = text.data() + start + StampHeaders::kValuePrefix.size();
    const char* end = text.data() + text.size();
    TextStamp stamp;
    const auto time = std::from_chars(at, end, stamp.epochMicros);
    if (time.ec != std::errc() || time.ptr == end || *time.ptr != '/') {
      return std::nullopt;
    }
    const auto sequence = std::from_chars(time.ptr + 1, end, stamp.partitionSequence);
    if (sequence.ec != std::errc() || sequence.ptr == end || *sequence.ptr != '/') {
      return std::nullopt;
    }
    const char* producer = sequence.ptr + 1;
    const char* last = producer;
    while (last != end && isProducerChar(*last)) {
      ++last;
    }
    if (last == producer) {
      return std::nullopt;
    }
    stamp.producer = std::string_view(producer, static_cast<std::size_t>(last - producer));
    return stamp;
  }

 private:
  static bool isProducerChar(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '@' ||
           c == ':' || c == '.' || c == '-' || c == '_';
  }
};

}  // namespace kafkanative
