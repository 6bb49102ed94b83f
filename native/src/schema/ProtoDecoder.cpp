#include "ProtoDecoder.hpp"

#include <bit>

#include <nlohmann/json.hpp>

#include "Base64.hpp"
#include "ProtoScalar.hpp"
#include "ProtoWellKnown.hpp"

namespace kafkanative {

namespace {

using FieldType = ProtoType::FieldType;
using Field = ProtoType::Field;

/// Whether `bytes` are well-formed UTF-8 (no overlong forms, surrogates or code points past
/// U+10FFFF), as proto3 requires of strings.
bool validUtf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    int extra = -1;  // continuation bytes after the lead
    if (lead < 0x80) {
      extra = 0;
    } else if ((lead & 0xE0) == 0xC0) {
      extra = 1;
    } else if ((lead & 0xF0) == 0xE0) {
      extra = 2;
    } else if ((lead & 0xF8) == 0xF0) {
      extra = 3;
    }
    if (extra < 0 || i + static_cast<std::size_t>(extra) >= bytes.size()) {
      return false;
    }
    std::uint32_t code = extra == 0 ? lead : lead & (0x3F >> extra);
    for (int k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(bytes[i + static_cast<std::size_t>(k)]);
      if ((next & 0xC0) != 0x80) {
        return false;
      }
      code = code << 6 | (next & 0x3F);
    }
    static constexpr std::uint32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
    if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

class Walk {
 public:
  /// `proto3`: the file's syntax, which decides whether strings must be UTF-8.
  Walk(std::string& problem, bool proto3) : problem_(problem), proto3_(proto3) {}

  bool message(const ProtoType& type, std::string_view bytes, nlohmann::json* out, int depth) {
    if (depth > ProtoDecoder::kMaxDepth) {
      return fail("messages nested deeper than " + std::to_string(ProtoDecoder::kMaxDepth));
    }
    if (out != nullptr) {
      *out = nlohmann::json::object();
    }
    ProtoWire::Reader reader(bytes);
    std::uint64_t seen = 0;  // required fields found, by index (the first 64)
    while (!reader.done()) {
      std::uint64_t key = 0;
      if (!reader.readVarint(key)) {
        return fail("message " + type.fullName + ": a field's tag is cut short");
      }
      const auto wire = static_cast<std::uint32_t>(key & 7);
      const std::uint64_t number = key >> 3;
      if (number == 0 || number > (1U << 29) - 1) {
        return fail("message " + type.fullName + ": field number " + std::to_string(number));
      }
      const Field* field = nullptr;
      for (std::size_t i = 0; i < type.fields.size() && field == nullptr; ++i) {
        if (type.fields[i].number == number) {
          field = &type.fields[i];
          seen |= i < 64 ? std::uint64_t{1} << i : 0;
        }
      }
      const bool packedRun = field != nullptr && field->repeated &&
                             wire == ProtoWire::kLengthDelimited &&
                             ProtoScalar::wireType(field->fieldType) != wire;
      if (field != nullptr && (packedRun || ProtoScalar::wireType(field->fieldType) == wire)) {
        if (!(packedRun ? packed(*field, reader, out) : value(*field, reader, out, depth))) {
          return false;
        }
      } else if (!skip(wire, reader)) {  // unknown, or known with another wire type
        return fail("message " + type.fullName + ": field " + std::to_string(number) +
                    " is cut short or has wire type " + std::to_string(wire));
      }
    }
    for (std::size_t i = 0; i < type.fields.size() && i < 64; ++i) {
      if (type.fields[i].required && (seen & (std::uint64_t{1} << i)) == 0) {
        return fail("message " + type.fullName + ": required field " + type.fields[i].name +
                    " is missing");
      }
    }
    return true;
  }

 private:
  bool fail(std::string problem) {
    problem_ = std::move(problem);
    return false;
  }

  static bool skip(std::uint32_t wire, ProtoWire::Reader& reader) {
    std::uint64_t ignored = 0;
    std::string_view bytes;
    switch (wire) {
      case ProtoWire::kVarint:
        return reader.readVarint(ignored);
      case ProtoWire::kFixed64:
        return reader.readFixed(8, ignored);
      case ProtoWire::kFixed32:
        return reader.readFixed(4, ignored);
      case ProtoWire::kLengthDelimited:
        return reader.readLengthDelimited(bytes);
      default:  // groups (3, 4) and 6, 7
        return false;
    }
  }

  bool packed(const Field& field, ProtoWire::Reader& reader, nlohmann::json* out) {
    std::string_view run;
    if (!reader.readLengthDelimited(run)) {
      return fail("field " + field.name + ": a packed run is cut short");
    }
    ProtoWire::Reader values(run);
    while (!values.done()) {
      if (!value(field, values, out, 0)) {
        return false;
      }
    }
    return true;
  }

  bool value(const Field& field, ProtoWire::Reader& reader, nlohmann::json* out, int depth) {
    nlohmann::json decoded;
    nlohmann::json* into = out != nullptr ? &decoded : nullptr;
    if (!(field.fieldType == FieldType::kMessage ? nested(field, reader, into, depth)
                                                 : scalar(field, reader, into))) {
      return false;
    }
    if (out == nullptr) {
      return true;
    }
    nlohmann::json& slot = (*out)[field.jsonName];
    if (field.map) {  // an entry: {"key": k, "value": v} becomes "k": v
      const nlohmann::json key = decoded.value("key", nlohmann::json(""));
      slot[key.is_string() ? key.get<std::string>() : key.dump()] =
          decoded.value("value", nlohmann::json());
    } else if (field.repeated) {
      slot.push_back(std::move(decoded));
    } else {
      slot = std::move(decoded);
    }
    return true;
  }

  bool nested(const Field& field, ProtoWire::Reader& reader, nlohmann::json* out, int depth) {
    std::string_view bytes;
    if (!reader.readLengthDelimited(bytes)) {
      return fail("field " + field.name + ": the message is cut short");
    }
    if (!message(*field.type, bytes, out, depth + 1)) {
      return false;
    }
    if (out != nullptr) {  // well-known types as Protobuf's JSON mapping shows them
      *out = ProtoWellKnown::jsonOf(*field.type, std::move(*out));
    }
    return true;
  }

  bool scalar(const Field& field, ProtoWire::Reader& reader, nlohmann::json* out) {
    std::uint64_t bits = 0;
    std::string_view bytes;
    const ProtoWire::WireType wire = ProtoScalar::wireType(field.fieldType);
    const bool read = wire == ProtoWire::kVarint    ? reader.readVarint(bits)
                      : wire == ProtoWire::kFixed64 ? reader.readFixed(8, bits)
                      : wire == ProtoWire::kFixed32 ? reader.readFixed(4, bits)
                                                    : reader.readLengthDelimited(bytes);
    if (!read) {
      return fail("field " + field.name + ": its value is cut short");
    }
    if (field.fieldType == FieldType::kString && proto3_ && !validUtf8(bytes)) {
      return fail("field " + field.name + ": a string that is not UTF-8");
    }
    if (out != nullptr) {
      *out = json(field, bits, bytes);
    }
    return true;
  }

  static nlohmann::json json(const Field& field, std::uint64_t bits, std::string_view bytes) {
    switch (field.fieldType) {
      case FieldType::kInt32:
      case FieldType::kSfixed32:
        return static_cast<std::int32_t>(bits);
      case FieldType::kUint32:
      case FieldType::kFixed32:
        return static_cast<std::uint32_t>(bits);
      case FieldType::kInt64:
      case FieldType::kSfixed64:
        return static_cast<std::int64_t>(bits);
      case FieldType::kUint64:
      case FieldType::kFixed64:
        return bits;
      case FieldType::kSint32:
      case FieldType::kSint64:
        return ProtoWire::unzigzag(bits);
      case FieldType::kBool:
        return bits != 0;
      case FieldType::kFloat:
        return std::bit_cast<float>(static_cast<std::uint32_t>(bits));
      case FieldType::kDouble:
        return std::bit_cast<double>(bits);
      case FieldType::kEnum:
        for (const auto& [name, number] : field.type->values) {
          if (number == static_cast<std::int32_t>(bits)) {
            return name;
          }
        }
        return static_cast<std::int32_t>(bits);
      case FieldType::kBytes: {
        std::string text;
        Base64::encode(bytes, text);
        return text;
      }
      default:
        return std::string(bytes);
    }
  }

  std::string& problem_;
  bool proto3_;
};

}  // namespace

bool ProtoDecoder::decode(const ProtoType& type, std::string_view bytes, std::string* json,
                          std::string& problem) {
  Walk walk(problem, type.proto3);
  nlohmann::json record;
  if (!walk.message(type, bytes, json != nullptr ? &record : nullptr, 0)) {
    return false;
  }
  if (json != nullptr) {
    json->append(record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }
  return true;
}

}  // namespace kafkanative
