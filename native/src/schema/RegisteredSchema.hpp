#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kafkanative {

/// A schema as a Schema Registry knows it.
struct RegisteredSchema {
  /// Another subject's version a schema depends on, by the name the schema uses for it (a
  /// .proto's import path), as Confluent's `references` give it.
  struct Reference {
    std::string name;
    std::string subject;
    std::int32_t version = 0;
  };

  std::int32_t id = 0;
  std::int32_t version = 0;   ///< under the subject it was read from or looked up in
  std::string type = "AVRO";  ///< the registry's schemaType: AVRO, PROTOBUF or JSON
  std::string text;           ///< the schema itself
  std::vector<Reference> references;
};

}  // namespace kafkanative
