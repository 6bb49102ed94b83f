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
  /// The logical types random values honour; the others (decimal, time-*) change nothing
  /// generated, and the specification has readers ignore what they do not know.
  enum class Logical { kNone, kDate, kTimestampMillis, kTimestampMicros, kUuid };
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

  /// The name a union's JSON encoding uses for this branch ("long", "my.ns.Record").
  std::string branchName() const;
};

}  // namespace kafkanative
