#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// A schema as a Schema Registry knows it.
struct RegisteredSchema {
  std::int32_t id = 0;
  std::string type = "AVRO";  ///< the registry's schemaType: AVRO, PROTOBUF or JSON
  std::string text;           ///< the schema itself
};

}  // namespace kafkanative
