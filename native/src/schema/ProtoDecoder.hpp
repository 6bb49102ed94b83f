#pragma once

#include <string>
#include <string_view>

#include "ProtoType.hpp"

namespace kafkanative {

/// Reads Protobuf messages written with a known schema, as Protobuf's parsers do: fields in any
/// order, packed or not, unknown fields skipped. Checks every message a consumer decodes
/// (bounds, wire types, UTF-8 of proto3 strings, proto2's required fields) without allocating,
/// and, when asked, writes it as JSON (Protobuf's JSON names; 64-bit integers as numbers; bytes
/// in base64), for assertions in the plan.
class ProtoDecoder {
 public:
  /// The deepest nesting of messages followed (a hostile message cannot exhaust the stack).
  static constexpr int kMaxDepth = 100;

  /// Decodes `bytes` as one message of `type`; appends its JSON to `json` unless it is null.
  /// False when the bytes are not such a message; `problem` then says why.
  static bool decode(const ProtoType& type, std::string_view bytes, std::string* json,
                     std::string& problem);
};

}  // namespace kafkanative
