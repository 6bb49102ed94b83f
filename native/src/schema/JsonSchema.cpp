#include "JsonSchema.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "JsonTemplate.hpp"
#include "TemplateJson.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

using Node = JsonSchemaNode;

/// Keywords that constrain values and that this implementation does not check: refused, so no
/// value is said to be valid that is not.
constexpr const char* kUnsupported[] = {"patternProperties",
                                        "dependencies",
                                        "dependentRequired",
                                        "dependentSchemas",
                                        "if",
                                        "then",
                                        "else",
                                        "propertyNames",
                                        "contains",
                                        "prefixItems",
                                        "additionalItems",
                                        "unevaluatedProperties",
                                        "unevaluatedItems",
                                        "multipleOf",
                                        "uniqueItems",
                                        "minProperties",
                                        "maxProperties",
                                        "minContains",
                                        "maxContains",
                                        "$dynamicRef",
                                        "$recursiveRef"};

unsigned typeBit(const std::string& name) {
  static const std::pair<const char*, unsigned> kTypes[] = {
      {"null", Node::kNull},     {"boolean", Node::kBoolean}, {"integer", Node::kInteger},
      {"number", Node::kNumber}, {"string", Node::kString},   {"array", Node::kArray},
      {"object", Node::kObject}};
  for (const auto& [type, bit] : kTypes) {
    if (name == type) {
      return bit;
    }
  }
  return 0;
}

std::string escapePointer(const std::string& key) {
  std::string out;
  for (const char c : key) {
    out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return out;
}

/// A value's JSON type, as the specification counts it: 1.0 is an integer.
unsigned typeOf(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return Node::kNull;
    case nlohmann::json::value_t::boolean:
      return Node::kBoolean;
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return Node::kInteger;
    case nlohmann::json::value_t::number_float: {
      const double number = value.get<double>();
      return std::isfinite(number) && number == std::floor(number) ? Node::kInteger : Node::kNumber;
    }
    case nlohmann::json::value_t::string:
      return Node::kString;
    case nlohmann::json::value_t::array:
      return Node::kArray;
    default:
      return Node::kObject;
  }
}

std::size_t codePoints(const std::string& utf8) {
  return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool admitted(unsigned types, unsigned type) {
  return types == 0 || (types & type) != 0 || (type == Node::kInteger && (types & Node::kNumber));
}

}  // namespace

JsonSchema::JsonSchema(std::string_view text, std::string_view what,
                       DependencyReader readDependency)
    : what_(what), text_(text), readDependency_(std::move(readDependency)) {
  const auto& document = documents_[""] = parseDocument(text, "");
  if (document.is_object() && document.contains("title") && document["title"].is_string()) {
    title_ = document["title"].get<std::string>();
  }
  dependsOnStack_.push_back(&dependsOn_);
  root_ = at("");
}

nlohmann::ordered_json JsonSchema::parseDocument(std::string_view text,
                                                 const std::string& name) const {
  if (TemplateJson::nestingDepth(text) > TemplateJson::kMaxDepth) {
    fail(name, "nested more than " + std::to_string(TemplateJson::kMaxDepth) + " deep");
  }
  auto document = nlohmann::ordered_json::parse(text, nullptr, false);
  if (document.is_discarded()) {
    fail(name, "not JSON");
  }
  return document;
}

// A $ref to another document ("address.json", "common.json#/$defs/Money") reads it once by
// its name (a file beside the schema, or a registry reference), parses it into this schema's
// nodes, and records it as a dependency, after the documents it refers to in turn.
std::string JsonSchema::externalPlace(const std::string& ref, const std::string& pointer) {
  const std::size_t hash = ref.find('#');
  const std::string name = ref.substr(0, hash);
  const std::string fragment = hash == std::string::npos ? "" : ref.substr(hash + 1);
  if (!documents_.contains(name)) {
    const auto text = readDependency_ ? readDependency_(name) : std::nullopt;
    if (!text) {
      fail(pointer, "$ref '" + ref + "': no document '" + name +
                        "' beside the schema file or among the registry's references");
    }
    dependsOnStack_.back()->push_back(name);
    documents_[name] = parseDocument(*text, name + "#");
    SchemaDependency dependency{name, *text, {}};
    dependsOnStack_.push_back(&dependency.dependsOn);
    at(name + "#" + fragment);  // its own external $refs load now, before it is recorded
    dependsOnStack_.pop_back();
    dependencies_.push_back(std::move(dependency));
  }
  return name + "#" + fragment;
}

void JsonSchema::fail(const std::string& pointer, const std::string& problem) const {
  throw KafkaError::invalidArgument(what_ + ": not a usable JSON Schema: " +
                                    (pointer.empty() ? "" : "at " + pointer + ": ") + problem);
}

const JsonSchemaNode* JsonSchema::at(const std::string& pointer) {
  if (const auto known = byPointer_.find(pointer); known != byPointer_.end()) {
    return known->second;
  }
  if (++depth_ > kMaxParseDepth) {  // subschemas and $refs nested past any real schema's
    fail(pointer, "subschemas and $refs nest deeper than " + std::to_string(kMaxParseDepth));
  }
  // "NAME#/json/pointer" in another document; a plain "/json/pointer" (or "", the root) in the
  // schema's own, where a '#' is only a character of a property's name.
  const bool own = pointer.empty() || pointer.front() == '/';
  const std::size_t hash = own ? std::string::npos : pointer.find('#');
  const auto document = documents_.find(own ? std::string() : pointer.substr(0, hash));
  if (document == documents_.end()) {
    fail(pointer, "no such document");
  }
  const nlohmann::ordered_json* schema = nullptr;
  try {
    schema = &document->second.at(
        nlohmann::ordered_json::json_pointer(own ? pointer : pointer.substr(hash + 1)));
  } catch (const nlohmann::ordered_json::exception&) {
    fail(pointer, "no such place in the document");
  }
  Node& node = nodes_.emplace_back();
  byPointer_[pointer] = &node;  // before parsing: a $ref back here finds it
  parse(node, *schema, pointer);
  --depth_;
  return &node;
}

void JsonSchema::parse(JsonSchemaNode& node, const nlohmann::ordered_json& schema,
                       const std::string& pointer) {
  if (schema.is_boolean()) {
    node.never = !schema.get<bool>();
    return;
  }
  if (!schema.is_object()) {
    fail(pointer, "a schema must be an object or a boolean");
  }
  if (schema.contains("$ref")) {  // as draft 7: a $ref stands for the whole schema
    const auto& ref = schema["$ref"];
    if (!ref.is_string() || ref.get<std::string>().empty()) {
      fail(pointer, "a $ref must be a URI reference");
    }
    const std::string& target = ref.get_ref<const std::string&>();
    // "#/..." within the document that holds the $ref; anything else names another one.
    const std::size_t hash = pointer.find('#');
    node.ref =
        at(target.front() == '#'
               ? pointer.substr(0, hash == std::string::npos ? 0 : hash + 1) + target.substr(1)
               : externalPlace(target, pointer));
    for (const Node* hop = node.ref; hop != nullptr; hop = hop->ref) {
      if (hop == &node) {
        fail(pointer, "$refs that refer to each other in a circle, with no schema between");
      }
    }
    return;
  }
  for (const char* keyword : kUnsupported) {
    if (schema.contains(keyword)) {
      fail(pointer, std::string("the keyword '") + keyword + "' is not supported");
    }
  }
  if (schema.contains("type")) {
    const auto& type = schema["type"];
    for (const auto& name : type.is_array() ? type : nlohmann::ordered_json::array({type})) {
      const unsigned bit = name.is_string() ? typeBit(name.get<std::string>()) : 0;
      if (bit == 0) {
        fail(pointer, "unknown type " + name.dump());
      }
      node.types |= bit;
    }
  }
  if (schema.contains("properties")) {
    for (const auto& [key, value] : schema["properties"].items()) {
      node.properties.emplace_back(key, at(pointer + "/properties/" + escapePointer(key)));
    }
  }
  if (schema.contains("required")) {
    for (const auto& name : schema["required"]) {
      if (!name.is_string()) {
        fail(pointer, "required must list property names");
      }
      node.required.push_back(name.get<std::string>());
    }
  }
  if (schema.contains("additionalProperties")) {
    const auto& additional = schema["additionalProperties"];
    node.closed = additional.is_boolean() && !additional.get<bool>();
    node.additionalProperties = node.closed ? nullptr : at(pointer + "/additionalProperties");
  }
  if (schema.contains("items")) {
    if (!schema["items"].is_object() && !schema["items"].is_boolean()) {
      fail(pointer, "items as a list (tuples) is not supported");
    }
    node.items = at(pointer + "/items");
  }
  if (schema.contains("enum") || schema.contains("const")) {
    const auto& values =
        schema.contains("enum") ? schema["enum"] : nlohmann::ordered_json::array({schema["const"]});
    node.allowed.emplace();
    for (const auto& value : values) {
      node.allowed->push_back(nlohmann::json::parse(value.dump()));
    }
  }
  if (schema.contains("format") && schema["format"].is_string()) {
    node.format = StringFormat::named(schema["format"].get_ref<const std::string&>());
  }
  if (schema.contains("pattern")) {
    try {
      node.patternText = schema["pattern"].get<std::string>();
      node.pattern.emplace(node.patternText, std::regex::ECMAScript);
    } catch (const std::exception& error) {
      fail(pointer, "pattern: " + std::string(error.what()));
    }
  }
  parseNumbers(node, schema, pointer);
  node.allOf = list(schema, pointer, "allOf");
  node.anyOf = list(schema, pointer, "anyOf");
  node.oneOf = list(schema, pointer, "oneOf");
  if (schema.contains("not")) {
    node.negated = at(pointer + "/not");
  }
}

void JsonSchema::parseNumbers(JsonSchemaNode& node, const nlohmann::ordered_json& schema,
                              const std::string& pointer) {
  const auto number = [&](const char* keyword) -> std::optional<double> {
    if (!schema.contains(keyword) || schema[keyword].is_boolean()) {
      return std::nullopt;
    }
    if (!schema[keyword].is_number()) {
      fail(pointer, std::string(keyword) + " must be a number");
    }
    return schema[keyword].get<double>();
  };
  const auto count = [&](const char* keyword, std::size_t& value) {
    if (schema.contains(keyword)) {
      if (!schema[keyword].is_number_unsigned()) {
        fail(pointer, std::string(keyword) + " must be a whole number");
      }
      value = schema[keyword].get<std::size_t>();
    }
  };
  node.minimum = number("minimum");
  node.maximum = number("maximum");
  node.exclusiveMinimum = number("exclusiveMinimum");
  node.exclusiveMaximum = number("exclusiveMaximum");
  // Draft 4: exclusiveMinimum/Maximum are booleans that make minimum/maximum exclusive.
  const auto flag = [&](const char* keyword) {
    return schema.contains(keyword) && schema[keyword].is_boolean() && schema[keyword].get<bool>();
  };
  if (flag("exclusiveMinimum")) {
    node.exclusiveMinimum = std::exchange(node.minimum, std::nullopt);
  }
  if (flag("exclusiveMaximum")) {
    node.exclusiveMaximum = std::exchange(node.maximum, std::nullopt);
  }
  count("minItems", node.minItems);
  count("maxItems", node.maxItems);
  count("minLength", node.minLength);
  count("maxLength", node.maxLength);
}

std::vector<const JsonSchemaNode*> JsonSchema::list(const nlohmann::ordered_json& schema,
                                                    const std::string& pointer,
                                                    const char* keyword) {
  std::vector<const JsonSchemaNode*> nodes;
  if (schema.contains(keyword)) {
    if (!schema[keyword].is_array() || schema[keyword].empty()) {
      fail(pointer, std::string(keyword) + " must be a non-empty list of schemas");
    }
    for (std::size_t i = 0; i < schema[keyword].size(); ++i) {
      nodes.push_back(at(pointer + "/" + keyword + "/" + std::to_string(i)));
    }
  }
  return nodes;
}

bool JsonSchema::check(const JsonSchemaNode& node, const nlohmann::json& value,
                       std::string& problem, const std::string& path) const {
  return check(node.resolved(), value, problem, path, 0);
}

bool JsonSchema::check(const JsonSchemaNode& place, const nlohmann::json& value,
                       std::string& problem, const std::string& path, int depth) const {
  const JsonSchemaNode& node = place.resolved();
  const auto refuse = [&](const std::string& why) {
    problem = (path.empty() ? std::string() : "at " + path + ": ") + why;
    return false;
  };
  if (depth > kMaxCheckDepth) {  // schemas within schemas (allOf, anyOf, …) with no end
    return refuse("the schema nests deeper than " + std::to_string(kMaxCheckDepth));
  }
  if (node.never) {
    return refuse("no value is allowed here");
  }
  const unsigned type = typeOf(value);
  if (!admitted(node.types, type)) {
    return refuse("the schema does not allow " + value.dump());
  }
  if (node.allowed &&
      std::find(node.allowed->begin(), node.allowed->end(), value) == node.allowed->end()) {
    return refuse(value.dump() + " is not one of the allowed values");
  }
  if (value.is_number()) {
    const double number = value.get<double>();
    if ((node.minimum && number < *node.minimum) || (node.maximum && number > *node.maximum) ||
        (node.exclusiveMinimum && number <= *node.exclusiveMinimum) ||
        (node.exclusiveMaximum && number >= *node.exclusiveMaximum)) {
      return refuse(value.dump() + " is out of the schema's range");
    }
  } else if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    const std::size_t length = codePoints(text);
    if (length < node.minLength || length > node.maxLength) {
      return refuse("\"" + text + "\" has " + std::to_string(length) +
                    " characters, out of the schema's bounds");
    }
    if (node.pattern && !std::regex_search(text, *node.pattern)) {
      return refuse("\"" + text + "\" does not match the pattern " + node.patternText);
    }
    if (!StringFormat::matches(node.format, text)) {
      return refuse("\"" + text + "\" is not a valid " + StringFormat::name(node.format));
    }
  } else if (value.is_array()) {
    if (value.size() < node.minItems || value.size() > node.maxItems) {
      return refuse(std::to_string(value.size()) + " items, out of the schema's bounds");
    }
    for (std::size_t i = 0; node.items != nullptr && i < value.size(); ++i) {
      if (!check(*node.items, value[i], problem, path + "/" + std::to_string(i), depth + 1)) {
        return false;
      }
    }
  } else if (value.is_object()) {
    for (const auto& name : node.required) {
      if (!value.contains(name)) {
        return refuse("the required property '" + name + "' is missing");
      }
    }
    for (const auto& [key, member] : value.items()) {
      const JsonSchemaNode* schema = node.property(key);
      if (schema == nullptr && node.closed) {
        return refuse("the property '" + key + "' is not allowed");
      }
      schema = schema != nullptr ? schema : node.additionalProperties;
      if (schema != nullptr &&
          !check(*schema, member, problem, path + "/" + escapePointer(key), depth + 1)) {
        return false;
      }
    }
  }
  for (const JsonSchemaNode* part : node.allOf) {
    if (!check(*part, value, problem, path, depth + 1)) {
      return false;
    }
  }
  std::string ignored;
  if (!node.anyOf.empty() &&
      std::none_of(node.anyOf.begin(), node.anyOf.end(), [&](const JsonSchemaNode* branch) {
        return check(*branch, value, ignored, path, depth + 1);
      })) {
    return refuse("no schema of anyOf allows " + value.dump());
  }
  if (!node.oneOf.empty() &&
      std::count_if(node.oneOf.begin(), node.oneOf.end(), [&](const JsonSchemaNode* branch) {
        return check(*branch, value, ignored, path, depth + 1);
      }) != 1) {
    return refuse("not exactly one schema of oneOf allows " + value.dump());
  }
  if (node.negated != nullptr && check(*node.negated, value, ignored, path, depth + 1)) {
    return refuse("the schema under not allows " + value.dump());
  }
  return true;
}

std::unique_ptr<RecordTemplate> JsonSchema::compile(std::string_view templateText,
                                                    std::string_view what) const {
  return std::make_unique<JsonTemplate>(*this, templateText, what);
}

bool JsonSchema::decode(std::string_view bytes, bool /*framed: JSON has no framing*/,
                        std::string* json, std::string& problem) const {
  if (TemplateJson::nestingDepth(bytes) > TemplateJson::kMaxDepth) {
    problem = "JSON nested more than " + std::to_string(TemplateJson::kMaxDepth) + " deep";
    return false;
  }
  const auto value = nlohmann::json::parse(bytes, nullptr, false);
  if (value.is_discarded()) {
    problem = "not JSON";
    return false;
  }
  if (!check(*root_, value, problem)) {
    return false;
  }
  if (json != nullptr) {
    json->append(bytes);
  }
  return true;
}

}  // namespace kafkanative
