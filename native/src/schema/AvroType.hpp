#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace kafkanative {

/// One node of a parsed Avro schema (see AvroSchema, which owns every node). Named types are
/// nodes too, and references to them point at the one node, so a recursive record is a cycle.
struct AvroType {
  enum class Kind {
    kNull,
    kBoolean,
    kInt,
    kLong,
    kFloat,
    kDouble,
    kBytes,
    kString,
    kRecord,
    kEnum,
    kArray,
    kMap,
    kUnion,
    kFixed
  };
  /// The logical types templates may give as text ("2026-12-03", "123.45") and random values
  /// honour; the specification has readers ignore others, and so does this.
  enum class Logical {
    kNone,
    kDate,
    kTimeMillis,
    kTimeMicros,
    kTimestampMillis,
    kTimestampMicros,
    kLocalTimestampMillis,
    kLocalTimestampMicros,
    kUuid,
    kDecimal
  };
  struct Field {
    std::string name;
    const AvroType* type = nullptr;
    nlohmann::json defaultValue;  ///< discarded (is_discarded()) when the field has none
  };

  Kind kind = Kind::kNull;
  std::string fullName;  ///< record, enum, fixed: namespace.name
  Logical logical = Logical::kNone;
  std::vector<Field> fields;              ///< record
  std::vector<std::string> symbols;       ///< enum
  const AvroType* items = nullptr;        ///< array items, map values
  std::vector<const AvroType*> branches;  ///< union
  std::size_t size = 0;                   ///< fixed
  int precision = 0;                      ///< decimal
  int scale = 0;                          ///< decimal

  /// The name a union's JSON encoding uses for this branch ("long", "my.ns.Record").
  std::string branchName() const;
};

}  // namespace kafkanative
