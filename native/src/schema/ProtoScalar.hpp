#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "ProtoType.hpp"
#include "ProtoWire.hpp"

namespace kafkanative {

/// How a field's single value goes on the wire, by its type (its tag aside).
struct ProtoScalar {
  using FieldType = ProtoType::FieldType;

  static ProtoWire::WireType wireType(FieldType type) noexcept;
  /// The type as a .proto file names it ("int64"; an enum's or message's full name).
  static std::string name(const ProtoType::Field& field);
  static bool isNumber(FieldType type) noexcept;

  /// Appends `value` as the field's type; false when it does not fit (out of range, or the
  /// type holds no number).
  static bool appendInteger(const ProtoType::Field& field, std::int64_t value, ByteWriter& out);
  /// Appends `text` as the field's type: numbers in decimal, bools as true/false, enums by name
  /// or number, strings and bytes as they are. False when it does not fit.
  static bool appendText(const ProtoType::Field& field, std::string_view text, ByteWriter& out);
};

}  // namespace kafkanative
