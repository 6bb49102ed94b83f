#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "ProtoType.hpp"
#include "kafkanative/ByteWriter.hpp"
#include "kafkanative/TemplateContext.hpp"

namespace kafkanative {

/// Google's well-known types in templates as Protobuf's JSON mapping writes them: a Timestamp
/// as RFC 3339 text ("2026-12-03T10:00:00Z"), a Duration as "1.5s", a wrapper
/// (google.protobuf.Int64Value, StringValue ...) as its plain value.
struct ProtoWellKnown {
  enum class Kind { kNone, kTimestamp, kDuration, kWrapper };

  static Kind of(const ProtoType& type);
  /// A Timestamp's or Duration's text as its message's content (no tag, no length); nothing
  /// when the text is not one.
  static std::optional<std::string> encodeTime(Kind kind, std::string_view text);
  /// What such text must look like, for refusals.
  static const char* textForm(Kind kind);
  /// A decoded well-known message as Protobuf's JSON mapping shows it: a Timestamp as RFC 3339
  /// text, a Duration as "1.5s", a wrapper as its value; `decoded` as it is for other kinds.
  static nlohmann::json jsonOf(const ProtoType& type, nlohmann::json decoded);
  /// The message's time as a Timestamp's content, for random records.
  static void appendNow(const TemplateContext& context, ByteWriter& out);
};

}  // namespace kafkanative
