#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kafkanative {

/// One message or enum type of a parsed .proto file (see ProtoSchema, which owns every type).
/// Fields point at the types they hold, so a recursive message is a cycle.
struct ProtoType {
  enum class Kind { kMessage, kEnum };

  /// A field's type as the wire sees it; kMessage and kEnum name their type in `type`.
  enum class FieldType {
    kDouble,
    kFloat,
    kInt64,
    kUint64,
    kInt32,
    kUint32,
    kSint32,
    kSint64,
    kFixed32,
    kFixed64,
    kSfixed32,
    kSfixed64,
    kBool,
    kString,
    kBytes,
    kEnum,
    kMessage
  };

  struct Field {
    std::string name;
    std::string jsonName;  ///< lowerCamelCase, as Protobuf's JSON mapping names it
    std::uint32_t number = 0;
    FieldType fieldType = FieldType::kInt32;
    const ProtoType* type = nullptr;  ///< kEnum, kMessage
    bool repeated = false;
    bool packed = false;    ///< repeated numbers in one length-delimited run
    bool required = false;  ///< proto2's `required`
    bool map = false;       ///< a map<K, V>: repeated entries of `type` (fields key 1, value 2)
    int oneof = -1;         ///< the oneof it belongs to (an index within the message), or -1
  };

  Kind kind = Kind::kMessage;
  std::string fullName;                                      ///< package.Outer.Name
  std::vector<Field> fields;                                 ///< message, in declaration order
  std::vector<std::pair<std::string, std::int32_t>> values;  ///< enum, in declaration order
  bool proto3 = true;  ///< from the file's syntax: strings must be UTF-8 under proto3

  const Field* field(const std::string& name) const {
    for (const auto& candidate : fields) {
      if (candidate.name == name || candidate.jsonName == name) {
        return &candidate;
      }
    }
    return nullptr;
  }
};

}  // namespace kafkanative
