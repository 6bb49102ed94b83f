#pragma once

#include <string>
#include <string_view>

namespace kafkanative {

/// The string formats values are checked against: JSON Schema's `format` (date-time, date,
/// time, uuid, email) and Avro's `uuid`. JSON Schema's other formats stay annotations, as
/// the specification has them by default.
struct StringFormat {
  enum class Kind { kNone, kDateTime, kDate, kTime, kUuid, kEmail };

  /// The format a JSON Schema `format` names; kNone for one not checked.
  static Kind named(std::string_view name);
  static const char* name(Kind kind);
  /// Whether `text` is a valid `kind` (anything is a valid kNone).
  static bool matches(Kind kind, std::string_view text);
  /// 8-4-4-4-12 hexadecimal digits, as RFC 4122 writes a UUID.
  static bool isUuid(std::string_view text);
};

}  // namespace kafkanative
