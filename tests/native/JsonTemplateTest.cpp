// JSON documents from templates and from the schema alone, each checked against its JSON
// Schema by the validator a consumer uses; and the validator itself against the keywords.
#include "JsonTemplate.hpp"

#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "ExpectRefused.hpp"
#include "JsonSchema.hpp"
#include "kafkanative/KafkaError.hpp"

using namespace kafkanative;

namespace {

constexpr const char* kPerson = R"({
  "title": "Person",
  "type": "object",
  "properties": {
    "id": {"type": "integer", "minimum": 1, "maximum": 1000},
    "name": {"type": "string", "minLength": 2, "maxLength": 12, "pattern": "^[a-z0-9-]+$"},
    "score": {"type": "number", "exclusiveMinimum": 0},
    "level": {"enum": ["low", "high"]},
    "active": {"type": "boolean"},
    "nickname": {"anyOf": [{"type": "null"}, {"type": "string"}]},
    "tags": {"type": "array", "items": {"type": "string", "maxLength": 5}, "maxItems": 3},
    "friends": {"type": "array", "items": {"$ref": "#/definitions/Friend"}},
    "note": {"type": "string"}
  },
  "required": ["id", "name"],
  "additionalProperties": false,
  "definitions": {
    "Friend": {"type": "object", "properties": {"id": {"type": "integer"},
               "friends": {"type": "array", "items": {"$ref": "#/definitions/Friend"}}},
               "required": ["id"]}
  }
})";

std::string render(const JsonTemplate& compiled, std::uint64_t sequence = 0) {
  FastRandom random(42);
  std::string out;
  EXPECT_TRUE(compiled.render(TemplateContext{sequence, 0, random}, out)) << compiled.problem();
  return out;
}

nlohmann::json rendered(const JsonSchema& schema, const std::string& templateText,
                        std::uint64_t sequence = 0) {
  const std::string out = render(JsonTemplate(schema, templateText, "value template"), sequence);
  std::string problem;
  EXPECT_TRUE(schema.decode(out, false, nullptr, problem)) << problem << ": " << out;
  return nlohmann::json::parse(out, nullptr, false);
}

}  // namespace

TEST(JsonTemplate, WritesPlaceholdersAsTheTypesTheirPlacesAdmit) {
  const JsonSchema schema(kPerson, "schema");
  EXPECT_EQ(schema.rootName(), "Person");
  EXPECT_EQ(rendered(schema, R"({"id": {{seq}}, "name": "p-{{seq}}", "score": "{{seq}}",
                                 "active": "{{pick:true}}", "level": "{{pick:high}}",
                                 "nickname": {{seq}}, "note": "say \"{{seq}}\"\n",
                                 "tags": ["t{{seq}}", "x"]})",
                     7),
            nlohmann::json::parse(R"({"id": 7, "name": "p-7", "score": 7, "active": true,
                                      "level": "high", "nickname": "7", "note": "say \"7\"\n",
                                      "tags": ["t7", "x"]})"));
}

TEST(JsonTemplate, PlaceholderTextThatBreaksTheSchemaFailsTheMessageWithThePlace) {
  const JsonSchema schema(kPerson, "schema");
  const auto fails = [&schema](const char* text, std::uint64_t sequence,
                               const std::string& expected) {
    const JsonTemplate compiled(schema, text, "value template");
    FastRandom random(1);
    std::string out;
    EXPECT_FALSE(compiled.render(TemplateContext{sequence, 0, random}, out)) << out;
    EXPECT_NE(compiled.problem().find(expected), std::string::npos) << compiled.problem();
  };
  fails(R"({"id": {{seq}}, "name": "ok"})", 5000,
        "value template, field id: 5000 is out of the schema's range");
  fails(R"({"id": 1, "name": "{{pick:A B}}"})", 0, "does not match the pattern");
  fails(R"({"id": 1, "name": "{{seq}}"})", 1, "has 1 characters");
  fails(R"({"id": "{{pick:x}}", "name": "ok"})", 0, "field id: 'x' is not an integer");
  fails(R"({"id": 1, "name": "ok", "level": "{{pick:mid}}"})", 0,
        "is not one of the allowed values");
  fails(R"({"id": 1, "name": "ok", "tags": ["{{pick:toolong}}"]})", 0, "field tags[0]");
}

TEST(JsonTemplate, ATemplateThatDoesNotFitTheSchemaIsRefusedBeforeSending) {
  const JsonSchema schema(kPerson, "schema");
  const auto refused = [&schema](const char* text, const std::string& expected) {
    expectRefused([&] { JsonTemplate(schema, text, "value template"); }, expected);
  };
  refused(R"({"id": 1})", "value template: the required property 'name' is missing");
  refused(R"({"id": {{seq}}})", "the required property 'name' is missing");
  refused(R"({"id": {{seq}}, "name": "ok", "colour": "red"})",
          "the property 'colour' is not allowed");
  refused(R"({"id": 0, "name": "ok"})", "value template: at /id: 0 is out of the schema's range");
  refused(R"({"id": {{seq}}, "name": "ok", "tags": [1, 2, 3, "{{seq}}"]})", "4 items");
  refused(R"({"id": {{seq}}, "name": "ok", "tags": "{{seq}}"})",
          "field tags: a placeholder can stand only for a string, number or boolean here");
  refused(R"({"id": {{seq}}, "name": {"a": "{{seq}}"}})", "does not allow an object");
}

TEST(JsonTemplate, RandomDocumentsAreValidAndEnd) {
  const JsonSchema schema(kPerson, "schema");
  const JsonSchema numbers(R"({"type": "object", "required": ["a", "b", "c"], "properties": {
      "a": {"type": "integer", "maximum": -5}, "b": {"type": "number", "minimum": 2.5,
      "exclusiveMaximum": 3}, "c": {"type": "array", "minItems": 2, "items": {}}}})",
                           "schema");
  // name has a pattern: a template value for it, the rest at random.
  const JsonTemplate person(schema, R"({"id": "{{random}}", "name": "x{{seq}}",
      "score": "{{random}}", "level": "{{random}}", "nickname": "{{random}}",
      "friends": "{{random}}", "tags": "{{random}}"})",
                            "value template");
  const JsonTemplate wholly(numbers, "", "value template");
  FastRandom random(3);
  for (std::uint64_t i = 0; i < 300; ++i) {
    for (const auto* pair : {&person, &wholly}) {
      std::string out;
      ASSERT_TRUE(pair->render(TemplateContext{i, 0, random}, out)) << pair->problem();
      std::string problem;
      const JsonSchema& against = pair == &person ? schema : numbers;
      EXPECT_TRUE(against.decode(out, false, nullptr, problem)) << problem << ": " << out;
    }
  }
  expectRefused([&schema] { JsonTemplate(schema, "", "value template"); },
                "field name: random values cannot be drawn for allOf, not or pattern");
}

// A '#' in a property's name is part of the name: the schema's own places were once taken for
// "DOCUMENT#pointer" and looked up among the referenced documents (found by libFuzzer).
TEST(JsonSchema, APropertyNameWithAHashStaysInItsSchema) {
  const JsonSchema schema(R"({"type": "object", "properties": {"a#b/c": {"type": "object",
    "properties": {"d": {"type": "integer"}}}}})",
                          "schema");
  std::string problem;
  EXPECT_TRUE(schema.decode(R"({"a#b/c": {"d": 1}})", false, nullptr, problem)) << problem;
  EXPECT_FALSE(schema.decode(R"({"a#b/c": {"d": "one"}})", false, nullptr, problem));
}

TEST(JsonSchema, ChecksEveryKeywordItTakesAndRefusesTheRest) {
  const JsonSchema schema(R"({"$defs": {"small": {"type": "integer", "maximum": 9}},
    "oneOf": [{"$ref": "#/$defs/small"}, {"type": "string", "const": "ten"}],
    "not": {"const": 3}})",
                          "schema");
  std::string problem;
  const auto valid = [&](const char* json) { return schema.decode(json, false, nullptr, problem); };
  EXPECT_TRUE(valid("4"));
  EXPECT_TRUE(valid(R"("ten")"));
  EXPECT_TRUE(valid("4.0"));  // an integer, as the specification counts
  EXPECT_FALSE(valid("3"));
  EXPECT_FALSE(valid("10"));
  EXPECT_FALSE(valid("4.5"));
  EXPECT_FALSE(valid("{"));
  EXPECT_EQ(problem, "not JSON");
  EXPECT_FALSE(valid(std::string(100, '[').c_str()));
  EXPECT_NE(problem.find("nested more than"), std::string::npos);
  const JsonSchema draft4(R"({"type": "number", "minimum": 1, "exclusiveMinimum": true})",
                          "schema");
  EXPECT_FALSE(draft4.decode("1", false, nullptr, problem));
  EXPECT_TRUE(draft4.decode("1.5", false, nullptr, problem));
  const auto refused = [](const char* text, const std::string& expected) {
    expectRefused([text] { JsonSchema(text, "value schema 'x.json'"); }, expected);
  };
  refused(R"({"type": "object", "properties": {"a": {"multipleOf": 2}}})",
          "value schema 'x.json': not a usable JSON Schema: at /properties/a: the keyword "
          "'multipleOf' is not supported");
  refused(R"({"$ref": "other.json#/a"})", "$ref 'other.json#/a': no document 'other.json'");
  refused(R"({"$ref": "#/nowhere"})", "at /nowhere: no such place in the document");
  refused(R"({"$defs": {"a": {"$ref": "#/$defs/b"}, "b": {"$ref": "#/$defs/a"}},
              "$ref": "#/$defs/a"})",
          "refer to each other in a circle");
  refused(R"({"type": "text"})", "unknown type \"text\"");
  refused(R"({"pattern": "("})", "pattern:");
  refused("{", "not JSON");
  // Schemas within schemas with no end: the check gives up rather than recursing for ever.
  const JsonSchema endless(R"({"anyOf": [{"$ref": "#"}]})", "schema");
  EXPECT_FALSE(endless.decode("1", false, nullptr, problem));
  EXPECT_NE(problem.find("no schema of anyOf allows 1"), std::string::npos) << problem;
}

// `format` is checked where a value is: date-time, date, time, uuid and email, in literals
// when the sampler starts and in what placeholders render per message; random values are
// drawn in the format. Other formats stay annotations.
TEST(JsonTemplate, StringFormatsAreCheckedAndDrawn) {
  const JsonSchema schema(R"({"type": "object", "properties": {
      "at": {"type": "string", "format": "date-time"}, "day": {"type": "string", "format": "date"},
      "time": {"type": "string", "format": "time"}, "id": {"type": "string", "format": "uuid"},
      "mail": {"type": "string", "format": "email"}, "site": {"type": "string", "format": "uri"}},
      "required": ["at", "day", "time", "id", "mail"]})",
                          "schema");
  EXPECT_EQ(rendered(schema, R"({"at": "2026-12-03T10:00:05.123456789+01:00", "day": "2026-12-03",
      "time": "10:00:05Z", "id": "{{uuid}}", "mail": "qa-{{seq}}@example.com", "site": "x"})")
                ["site"],
            "x");
  const auto refused = [&schema](const char* field, const char* value, const char* expected) {
    auto document = nlohmann::json::parse(R"({"at": "2026-12-03T10:00:05Z", "day": "2026-12-03",
        "time": "10:00:05Z", "id": "123e4567-e89b-12d3-a456-426614174000", "mail": "a@b"})");
    document[field] = value;
    expectRefused([&] { JsonTemplate(schema, document.dump(), "value template"); }, expected);
  };
  refused("at", "2026-12-03 10:00", "is not a valid date-time");
  refused("day", "03/12/2026", "is not a valid date");
  refused("time", "10:00:05", "is not a valid time");  // RFC 3339 times carry their zone
  refused("mail", "nobody", "is not a valid email");
  const JsonTemplate perMessage(schema, R"({"at": "2026-12-03T10:00:05Z", "day": "2026-12-03",
      "time": "10:00:05Z", "id": "x{{seq}}", "mail": "a@b"})",
                                "value template");
  FastRandom random(1);
  std::string out;
  EXPECT_FALSE(perMessage.render(TemplateContext{0, 0, random}, out));
  EXPECT_NE(perMessage.problem().find("\"x0\" is not a valid uuid"), std::string::npos)
      << perMessage.problem();
  for (std::uint64_t i = 0; i < 50; ++i) {
    rendered(schema, "", i);  // random documents, each checked whole by the decoder
  }
}

// `$ref`s to other documents (a file beside the schema, or a registry reference) are read by
// name, once, with their own `$ref`s within them and onward; each is a dependency, after the
// ones it refers to, as a registry takes them.
TEST(JsonSchema, RefsToOtherDocumentsAreReadAndCheckedAgainst) {
  const std::map<std::string, std::string> beside = {
      {"money.json", R"({"$defs": {"Money": {"type": "object", "required": ["currency"],
          "properties": {"currency": {"$ref": "currency.json"}, "cents": {"type": "integer"}}}}})"},
      {"currency.json", R"({"type": "string", "enum": ["EUR", "USD"]})"}};
  const auto read = [&beside](const std::string& name) -> std::optional<std::string> {
    const auto found = beside.find(name);
    return found == beside.end() ? std::nullopt : std::optional<std::string>(found->second);
  };
  const JsonSchema schema(R"({"type": "object", "properties": {
      "total": {"$ref": "money.json#/$defs/Money"}, "fee": {"$ref": "money.json#/$defs/Money"}}})",
                          "schema", read);
  EXPECT_EQ(schema.dependsOn(), std::vector<std::string>{"money.json"});
  ASSERT_EQ(schema.dependencies().size(), 2u);
  EXPECT_EQ(schema.dependencies()[0].name, "currency.json");
  EXPECT_EQ(schema.dependencies()[1].name, "money.json");
  EXPECT_EQ(schema.dependencies()[1].dependsOn, std::vector<std::string>{"currency.json"});
  EXPECT_EQ(
      rendered(schema,
               R"({"total": {"currency": "{{pick:EUR|USD}}", "cents": 5}})")["total"]["cents"],
      5);
  expectRefused([&] { JsonTemplate(schema, R"({"total": {"currency": "GBP"}})", "t"); },
                "not one of the allowed values");
  expectRefused([] { JsonSchema(R"({"$ref": "nowhere.json"})", "value schema"); },
                "$ref 'nowhere.json': no document 'nowhere.json'");
}
