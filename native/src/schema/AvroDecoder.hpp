#pragma once

#include <string>
#include <string_view>

#include "AvroType.hpp"

namespace kafkanative {

/// Reads Avro binary values written with a known schema: checks that the bytes are exactly
/// one value of the type (every message a consumer decodes) and, when asked, writes it as plain
/// JSON (a union's value without its branch name), for assertions in the plan.
class AvroDecoder {
 public:
  /// Decodes `bytes` as one value of `type`. Appends its JSON to `json` unless it is null.
  /// False when the bytes are not such a value; `problem` then says why.
  static bool decode(const AvroType& type, std::string_view bytes, std::string* json,
                     std::string& problem);
};

}  // namespace kafkanative
