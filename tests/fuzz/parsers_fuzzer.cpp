// libFuzzer target for the core's parsers of user text: message templates (compile and
// render, with an input message and a stamp), Avro, Protobuf and JSON schemas (every random
// record of a schema that parses must decode again) and record templates against fixed
// schemas, dates, times and decimals as text, the fault schedule, the embedded bootstrap form,
// and of what consumers read: a stamp in a message's text, and bytes decoded as an Avro
// record, a (framed) Protobuf message or a JSON document. Any input may be refused with a
// KafkaError; nothing may crash, hang, leak or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "AvroSchema.hpp"
#include "AvroTemplate.hpp"
#include "DecimalText.hpp"
#include "EmbeddedCluster.hpp"
#include "FaultSchedule.hpp"
#include "JsonSchema.hpp"
#include "JsonTemplate.hpp"
#include "ProtoSchema.hpp"
#include "ProtoTemplate.hpp"
#include "TextStamp.hpp"
#include "TimeText.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/MessageTemplate.hpp"

using namespace kafkanative;

namespace {

// Every kind of Avro type, for templates and for decoding arbitrary bytes.
constexpr const char* kRecordSchema = R"({"type":"record","name":"R","fields":[
  {"name":"i","type":"int"},{"name":"l","type":"long","default":1},
  {"name":"s","type":["null","string"],"default":null},{"name":"d","type":"double","default":0},
  {"name":"e","type":{"type":"enum","name":"E","symbols":["A","B"]},"default":"A"},
  {"name":"a","type":{"type":"array","items":"R"},"default":[]},
  {"name":"m","type":{"type":"map","values":"bytes"},"default":{}},
  {"name":"f","type":{"type":"fixed","name":"F","size":2},"default":"ab"},
  {"name":"b","type":"boolean","default":false},{"name":"x","type":"float","default":0},
  {"name":"dec","type":{"type":"bytes","logicalType":"decimal","precision":5,"scale":2},"default":""},
  {"name":"fd","type":{"type":"fixed","name":"D","size":3,"logicalType":"decimal","precision":7},"default":"abc"},
  {"name":"day","type":{"type":"int","logicalType":"date"},"default":0},
  {"name":"tod","type":{"type":"int","logicalType":"time-millis"},"default":0},
  {"name":"ts","type":{"type":"long","logicalType":"timestamp-micros"},"default":0},
  {"name":"id","type":{"type":"string","logicalType":"uuid"},"default":"x"}]})";

// Every kind of Protobuf field, likewise.
constexpr const char* kMessageSchema = R"(syntax = "proto3"; package f;
  message M { int32 i = 1; sint64 s = 2; string t = 3; bytes b = 4; repeated int64 p = 5;
    repeated string r = 6; map<string, M> m = 7; E e = 8; fixed32 x = 9; double d = 10;
    oneof o { bool y = 11; M n = 12; } }
  enum E { A = 0; B = 1; })";

// Every JSON Schema keyword the validator takes, likewise.
constexpr const char* kDocumentSchema = R"({"type": "object", "required": ["i"],
  "additionalProperties": false, "properties": {"i": {"type": "integer", "minimum": 0},
  "s": {"type": "string", "maxLength": 9, "pattern": "^[a-z]*$"}, "e": {"enum": ["A", 1]},
  "a": {"type": "array", "items": {"$ref": "#"}, "maxItems": 3},
  "o": {"oneOf": [{"type": "null"}, {"type": "number", "exclusiveMaximum": 5}]},
  "n": {"not": {"const": 3}}, "b": {"anyOf": [{"type": "boolean"}, {"$ref": "#/$defs/d"}]}},
  "$defs": {"d": {"allOf": [{"type": "string"}, {"minLength": 1}]}}})";

/// Bytes decoded, and a template rendered, with `fixed`; then `text` as a schema of its own:
/// every random record of it must decode with it (unless it has no finite value).
template <typename Schema, typename Template>
void fuzzFormat(const Schema& fixed, const std::string& text) {
  std::string problem;
  std::string json;
  fixed.decode(text, false, nullptr, problem);
  fixed.decode(text, true, &json, problem);
  FastRandom random(text.size());
  std::string out;
  try {
    const Template compiled(fixed, text, "fuzz template");
    compiled.render(TemplateContext{3, 1, random}, out);
  } catch (const KafkaError&) {
  }
  try {
    const Schema schema(text, "fuzz");
    const Template wholly(schema, "", "fuzz");
    out.clear();
    if (wholly.render(TemplateContext{0, 0, random}, out) &&
        !schema.decode(out, false, &json, problem)) {
      __builtin_trap();
    }
  } catch (const KafkaError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks the padding target, so sizes are fuzzed too (0 to 255 bytes).
  const std::size_t targetSize = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const MessageTemplate compiled(text, targetSize, "fuzz");
    FastRandom random(size);
    std::string out;
    for (std::uint64_t sequence : {0ULL, 1ULL, 18446744073709551615ULL}) {
      TemplateContext context{sequence, 7, random};
      context.input = text;
      context.inputKey = std::string_view(text).substr(0, 3);
      context.stamp = "kn-stamp/1/2/p";
      compiled.render(context, out);
    }
  } catch (const KafkaError&) {
  }
  // Dates, times and decimals as templates give them: any text is read or refused, no more.
  (void)TimeText::epochDays(text);
  (void)TimeText::timeOfDay(text, 1'000'000);
  (void)TimeText::epochTime(text, 1000, targetSize % 2 == 0);
  (void)DecimalText::unscaledBytes(text, static_cast<int>(targetSize % 40), 38, targetSize % 17);
  if (const auto stamp = TextStamp::find(text)) {
    // What a consumer then uses: the producer id must lie within the text.
    if (stamp->producer.data() < text.data() ||
        stamp->producer.data() + stamp->producer.size() > text.data() + text.size()) {
      __builtin_trap();
    }
  }
  static const AvroSchema avro(kRecordSchema, "fuzz schema");
  static const ProtoSchema protobuf(kMessageSchema, "fuzz schema");
  static const JsonSchema json(kDocumentSchema, "fuzz schema");
  fuzzFormat<AvroSchema, AvroTemplate>(avro, text);
  fuzzFormat<ProtoSchema, ProtoTemplate>(protobuf, text);
  fuzzFormat<JsonSchema, JsonTemplate>(json, text);
  try {
    FaultSchedule::parse(text, 3);
  } catch (const KafkaError&) {
  }
  try {
    EmbeddedCluster::brokersFor(text);
  } catch (const KafkaError&) {
  }
  return 0;
}
