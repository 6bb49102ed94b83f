// Avro records from templates and from the schema alone, byte for byte against the
// specification's encoding, and read back by the decoder a consumer uses.
#include "AvroTemplate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "AvroBinary.hpp"
#include "AvroDecoder.hpp"
#include "AvroSchema.hpp"
#include "PickDraws.hpp"
#include "kafkanative/KafkaError.hpp"

using namespace kafkanative;

namespace {

constexpr const char* kUser = R"({
  "type": "record", "name": "User", "namespace": "test.avro",
  "fields": [
    {"name": "id", "type": "long"},
    {"name": "name", "type": "string"},
    {"name": "email", "type": ["null", "string"], "default": null},
    {"name": "level", "type": {"type": "enum", "name": "Level", "symbols": ["LOW", "HIGH"]}},
    {"name": "score", "type": "double", "default": 0.5},
    {"name": "tags", "type": {"type": "array", "items": "string"}, "default": []},
    {"name": "attributes", "type": {"type": "map", "values": "int"}, "default": {}},
    {"name": "active", "type": "boolean", "default": true},
    {"name": "code", "type": {"type": "fixed", "name": "Code", "size": 2}, "default": "ab"},
    {"name": "created", "type": {"type": "long", "logicalType": "timestamp-millis"}, "default": 0},
    {"name": "parent", "type": ["null", "User"], "default": null}
  ]})";

std::string render(const AvroTemplate& compiled, std::uint64_t sequence = 0) {
  FastRandom random(42);
  std::string out;
  EXPECT_TRUE(compiled.render(TemplateContext{sequence, 0, random}, out)) << compiled.problem();
  return out;
}

std::string decoded(const AvroSchema& schema, const std::string& bytes) {
  std::string json;
  std::string problem;
  EXPECT_TRUE(AvroDecoder::decode(schema.root(), bytes, &json, problem)) << problem;
  return json;
}

std::string bytes(std::initializer_list<int> values) {
  std::string out;
  for (const int value : values) {
    out += static_cast<char>(value);
  }
  return out;
}

/// Avro's JSON encoding writes each byte of bytes and fixed values as one code point.
std::size_t codePoints(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

void expectRefused(const AvroSchema& schema, const std::string& templateText,
                   const std::string& expected) {
  try {
    AvroTemplate compiled(schema, templateText, "value template");
    FAIL() << "accepted: " << templateText;
  } catch (const KafkaError& error) {
    EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
    EXPECT_EQ(error.name(), "_INVALID_ARG");
  }
}

}  // namespace

TEST(AvroTemplate, EncodesLiteralsAsTheSpecificationSays) {
  const AvroSchema schema(
      R"({"type":"record","name":"R","fields":[{"name":"id","type":"long"},
          {"name":"name","type":"string"},{"name":"ok","type":"boolean"},
          {"name":"x","type":"float"}]})",
      "schema");
  const AvroTemplate compiled(schema, R"({"id": -3, "name": "ab", "ok": true, "x": 1.0})", "t");
  // zig-zag -3 = 5; "ab" = length 2 (zig-zag 4) + bytes; true = 1; 1.0f little-endian
  EXPECT_EQ(render(compiled), bytes({0x05, 0x04, 'a', 'b', 0x01, 0x00, 0x00, 0x80, 0x3F}));
  // Placeholders give the same bytes: -3 from text, and 1.0 from an integer placeholder.
  EXPECT_EQ(
      render(AvroTemplate(schema,
                          R"({"id": "{{pick:-3}}", "name": "a{{pick:b}}", "ok": "{{pick:true}}",
                                    "x": {{random_int:1:1}}})",
                          "t")),
      bytes({0x05, 0x04, 'a', 'b', 0x01, 0x00, 0x00, 0x80, 0x3F}));
  // A placeholder's text of 64 bytes or more has a length of two bytes: zig-zag 64 = 0x80 0x01.
  const std::string longer = render(AvroTemplate(
      schema, R"({"id": 1, "name": "{{random_string:64}}", "ok": false, "x": 0})", "t"));
  EXPECT_EQ(longer.substr(0, 3), bytes({0x02, 0x80, 0x01}));
  EXPECT_EQ(nlohmann::json::parse(decoded(schema, longer))["name"].get<std::string>().size(), 64U);
}

TEST(AvroTemplate, RendersPlaceholdersIntoTheirFieldsTypes) {
  const AvroSchema schema(kUser, "schema");
  const AvroTemplate compiled(
      schema,
      R"({"id": {{seq}}, "name": "user-{{seq}}", "email": "u{{seq}}@example.com",
          "level": "{{pick:HIGH}}", "score": {{random_int:7:7}}, "tags": ["a", "{{seq}}"],
          "attributes": {"k": {{thread}}}, "active": {{pick:false}}})",
      "value template");
  const AvroSchema& s = schema;
  const auto json = nlohmann::json::parse(decoded(s, render(compiled, 300)));
  EXPECT_EQ(json["id"], 300);
  EXPECT_EQ(json["name"], "user-300");
  EXPECT_EQ(json["email"], "u300@example.com");
  EXPECT_EQ(json["level"], "HIGH");
  EXPECT_EQ(json["score"], 7.0);
  EXPECT_EQ(json["tags"], nlohmann::json({"a", "300"}));
  EXPECT_EQ(json["attributes"], nlohmann::json({{"k", 0}}));
  EXPECT_EQ(json["active"], false);
  EXPECT_EQ(json["code"], "ab");  // defaults fill what the template leaves out
  EXPECT_TRUE(json["parent"].is_null());
}

TEST(AvroTemplate, UnionsTakeTheBranchTheValueFitsOrNames) {
  const AvroSchema schema(
      R"({"type":"record","name":"R","fields":[{"name":"v","type":["null","long","string"]}]})",
      "schema");
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": null})", "t")), bytes({0x00}));
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": 2})", "t")), bytes({0x02, 0x04}));
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": "a"})", "t")), bytes({0x04, 0x02, 'a'}));
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": {"string": "7"}})", "t")),
            bytes({0x04, 0x02, '7'}));
  // A lone integer placeholder: the first number branch; other text: the first text branch.
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": {{seq}}})", "t"), 1), bytes({0x02, 0x02}));
  EXPECT_EQ(render(AvroTemplate(schema, R"({"v": "n{{seq}}"})", "t"), 1),
            bytes({0x04, 0x04, 'n', '1'}));
}

TEST(AvroTemplate, RandomRecordsFollowTheSchema) {
  const AvroSchema schema(kUser, "schema");
  const AvroTemplate wholly(schema, "", "value template");
  const AvroTemplate partly(schema, R"({"id": {{seq}}, "name": "{{random}}", "level": "LOW"})",
                            "value template");
  FastRandom random(7);
  std::string out;
  for (std::uint64_t i = 0; i < 500; ++i) {
    for (const AvroTemplate* compiled : {&wholly, &partly}) {
      out.clear();
      ASSERT_TRUE(compiled->render(TemplateContext{i, 0, random}, out));
      const auto json = nlohmann::json::parse(decoded(schema, out));
      EXPECT_TRUE(json["level"] == "LOW" || json["level"] == "HIGH");
      EXPECT_EQ(codePoints(json["code"].get<std::string>()), 2u);  // a fixed of 2 bytes
      if (compiled == &partly) {
        EXPECT_EQ(json["id"], i);
        EXPECT_EQ(json["level"], "LOW");
      }
    }
  }
}

TEST(AvroTemplate, ATemplateThatDoesNotFitTheSchemaIsRefusedWithTheField) {
  const AvroSchema schema(kUser, "schema");
  expectRefused(schema, R"({"name": "x", "level": "LOW"})", "field id: missing");
  expectRefused(schema, R"({"id": 1, "name": "x", "level": "LOW", "nope": 1})", "no field 'nope'");
  expectRefused(schema, R"({"id": "x", "name": "x", "level": "LOW"})", "field id: expected long");
  expectRefused(schema, R"({"id": 1, "name": "x", "level": "MID"})", "not a symbol");
  expectRefused(schema, R"({"id": 1, "name": "x", "level": "LOW", "tags": "{{seq}}"})",
                "placeholder can stand only");
  expectRefused(schema, R"({"id": 1, "name": "x", "level": "LOW", "code": "abc"})", "2 bytes");
  expectRefused(schema, R"({"id": 1,)", "not JSON");
  expectRefused(schema, R"({"id": {{seq}, "name": "x"})", "unterminated placeholder");
  expectRefused(schema, R"({"id": "{{nope}}", "name": "x", "level": "LOW"})",
                "unknown placeholder");
}

TEST(AvroTemplate, PlaceholderTextThatDoesNotFitFailsTheMessageWithTheField) {
  const AvroSchema schema(R"({"type":"record","name":"R","fields":[{"name":"n","type":"int"}]})",
                          "schema");
  const AvroTemplate compiled(schema, R"({"n": "{{seq}}x"})", "value template");
  FastRandom random(1);
  std::string out;
  EXPECT_FALSE(compiled.render(TemplateContext{7, 0, random}, out));
  EXPECT_NE(compiled.problem().find("field n: '7x' is not a valid int"), std::string::npos)
      << compiled.problem();
  // A number placeholder goes in without text in between, and is range-checked all the same.
  const AvroTemplate tooLarge(schema, R"({"n": {{random_long:3000000000:3000000000}}})", "t");
  out.clear();
  EXPECT_FALSE(tooLarge.render(TemplateContext{0, 0, random}, out));
  EXPECT_NE(tooLarge.problem().find("3000000000 is not a valid int"), std::string::npos)
      << tooLarge.problem();
}

TEST(AvroTemplate, ALonePickIsEncodedWhenCompiledAndDrawsAsItsTextWould) {
  const AvroSchema schema(kUser, "schema");
  const AvroTemplate compiled(
      schema, R"({"id": 1, "name": "{{pick:ann|bob|cy}}", "level": "{{pick:LOW|HIGH|LOW}}"})",
      "value template");
  // The same draws as the text templates: the field names the same choice.
  const auto seen = expectPicksDrawnAsText(
      [&](const TemplateContext& context) {
        std::string out;
        EXPECT_TRUE(compiled.render(context, out)) << compiled.problem();
        return nlohmann::json::parse(decoded(schema, out));
      },
      {{"name", "{{pick:ann|bob|cy}}"}, {"level", "{{pick:LOW|HIGH|LOW}}"}});
  EXPECT_EQ(seen.at("level"), (std::set<std::string>{"LOW", "HIGH"}));
  // A choice that does not fit the field is refused when the template is compiled, not per
  // message.
  expectRefused(schema, R"({"id": 1, "name": "x", "level": "{{pick:LOW|MIDDLE}}"})",
                "field level: 'MIDDLE' is not a valid");
  expectRefused(schema, R"({"id": "{{pick:1|one}}", "name": "x", "level": "LOW"})",
                "field id: 'one' is not a valid long");
}

TEST(AvroSchema, InvalidSchemasAreClearErrors) {
  for (const auto& [text, expected] : std::vector<std::pair<std::string, std::string>>{
           {"{", "not JSON"},
           {R"({"type":"record","name":"R","fields":[{"name":"a","type":"Nope"}]})",
            "unknown type 'Nope'"},
           {R"({"type":"enum","name":"E","symbols":[]})", "without symbols"},
           {R"({"type":"record","fields":[]})", "without a name"},
           {R"(["null","null"])", "twice"},
           {R"({"type":"fixed","name":"F"})", "without a size"},
           {R"({"type":"array"})", "without \"items\""}}) {
    try {
      AvroSchema schema(text, "value schema 'x.avsc'");
      FAIL() << "accepted " << text;
    } catch (const KafkaError& error) {
      EXPECT_NE(std::string(error.what()).find(expected), std::string::npos) << error.what();
      EXPECT_NE(std::string(error.what()).find("value schema 'x.avsc'"), std::string::npos);
    }
  }
}

TEST(AvroDecoder, MalformedBytesAreRefusedNeverOverrun) {
  const AvroSchema schema(kUser, "schema");
  const std::string good = render(AvroTemplate(schema, "", "t"));
  std::string problem;
  for (std::size_t cut = 0; cut < good.size(); ++cut) {
    EXPECT_FALSE(AvroDecoder::decode(schema.root(), good.substr(0, cut), nullptr, problem));
  }
  EXPECT_FALSE(AvroDecoder::decode(schema.root(), good + "x", nullptr, problem));
  EXPECT_NE(problem.find("left over"), std::string::npos);
  // An array of nulls claiming 2^62 items: refused at once, not looped through.
  const AvroSchema nulls(R"({"type":"array","items":"null"})", "schema");
  EXPECT_FALSE(AvroDecoder::decode(nulls.root(),
                                   bytes({0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x7F}),
                                   nullptr, problem));
  // A block count of -2^63 (whose negation overflows), then a size: refused.
  EXPECT_FALSE(AvroDecoder::decode(
      nulls.root(), bytes({0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00}),
      nullptr, problem));
}

// Logical types take the text teams write — "123.45" for a decimal, ISO-8601 for dates and
// times, a checked UUID — as literals and from placeholders, encoded as the specification
// says; numbers still work; text that does not fit is refused naming the form.
TEST(AvroTemplate, LogicalTypesTakeTheirTextForms) {
  const AvroSchema schema(R"({"type": "record", "name": "Payment", "fields": [
      {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 9, "scale": 2}},
      {"name": "fee", "type": {"type": "fixed", "name": "Fee", "size": 3, "logicalType": "decimal", "precision": 6, "scale": 1}},
      {"name": "id", "type": {"type": "string", "logicalType": "uuid"}},
      {"name": "day", "type": {"type": "int", "logicalType": "date"}},
      {"name": "at", "type": {"type": "int", "logicalType": "time-millis"}},
      {"name": "atMicros", "type": {"type": "long", "logicalType": "time-micros"}},
      {"name": "when", "type": {"type": "long", "logicalType": "timestamp-millis"}},
      {"name": "whenMicros", "type": {"type": "long", "logicalType": "timestamp-micros"}},
      {"name": "local", "type": {"type": "long", "logicalType": "local-timestamp-millis"}}]})",
                          "s");
  const AvroTemplate literal(schema, R"({"amount": "-123.4", "fee": "12.5",
      "id": "123e4567-e89b-12d3-a456-426614174000", "day": "2026-12-03", "at": "10:00:05.123",
      "atMicros": "00:00:01.000002", "when": "2026-12-03T10:00:00.5+01:00",
      "whenMicros": "1970-01-01T00:00:00.000001Z", "local": "2026-12-03T10:00:00"})",
                             "value template");
  std::string expected;
  expected += bytes({4, 0xCF, 0xCC});     // -12340 = 0xCFCC in 2 bytes
  expected += bytes({0x00, 0x00, 0x7D});  // 125 in the fixed's 3 bytes
  expected += bytes({72}) + "123e4567-e89b-12d3-a456-426614174000";
  {
    ByteWriter out(expected);
    AvroBinary::appendLong(out, 20790);     // 2026-12-03
    AvroBinary::appendLong(out, 36005123);  // 10:00:05.123
    AvroBinary::appendLong(out, 1000002);
    AvroBinary::appendLong(out, 1796288400500);  // 09:00:00.5 UTC
    AvroBinary::appendLong(out, 1);
    AvroBinary::appendLong(out, 1796292000000);  // local: counted as if UTC
  }
  EXPECT_EQ(render(literal), expected);

  // The same from placeholders, and numbers as before.
  const AvroTemplate placeholders(schema, R"({"amount": "{{pick:0.5}}", "fee": "{{pick:-0.1}}",
      "id": "{{uuid}}", "day": "{{pick:1970-01-02}}", "at": 1000, "atMicros": "{{seq}}",
      "when": "{{pick:1970-01-01T00:00:01Z}}", "whenMicros": 0, "local": "{{pick:42}}"})",
                                  "value template");
  const auto json = nlohmann::json::parse(decoded(schema, render(placeholders, 7)));
  EXPECT_EQ(json["day"], 1);
  EXPECT_EQ(json["atMicros"], 7);
  EXPECT_EQ(json["when"], 1000);
  EXPECT_EQ(json["local"], 42);

  // Each refused text in an otherwise valid record.
  const auto with = [](const std::string& field, const std::string& value) {
    auto record = nlohmann::json::parse(R"({"amount": "1", "fee": "1", "day": 0, "at": 0,
        "id": "123e4567-e89b-12d3-a456-426614174000", "atMicros": 0, "when": 0,
        "whenMicros": 0, "local": 0})");
    record[field] = value;
    return record.dump();
  };
  expectRefused(schema, with("amount", "1.234"), "expected decimal(9, 2)");
  expectRefused(schema, with("amount", "12345678.9"), "decimal(9, 2)");  // 10 digits
  expectRefused(schema, with("fee", "12.34"), "decimal(6, 1)");          // finer than the scale
  expectRefused(schema, with("id", "not-a-uuid"), "expected uuid");
  expectRefused(schema, with("id", "{{pick:x}}"), "not a valid uuid");
  expectRefused(schema, with("day", "2026-02-30"), "date (YYYY-MM-DD");
  expectRefused(schema, with("when", "2026-12-03T10:00:00"), "with Z or an offset");
  const AvroTemplate late(schema, with("id", "{{pick:x}}{{pick:y}}"), "value template");
  FastRandom random(1);
  std::string record;
  EXPECT_FALSE(late.render(TemplateContext{0, 0, random}, record));
  EXPECT_NE(late.problem().find("'xy' is not a valid uuid"), std::string::npos) << late.problem();
}

// Random records respect the logical types: decimals within their precision, times within a
// day, UUIDs as UUIDs.
TEST(AvroTemplate, RandomValuesRespectLogicalTypes) {
  const AvroSchema schema(R"({"type": "record", "name": "R", "fields": [
      {"name": "amount", "type": {"type": "bytes", "logicalType": "decimal", "precision": 4, "scale": 2}},
      {"name": "fee", "type": {"type": "fixed", "name": "F", "size": 1, "logicalType": "decimal", "precision": 9}},
      {"name": "at", "type": {"type": "int", "logicalType": "time-millis"}},
      {"name": "id", "type": {"type": "string", "logicalType": "uuid"}}]})",
                          "s");
  const AvroTemplate random(schema, "", "value template");
  for (std::uint64_t i = 0; i < 500; ++i) {
    FastRandom draws(i);
    std::string record;
    ASSERT_TRUE(random.render(TemplateContext{i, 0, draws}, record)) << random.problem();
    std::size_t at = 0;
    const std::size_t length = static_cast<unsigned char>(record[at++]) / 2u;  // zigzag, small
    __extension__ __int128 unscaled = static_cast<signed char>(record[at]);
    for (std::size_t b = 1; b < length; ++b) {
      unscaled = unscaled * 256 + static_cast<unsigned char>(record[at + b]);
    }
    at += length;
    EXPECT_LT(unscaled < 0 ? -unscaled : unscaled, 10000) << i;           // 4 digits
    EXPECT_LT(std::abs(static_cast<signed char>(record[at])), 100) << i;  // 1 byte: 2 digits
    const auto json = nlohmann::json::parse(decoded(schema, record));
    EXPECT_GE(json["at"].get<std::int64_t>(), 0);
    EXPECT_LT(json["at"].get<std::int64_t>(), 86'400'000);
    EXPECT_EQ(json["id"].get<std::string>().size(), 36u);
  }
}
