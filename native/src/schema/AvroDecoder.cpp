#include "AvroDecoder.hpp"

#include <limits>

#include "AvroBinary.hpp"

namespace kafkanative {

namespace {

using Kind = AvroType::Kind;

// A value nested deeper than this is refused rather than followed (a hostile message cannot
// exhaust the stack).
constexpr int kMaxDepth = 256;

class Walk {
 public:
  Walk(std::string_view bytes, std::string* json)
      : reader_{reinterpret_cast<const unsigned char*>(bytes.data()),
                reinterpret_cast<const unsigned char*>(bytes.data()) + bytes.size()},
        json_(json),
        itemBudget_(static_cast<std::int64_t>(bytes.size()) * 8 + 1024) {}

  bool value(const AvroType& type, int depth) {
    if (depth > kMaxDepth) {
      return false;
    }
    std::int64_t integer = 0;
    std::string_view bytes;
    switch (type.kind) {
      case Kind::kNull:
        return emit("null");
      case Kind::kBoolean:
        return reader_.readFixed(1, bytes) && static_cast<unsigned char>(bytes[0]) <= 1 &&
               emit(bytes[0] == 1 ? "true" : "false");
      case Kind::kInt:
      case Kind::kLong:
        return reader_.readLong(integer) &&
               (type.kind == Kind::kLong || integer == static_cast<std::int32_t>(integer)) &&
               emitNumber(integer);
      case Kind::kFloat: {
        float real = 0;
        return reader_.readFloat(real) && emitNumber(real);
      }
      case Kind::kDouble: {
        double real = 0;
        return reader_.readDouble(real) && emitNumber(real);
      }
      case Kind::kString:
        return reader_.readBytes(bytes) && emitString(bytes);
      case Kind::kBytes:
        return reader_.readBytes(bytes) && emitBytes(bytes);
      case Kind::kFixed:
        return reader_.readFixed(type.size, bytes) && emitBytes(bytes);
      case Kind::kEnum:
        return reader_.readLong(integer) && integer >= 0 &&
               static_cast<std::size_t>(integer) < type.symbols.size() &&
               emitString(type.symbols[static_cast<std::size_t>(integer)]);
      case Kind::kUnion:
        return reader_.readLong(integer) && integer >= 0 &&
               static_cast<std::size_t>(integer) < type.branches.size() &&
               value(*type.branches[static_cast<std::size_t>(integer)], depth + 1);
      case Kind::kRecord:
        return record(type, depth);
      case Kind::kArray:
      case Kind::kMap:
        return blocks(type, depth);
    }
    return false;
  }

  bool atEnd() const { return reader_.at == reader_.end; }

 private:
  bool emit(std::string_view text) {
    if (json_ != nullptr) {
      *json_ += text;
    }
    return true;
  }

  /// Formats only when JSON is wanted: checking a value costs no text.
  bool emitNumber(auto number) { return json_ == nullptr || emit(nlohmann::json(number).dump()); }

  bool emitString(std::string_view text) {
    return json_ == nullptr ||
           emit(nlohmann::json(std::string(text))
                    .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
  }

  /// As Avro's JSON encoding writes bytes: each byte the code point of its value.
  bool emitBytes(std::string_view bytes) {
    if (json_ == nullptr) {
      return true;
    }
    std::string utf8;
    for (const char byte : bytes) {
      const auto value = static_cast<unsigned char>(byte);
      if (value < 0x80) {
        utf8 += byte;
      } else {
        utf8 += static_cast<char>(0xC0 | (value >> 6));
        utf8 += static_cast<char>(0x80 | (value & 0x3F));
      }
    }
    return emitString(utf8);
  }

  bool record(const AvroType& type, int depth) {
    emit("{");
    for (std::size_t i = 0; i < type.fields.size(); ++i) {
      emit(i == 0 ? "" : ",");
      emitString(type.fields[i].name);
      emit(":");
      if (!value(*type.fields[i].type, depth + 1)) {
        return false;
      }
    }
    return emit("}");
  }

  bool blocks(const AvroType& type, int depth) {
    const bool map = type.kind == Kind::kMap;
    emit(map ? "{" : "[");
    bool first = true;
    while (true) {
      std::int64_t count = 0;
      if (!reader_.readLong(count)) {
        return false;
      }
      if (count == 0) {
        return emit(map ? "}" : "]");
      }
      if (count < 0) {  // a block with its size in bytes, which a reader may skip by
        std::int64_t size = 0;
        // The most negative count has no positive twin: it can only be hostile bytes.
        if (count == std::numeric_limits<std::int64_t>::min() || !reader_.readLong(size)) {
          return false;
        }
        count = -count;
      }
      // Items of nothing (null, empty records) take no bytes: a hostile count of them would
      // loop for ages, so no value holds more items than a generous multiple of its bytes.
      itemBudget_ -= count;
      if (itemBudget_ < 0) {
        return false;
      }
      for (std::int64_t i = 0; i < count; ++i) {
        emit(first ? "" : ",");
        first = false;
        std::string_view key;
        if (map && !(reader_.readBytes(key) && emitString(key) && emit(":"))) {
          return false;
        }
        if (!value(*type.items, depth + 1)) {
          return false;
        }
      }
    }
  }

  AvroBinary::Reader reader_;
  std::string* json_;
  std::int64_t itemBudget_;
};

}  // namespace

bool AvroDecoder::decode(const AvroType& type, std::string_view bytes, std::string* json,
                         std::string& problem) {
  Walk walk(bytes, json);
  if (!walk.value(type, 0)) {
    problem = "not a value of the schema (" + type.branchName() +
              "): the bytes end early or hold "
              "an invalid varint, union branch, enum index or boolean";
    return false;
  }
  if (!walk.atEnd()) {
    problem = "bytes left over after a value of the schema (" + type.branchName() + ")";
    return false;
  }
  return true;
}

}  // namespace kafkanative
