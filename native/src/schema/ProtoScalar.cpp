#include "ProtoScalar.hpp"

#include <limits>

#include "TextNumber.hpp"

namespace kafkanative {

namespace {

using FieldType = ProtoType::FieldType;

bool fitsInt32(std::int64_t value) { return value == static_cast<std::int32_t>(value); }

bool fitsUint32(std::int64_t value) {
  return value >= 0 && value <= std::numeric_limits<std::uint32_t>::max();
}

}  // namespace

ProtoWire::WireType ProtoScalar::wireType(FieldType type) noexcept {
  switch (type) {
    case FieldType::kDouble:
    case FieldType::kFixed64:
    case FieldType::kSfixed64:
      return ProtoWire::kFixed64;
    case FieldType::kFloat:
    case FieldType::kFixed32:
    case FieldType::kSfixed32:
      return ProtoWire::kFixed32;
    case FieldType::kString:
    case FieldType::kBytes:
    case FieldType::kMessage:
      return ProtoWire::kLengthDelimited;
    default:
      return ProtoWire::kVarint;
  }
}

std::string ProtoScalar::name(const ProtoType::Field& field) {
  static constexpr const char* kNames[] = {"double",   "float",    "int64",  "uint64",  "int32",
                                           "uint32",   "sint32",   "sint64", "fixed32", "fixed64",
                                           "sfixed32", "sfixed64", "bool",   "string",  "bytes"};
  return field.type != nullptr ? field.type->fullName : kNames[static_cast<int>(field.fieldType)];
}

bool ProtoScalar::isNumber(FieldType type) noexcept {
  return type != FieldType::kBool && type != FieldType::kString && type != FieldType::kBytes &&
         type != FieldType::kEnum && type != FieldType::kMessage;
}

bool ProtoScalar::appendInteger(const ProtoType::Field& field, std::int64_t value,
                                ByteWriter& out) {
  const auto bits = static_cast<std::uint64_t>(value);
  switch (field.fieldType) {
    case FieldType::kInt32:
      if (!fitsInt32(value)) return false;
      ProtoWire::appendVarint(out, bits);  // negative: sign-extended to ten bytes
      return true;
    case FieldType::kInt64:
      ProtoWire::appendVarint(out, bits);
      return true;
    case FieldType::kUint32:
      if (!fitsUint32(value)) return false;
      ProtoWire::appendVarint(out, bits);
      return true;
    case FieldType::kUint64:
      if (value < 0) return false;
      ProtoWire::appendVarint(out, bits);
      return true;
    case FieldType::kSint32:
      if (!fitsInt32(value)) return false;
      ProtoWire::appendVarint(out, ProtoWire::zigzag(value));
      return true;
    case FieldType::kSint64:
      ProtoWire::appendVarint(out, ProtoWire::zigzag(value));
      return true;
    case FieldType::kFixed32:
      if (!fitsUint32(value)) return false;
      ProtoWire::appendLittleEndian(out, bits, 4);
      return true;
    case FieldType::kSfixed32:
      if (!fitsInt32(value)) return false;
      ProtoWire::appendLittleEndian(out, bits, 4);
      return true;
    case FieldType::kFixed64:
      if (value < 0) return false;
      ProtoWire::appendLittleEndian(out, bits, 8);
      return true;
    case FieldType::kSfixed64:
      ProtoWire::appendLittleEndian(out, bits, 8);
      return true;
    case FieldType::kFloat:
      ProtoWire::appendFloat(out, static_cast<float>(value));
      return true;
    case FieldType::kDouble:
      ProtoWire::appendDouble(out, static_cast<double>(value));
      return true;
    case FieldType::kEnum:  // an enum's number, known to the enum or not (open enums)
      if (!fitsInt32(value)) return false;
      ProtoWire::appendVarint(out, bits);
      return true;
    default:
      return false;
  }
}

bool ProtoScalar::appendText(const ProtoType::Field& field, std::string_view text,
                             ByteWriter& out) {
  std::int64_t integer = 0;
  std::uint64_t unsignedInteger = 0;
  double real = 0;
  switch (field.fieldType) {
    case FieldType::kString:
    case FieldType::kBytes:
      ProtoWire::appendLengthDelimited(out, text);
      return true;
    case FieldType::kBool:
      if (text != "true" && text != "false") return false;
      out += static_cast<char>(text == "true" ? 1 : 0);
      return true;
    case FieldType::kFloat:
    case FieldType::kDouble:
      if (!TextNumber::real(text, real)) return false;
      field.fieldType == FieldType::kFloat ? ProtoWire::appendFloat(out, static_cast<float>(real))
                                           : ProtoWire::appendDouble(out, real);
      return true;
    case FieldType::kEnum:
      for (const auto& [name, number] : field.type->values) {
        if (name == text) {
          return appendInteger(field, number, out);
        }
      }
      return TextNumber::integer(text, integer) && appendInteger(field, integer, out);
    case FieldType::kUint64:  // up to 2^64 - 1, past what an int64 holds
    case FieldType::kFixed64:
      if (!TextNumber::integer(text, unsignedInteger)) return false;
      field.fieldType == FieldType::kUint64
          ? ProtoWire::appendVarint(out, unsignedInteger)
          : ProtoWire::appendLittleEndian(out, unsignedInteger, 8);
      return true;
    case FieldType::kMessage:
      return false;
    default:
      return TextNumber::integer(text, integer) && appendInteger(field, integer, out);
  }
}

}  // namespace kafkanative
