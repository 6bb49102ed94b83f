// Protobuf messages from templates and from the schema alone, byte for byte against the
// encoding Protobuf's documentation gives, and read back by the decoder a consumer uses.
#include "ProtoTemplate.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <set>

#include <nlohmann/json.hpp>

#include "ExpectRefused.hpp"
#include "PickDraws.hpp"
#include "ProtoDecoder.hpp"
#include "ProtoSchema.hpp"
#include "ProtoWire.hpp"
#include "TimeText.hpp"
#include "kafkanative/KafkaError.hpp"

using namespace kafkanative;

namespace {

constexpr const char* kSample = R"(
syntax = "proto3";
package test.proto;
/* every kind of field the encoder writes */
message Sample {
  int64 id = 1;
  string name = 2;
  int32 small = 3;
  repeated int32 numbers = 4;
  sint32 signed = 5;
  Level level = 6;
  Inner inner = 7;
  map<string, int32> counts = 8;
  bytes raw = 9;
  fixed32 code = 10;
  double ratio = 11;
  bool active = 12;
  repeated string tags = 13;
  oneof choice {
    string text = 14;
    int64 number = 15;
  }
  repeated int32 loose = 16 [packed = false];
  string user_name = 17;
  message Inner {
    string label = 1;
    Sample parent = 2;  // recursion: random messages must end
  }
}
enum Level { LOW = 0; HIGH = 1; }
message Other { string note = 1; }
)";

std::string render(const ProtoTemplate& compiled, std::uint64_t sequence = 0) {
  FastRandom random(42);
  std::string out;
  EXPECT_TRUE(compiled.render(TemplateContext{sequence, 0, random}, out)) << compiled.problem();
  return out;
}

std::string encoded(const ProtoSchema& schema, const std::string& templateText,
                    std::uint64_t sequence = 0) {
  return render(ProtoTemplate(schema, templateText, "value template"), sequence);
}

nlohmann::json decoded(const ProtoType& type, const std::string& bytes) {
  std::string json;
  std::string problem;
  EXPECT_TRUE(ProtoDecoder::decode(type, bytes, &json, problem)) << problem;
  return nlohmann::json::parse(json, nullptr, false);
}

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (const int value : values) {
    out += static_cast<char>(value);
  }
  return out;
}

std::string lengthDelimited(std::string_view content) {
  std::string run;
  {
    ByteWriter out(run);
    ProtoWire::appendLengthDelimited(out, content);
  }
  return run;
}

}  // namespace

TEST(ProtoTemplate, EncodesLiteralsAsTheDocumentationSays) {
  const ProtoSchema schema(kSample, "schema");
  EXPECT_EQ(schema.rootName(), "test.proto.Sample");
  EXPECT_EQ(encoded(schema, R"({"id": 150})"), bytes({0x08, 0x96, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"name": "testing"})"),
            bytes({0x12, 0x07, 't', 'e', 's', 't', 'i', 'n', 'g'}));
  EXPECT_EQ(encoded(schema, R"({"small": -1})"),  // sign-extended to ten bytes
            bytes({0x18, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"numbers": [3, 270, 86942]})"),  // packed, as proto3 says
            bytes({0x22, 0x06, 0x03, 0x8E, 0x02, 0x9E, 0xA7, 0x05}));
  EXPECT_EQ(encoded(schema, R"({"signed": -1})"), bytes({0x28, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"level": "HIGH"})"), bytes({0x30, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"inner": {"label": "a"}})"), bytes({0x3A, 0x03, 0x0A, 0x01, 'a'}));
  EXPECT_EQ(encoded(schema, R"({"counts": {"a": 1}})"),
            bytes({0x42, 0x05, 0x0A, 0x01, 'a', 0x10, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"raw": "AQI="})"), bytes({0x4A, 0x02, 0x01, 0x02}));
  EXPECT_EQ(encoded(schema, R"({"code": 1, "active": true})"),
            bytes({0x55, 0x01, 0x00, 0x00, 0x00, 0x60, 0x01}));
  EXPECT_EQ(encoded(schema, R"({"loose": [1, 2]})"), bytes({0x80, 0x01, 0x01, 0x80, 0x01, 0x02}));
  // Protobuf's JSON names (lowerCamel) as well as the .proto's; int64 given as a string.
  EXPECT_EQ(encoded(schema, R"({"userName": "b", "id": "150"})"),
            bytes({0x08, 0x96, 0x01, 0x8A, 0x01, 0x01, 'b'}));
}

TEST(ProtoTemplate, RendersPlaceholdersIntoTheirFieldsTypesAndLengths) {
  const ProtoSchema schema(kSample, "schema");
  const ProtoTemplate compiled(
      schema,
      R"({"id": {{seq}}, "name": "n-{{seq}}", "inner": {"label": "{{seq}}"},
          "numbers": [{{seq}}, 5], "level": "{{pick:HIGH}}"})",
      "value template");
  // Nested and packed lengths follow what the placeholders wrote.
  EXPECT_EQ(render(compiled, 300),
            bytes({0x08, 0xAC, 0x02, 0x12, 0x05, 'n',  '-',  '3',  '0',  '0', 0x22, 0x03,
                   0xAC, 0x02, 0x05, 0x30, 0x01, 0x3A, 0x05, 0x0A, 0x03, '3', '0',  '0'}));
  // A nested length past 127 takes two bytes.
  const ProtoTemplate longer(schema, R"({"inner": {"label": "{{random_string:200}}"}})",
                             "value template");
  const std::string message = render(longer);
  EXPECT_EQ(message.substr(0, 3), bytes({0x3A, 0xCB, 0x01}));  // 203: the label's tag and length
  EXPECT_EQ(decoded(schema.root(), message)["inner"]["label"].get<std::string>().size(), 200U);
  EXPECT_EQ(decoded(schema.root(), render(compiled, 7)),
            nlohmann::json::parse(R"({"id": 7, "name": "n-7", "inner": {"label": "7"},
                                      "numbers": [7, 5], "level": "HIGH"})"));
}

TEST(ProtoTemplate, RandomMessagesFollowTheSchemaAndEnd) {
  const ProtoSchema schema(kSample, "schema");
  const ProtoTemplate whole(schema, "", "value template");
  const ProtoTemplate field(schema, R"({"id": 1, "inner": "{{random}}", "tags": ["{{random}}"]})",
                            "value template");
  FastRandom random(7);
  std::string out;
  for (std::uint64_t i = 0; i < 200; ++i) {
    out.clear();
    ASSERT_TRUE(whole.render(TemplateContext{i, 0, random}, out)) << whole.problem();
    const nlohmann::json record = decoded(schema.root(), out);
    EXPECT_FALSE(record.contains("text") && record.contains("number")) << record;  // a oneof
    out.clear();
    ASSERT_TRUE(field.render(TemplateContext{i, 0, random}, out)) << field.problem();
    const nlohmann::json partial = decoded(schema.root(), out);
    EXPECT_EQ(partial["id"], 1);
    EXPECT_EQ(partial["tags"].size(), 1U);
  }
}

TEST(ProtoTemplate, ATemplateThatDoesNotFitTheSchemaIsRefusedWithTheField) {
  const ProtoSchema schema(kSample, "schema");
  const auto refused = [&schema](const char* text, const std::string& expected) {
    expectRefused([&] { ProtoTemplate(schema, text, "value template"); }, expected);
  };
  refused(R"({"nope": 1})", "message test.proto.Sample has no field 'nope'");
  refused(R"({"id": "abc"})", "field id: expected int64, got \"abc\"");
  refused(R"({"small": 3000000000})", "field small: expected int32");
  refused(R"({"text": "a", "number": 1})", "field number: another field of its oneof");
  refused(R"({"level": "MIDDLE"})", "field level: expected test.proto.Level");
  refused(R"({"inner": {"parent": {"id": true}}})", "field inner.parent.id: expected int64");
  refused(R"({"numbers": 1})", "field numbers: expected a JSON array");
  refused(R"({"raw": "not base64!"})", "field raw: expected bytes");
  refused(R"({"id": )", "value template");
}

TEST(ProtoTemplate, PlaceholderTextThatDoesNotFitFailsTheMessageWithTheField) {
  const ProtoSchema schema(kSample, "schema");
  const ProtoTemplate compiled(schema, R"({"inner": {"parent": {"id": "x{{seq}}"}}})",
                               "value template");
  FastRandom random(1);
  std::string out;
  EXPECT_FALSE(compiled.render(TemplateContext{4, 0, random}, out));
  EXPECT_EQ(compiled.problem(), "value template, field inner.parent.id: 'x4' is not a valid int64");
  const ProtoTemplate small(schema, R"({"small": {{seq}}})", "value template");
  EXPECT_FALSE(small.render(TemplateContext{1ULL << 40, 0, random}, out));
  EXPECT_NE(small.problem().find("is not a valid int32"), std::string::npos);
}

TEST(ProtoTemplate, ALonePickIsEncodedWhenCompiledAndDrawsAsItsTextWould) {
  const ProtoSchema schema(kSample, "schema");
  const ProtoTemplate compiled(
      schema, R"({"name": "{{pick:ann|bob}}", "level": "{{pick:LOW|HIGH}}"})", "value template");
  const auto seen = expectPicksDrawnAsText(
      [&](const TemplateContext& context) {
        std::string out;
        EXPECT_TRUE(compiled.render(context, out)) << compiled.problem();
        return decoded(schema.root(), out);
      },
      {{"name", "{{pick:ann|bob}}"}, {"level", "{{pick:LOW|HIGH}}"}},
      "LOW");  // proto3 leaves an enum at its default (LOW, 0) off the wire
  EXPECT_EQ(seen.at("level"), (std::set<std::string>{"LOW", "HIGH"}));
  // A choice that does not fit the field is refused when the template is compiled.
  expectRefused([&] { ProtoTemplate(schema, R"({"level": "{{pick:HIGH|MIDDLE}}"})", "t"); },
                "field level: 'MIDDLE' is not a valid");
}

TEST(ProtoSchema, InvalidSchemasAreClearErrorsWithTheLine) {
  const auto refused = [](const char* text, const std::string& expected) {
    expectRefused([text] { ProtoSchema(text, "value schema 'x.proto'"); }, expected);
  };
  refused("syntax = \"proto3\";\nimport \"other.proto\";\nmessage A { int32 a = 1; }",
          "value schema 'x.proto': import 'other.proto' not found");
  refused("syntax = \"proto3\";\nmessage A {\n  Nope a = 1;\n}",
          "line 3: field a: unknown type 'Nope'");
  refused("message A { int32 a = 1; string b = 1; }", "field b (1) clashes with field a (1)");
  refused("message A { int32 a = 1;", "'}' missing at the end of message A");
  refused("message A { int32 a = 0; }", "0 is not a usable field number");
  refused("edition = \"2023\";", "editions are not supported");
  refused("enum E { A = 0; }", "the file holds no message");
  refused("message A { map<double, int32> m = 1; }", "a map key must be");
  refused("message A { int32 a = 1 }", "expected ';', got '}'");
  refused("/* open", "a /* comment is not closed");
}

TEST(ProtoSchema, ResolvesScopesAndFindsMessagesByIndex) {
  const ProtoSchema schema(R"(
    syntax = "proto2";
    package p;
    option java_package = "x.y";
    message A {
      message B { optional int32 x = 1; }
      map<string, B> m = 1;  // its entry message is nested in A, before C
      message C { optional B b = 1 [deprecated = true]; }
      optional .p.A.C c = 2;
      repeated int32 r = 3;  // proto2: not packed unless asked
      required string must = 4;
    }
    message D { optional A.B b = 1; }
    service S { rpc Get (A) returns (D); }
  )",
                           "schema");
  EXPECT_EQ(schema.rootName(), "p.A");
  const std::int64_t second[] = {1};
  const std::int64_t nested[] = {0, 2};  // A's third nested message: B, MEntry, C
  ASSERT_NE(schema.message(second), nullptr);
  EXPECT_EQ(schema.message(second)->fullName, "p.D");
  ASSERT_NE(schema.message(nested), nullptr);
  EXPECT_EQ(schema.message(nested)->fullName, "p.A.C");
  const std::int64_t beyond[] = {2};
  EXPECT_EQ(schema.message(beyond), nullptr);
  EXPECT_FALSE(schema.root().fields[2].packed);
  EXPECT_TRUE(schema.root().fields[3].required);
  expectRefused([&schema] { ProtoTemplate(schema, R"({"r": [1]})", "value template"); },
                "field must: missing, and message p.A requires it");
}

TEST(ProtoDecoder, ReadsAsProtobufDoesAndRefusesMalformedBytes) {
  const ProtoSchema schema(kSample, "schema");
  const std::string good = encoded(schema, R"({"id": 1, "name": "n", "inner": {"label": "l"},
                                             "numbers": [1, 2], "counts": {"k": 3}})");
  std::string problem;
  for (std::size_t cut = 1; cut < good.size(); ++cut) {
    // Every prefix either ends between fields (a valid, shorter message) or is refused.
    std::string json;
    if (!ProtoDecoder::decode(schema.root(), good.substr(0, cut), &json, problem)) {
      EXPECT_FALSE(problem.empty());
    }
  }
  EXPECT_FALSE(ProtoDecoder::decode(schema.root(), good.substr(0, 1), nullptr, problem));
  // Unknown fields are skipped; a packed field may come unpacked; JSON names are lowerCamel.
  const nlohmann::json json =
      decoded(schema.root(), good + bytes({0xF8, 0x06, 0x05, 0x20, 0x09, 0x8A, 0x01, 0x01, 'u'}));
  EXPECT_EQ(json["numbers"], nlohmann::json::parse("[1, 2, 9]"));
  EXPECT_EQ(json["counts"], nlohmann::json::parse(R"({"k": 3})"));
  EXPECT_EQ(json["userName"], "u");
  // A proto3 string that is not UTF-8; a field number 0; a group's wire type.
  EXPECT_FALSE(ProtoDecoder::decode(schema.root(), bytes({0x12, 0x01, 0xFF}), nullptr, problem));
  EXPECT_NE(problem.find("not UTF-8"), std::string::npos);
  EXPECT_FALSE(ProtoDecoder::decode(schema.root(), bytes({0x00, 0x01}), nullptr, problem));
  EXPECT_FALSE(ProtoDecoder::decode(schema.root(), bytes({0x0B}), nullptr, problem));
  // A message nested past the limit: refused, not followed down the stack.
  std::string deep;
  const auto wrap = [&deep] {  // two levels more: Sample.inner, then Inner.parent
    deep = bytes({0x3A}) + lengthDelimited(bytes({0x12}) + lengthDelimited(deep));
  };
  for (int level = 0; level < ProtoDecoder::kMaxDepth; level += 2) {
    wrap();
  }
  EXPECT_TRUE(ProtoDecoder::decode(schema.root(), deep, nullptr, problem)) << problem;
  wrap();
  EXPECT_FALSE(ProtoDecoder::decode(schema.root(), deep, nullptr, problem));
  EXPECT_NE(problem.find("nested deeper"), std::string::npos);
  const ProtoSchema proto2("syntax = \"proto2\"; message R { required int32 a = 1; }", "schema");
  EXPECT_FALSE(ProtoDecoder::decode(proto2.root(), "", nullptr, problem));
  EXPECT_NE(problem.find("required field a is missing"), std::string::npos);
}

TEST(ProtoDecoder, FramedRecordsNameTheirMessageByIndex) {
  const ProtoSchema schema(kSample, "schema");
  std::string json;
  std::string problem;
  ASSERT_TRUE(
      schema.decode(schema.framing() + encoded(schema, R"({"id": 5})"), true, &json, problem))
      << problem;
  EXPECT_EQ(json, R"({"id":5})");
  json.clear();
  // Indexes [1]: count 1, index 1, zigzag: the file's second message, Other.
  ASSERT_TRUE(schema.decode(bytes({0x02, 0x02, 0x0A, 0x01, 'o'}), true, &json, problem)) << problem;
  EXPECT_EQ(json, R"({"note":"o"})");
  EXPECT_FALSE(schema.decode(bytes({0x02, 0x08}), true, nullptr, problem));
  EXPECT_NE(problem.find("name no message"), std::string::npos);
  EXPECT_FALSE(schema.decode(bytes({0x7E}), true, nullptr, problem));
  EXPECT_NE(problem.find("malformed"), std::string::npos);
}

// The record is the message named, nested too, and the registry's wire format names it by its
// message indexes (count and each index, zigzag): [1] for the file's second message, [0, 1]
// for the second nested in its first. A consumer reading such framing decodes with that message.
TEST(ProtoSchema, TheRecordIsTheMessageNamedAndItsIndexesFrameIt) {
  EXPECT_EQ(ProtoSchema(kSample, "s").framing(), std::string(1, '\0'));  // the first, [0]
  EXPECT_EQ(ProtoSchema(kSample, "s", "test.proto.Sample").framing(), std::string(1, '\0'));
  const ProtoSchema other(kSample, "s", "test.proto.Other");
  EXPECT_EQ(other.rootName(), "test.proto.Other");
  EXPECT_EQ(other.framing(), std::string("\x02\x02", 2));  // [1]
  const ProtoSchema inner(kSample, "s", ".test.proto.Sample.Inner");
  EXPECT_EQ(inner.rootName(), "test.proto.Sample.Inner");
  // [0, 1]: the map's entry message (CountsEntry) comes first among Sample's, as protoc has it
  EXPECT_EQ(inner.framing(), std::string("\x04\x00\x02", 3));
  const auto compiled = inner.compile(R"({"label": "x"})", "t");
  const std::string bytes = render(dynamic_cast<const ProtoTemplate&>(*compiled));
  std::string json;
  std::string problem;
  ASSERT_TRUE(inner.decode(inner.framing() + bytes, true, &json, problem)) << problem;
  EXPECT_EQ(nlohmann::json::parse(json)["label"], "x");
  expectRefused([] { ProtoSchema(kSample, "value schema", "test.proto.Nope"); },
                "value schema: no message 'test.proto.Nope' (give its full name; the file has");
  expectRefused([] { ProtoSchema(kSample, "value schema", "test.proto.Level"); },
                "no message 'test.proto.Level'");
  expectRefused(
      [] { RecordSchema::parse(MessageFormat::kAvro, R"("string")", "value schema", "x.Y"); },
      "a message name chooses among a Protobuf file's messages");
}

namespace {

constexpr const char* kOrderWithImports = R"(syntax = "proto3";
package shop;
import "google/protobuf/timestamp.proto";
import public "google/protobuf/duration.proto";
import "google/protobuf/wrappers.proto";
import "money.proto";
message Order {
  int64 id = 1;
  google.protobuf.Timestamp at = 2;
  google.protobuf.Duration took = 3;
  google.protobuf.StringValue note = 4;
  Money total = 5;
  repeated google.protobuf.Timestamp stops = 6;
})";

/// Imports beside the schema file: money.proto, which imports a well-known type in turn.
std::optional<std::string> besideTheSchema(const std::string& name) {
  if (name == "money.proto") {
    return R"(syntax = "proto3"; package shop; import "google/protobuf/wrappers.proto";
              message Money { string currency = 1; google.protobuf.Int64Value units = 2; })";
  }
  return std::nullopt;
}

}  // namespace

// Imports: Google's well-known types are built in, other files read beside the schema, each
// once; the types of every file serve the record's fields. Every file comes after the files it
// imports, the order a registry takes them in.
TEST(ProtoSchema, ImportsBringTheirTypesWellKnownOnesBuiltIn) {
  const ProtoSchema schema(kOrderWithImports, "value schema", {}, besideTheSchema);
  EXPECT_EQ(schema.rootName(), "shop.Order");
  EXPECT_EQ(schema.framing(), std::string(1, '\0'));  // the imports' messages do not count
  EXPECT_EQ(
      schema.dependsOn(),
      (std::vector<std::string>{"google/protobuf/timestamp.proto", "google/protobuf/duration.proto",
                                "google/protobuf/wrappers.proto", "money.proto"}));
  std::vector<std::string> order;
  for (const auto& dependency : schema.dependencies()) {
    order.push_back(dependency.name);
  }
  EXPECT_EQ(order, (std::vector<std::string>{"google/protobuf/timestamp.proto",
                                             "google/protobuf/duration.proto",
                                             "google/protobuf/wrappers.proto", "money.proto"}));
  expectRefused([] { ProtoSchema(kOrderWithImports, "value schema 'order.proto'"); },
                "value schema 'order.proto': import 'money.proto' not found");
  expectRefused(
      [] {
        ProtoSchema("syntax = \"proto3\"; import \"bad.proto\"; message A { int32 a = 1; }",
                    "value schema", {},
                    [](const std::string&) { return std::optional<std::string>("message B {"); });
      },
      "value schema: import 'bad.proto': line 1:");
}

// Well-known types take Protobuf's JSON mapping: a Timestamp as RFC 3339 text, a Duration as
// "1.5s", a wrapper as its plain value, literal or from placeholders; a random Timestamp is
// the message's time.
TEST(ProtoTemplate, WellKnownTypesTakeTheirJsonMapping) {
  const ProtoSchema schema(kOrderWithImports, "value schema", {}, besideTheSchema);
  const ProtoTemplate literal(schema, R"({"id": 1, "at": "1970-01-01T01:00:01.5+01:00",
      "took": "-1.25s", "note": "hi", "total": {"currency": "EUR", "units": 12},
      "stops": ["1970-01-01T00:00:02Z", "{{pick:1970-01-01T00:00:03Z}}"]})",
                              "value template");
  const auto json = decoded(schema.root(), render(literal));
  // As Protobuf's JSON mapping shows them: 01:00:01.5 at +01:00 is 00:00:01.5 UTC.
  EXPECT_EQ(json["at"], "1970-01-01T00:00:01.500Z");
  EXPECT_EQ(json["took"], "-1.250s");
  EXPECT_EQ(json["note"], "hi");
  EXPECT_EQ(json["total"]["units"], 12);
  EXPECT_EQ(json["stops"][1], "1970-01-01T00:00:03Z");
  const ProtoTemplate placeholders(schema, R"({"at": "1970-01-0{{pick:2}}T00:00:00Z",
      "took": "{{seq}}s", "note": "n-{{seq}}"})",
                                   "value template");
  const auto fromText = decoded(schema.root(), render(placeholders, 7));
  EXPECT_EQ(fromText["at"], "1970-01-02T00:00:00Z");
  EXPECT_EQ(fromText["took"], "7s");
  EXPECT_EQ(fromText["note"], "n-7");
  expectRefused([&] { ProtoTemplate(schema, R"({"at": "yesterday"})", "t"); },
                "field at: expected a google.protobuf.Timestamp (RFC 3339");
  const ProtoTemplate late(schema, R"({"took": "{{pick:1|2}}m"})", "t");
  FastRandom random(1);
  std::string out;
  EXPECT_FALSE(late.render(TemplateContext{0, 0, random}, out));
  EXPECT_NE(late.problem().find("is not a google.protobuf.Duration"), std::string::npos)
      << late.problem();
  const ProtoTemplate drawn(schema, "", "value template");
  const auto atRandom = decoded(schema.root(), render(drawn));
  // The message's time: this year's, whatever the second.
  EXPECT_EQ(atRandom["at"].get<std::string>().substr(0, 4),
            TimeText::isoDateTime(std::chrono::duration_cast<std::chrono::microseconds>(
                                      std::chrono::system_clock::now().time_since_epoch())
                                      .count())
                .substr(0, 4));
}
