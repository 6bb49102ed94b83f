#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace kafkanative {

/// Protobuf's well-known types (`google/protobuf/*.proto`), built in: nearly every team's
/// .proto imports one (Timestamp above all), and no file of them is beside a plan. Their
/// messages as Google's files declare them (field names, numbers, types, nesting and order,
/// so message indexes and encodings agree); options and comments left out.
struct WellKnownProtos {
  /// The text of `path` ("google/protobuf/timestamp.proto"), if it is one of them.
  static std::optional<std::string> file(std::string_view path);
};

}  // namespace kafkanative
