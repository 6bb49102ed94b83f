#include "WellKnownProtos.hpp"

#include <map>

namespace kafkanative {

std::optional<std::string> WellKnownProtos::file(std::string_view path) {
  static const std::map<std::string, std::string, std::less<>> kFiles = {
      {"google/protobuf/timestamp.proto",
       R"(syntax = "proto3"; package google.protobuf;
message Timestamp { int64 seconds = 1; int32 nanos = 2; })"},
      {"google/protobuf/duration.proto",
       R"(syntax = "proto3"; package google.protobuf;
message Duration { int64 seconds = 1; int32 nanos = 2; })"},
      {"google/protobuf/empty.proto",
       R"(syntax = "proto3"; package google.protobuf;
message Empty {})"},
      {"google/protobuf/field_mask.proto",
       R"(syntax = "proto3"; package google.protobuf;
message FieldMask { repeated string paths = 1; })"},
      {"google/protobuf/any.proto",
       R"(syntax = "proto3"; package google.protobuf;
message Any { string type_url = 1; bytes value = 2; })"},
      {"google/protobuf/wrappers.proto",
       R"(syntax = "proto3"; package google.protobuf;
message DoubleValue { double value = 1; }
message FloatValue { float value = 1; }
message Int64Value { int64 value = 1; }
message UInt64Value { uint64 value = 1; }
message Int32Value { int32 value = 1; }
message UInt32Value { uint32 value = 1; }
message BoolValue { bool value = 1; }
message StringValue { string value = 1; }
message BytesValue { bytes value = 1; })"},
      {"google/protobuf/struct.proto",
       R"(syntax = "proto3"; package google.protobuf;
message Struct { map<string, Value> fields = 1; }
message Value {
  oneof kind {
    NullValue null_value = 1;
    double number_value = 2;
    string string_value = 3;
    bool bool_value = 4;
    Struct struct_value = 5;
    ListValue list_value = 6;
  }
}
enum NullValue { NULL_VALUE = 0; }
message ListValue { repeated Value values = 1; })"}};
  const auto found = kFiles.find(path);
  return found == kFiles.end() ? std::nullopt : std::optional<std::string>(found->second);
}

}  // namespace kafkanative
