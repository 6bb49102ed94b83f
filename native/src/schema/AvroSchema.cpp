#include "AvroSchema.hpp"

#include <algorithm>
#include <limits>
#include <set>

#include "AvroDecoder.hpp"
#include "AvroTemplate.hpp"
#include "TemplateJson.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

using Kind = AvroType::Kind;

const std::map<std::string, Kind, std::less<>>& primitives() {
  static const std::map<std::string, Kind, std::less<>> kPrimitives = {
      {"null", Kind::kNull},   {"boolean", Kind::kBoolean}, {"int", Kind::kInt},
      {"long", Kind::kLong},   {"float", Kind::kFloat},     {"double", Kind::kDouble},
      {"bytes", Kind::kBytes}, {"string", Kind::kString}};
  return kPrimitives;
}

AvroType::Logical logicalOf(std::string_view name) {
  using Logical = AvroType::Logical;
  static const std::map<std::string, Logical, std::less<>> kLogical = {
      {"date", Logical::kDate},
      {"time-millis", Logical::kTimeMillis},
      {"time-micros", Logical::kTimeMicros},
      {"timestamp-millis", Logical::kTimestampMillis},
      {"timestamp-micros", Logical::kTimestampMicros},
      {"local-timestamp-millis", Logical::kLocalTimestampMillis},
      {"local-timestamp-micros", Logical::kLocalTimestampMicros},
      {"uuid", Logical::kUuid},
      {"decimal", Logical::kDecimal}};
  const auto found = kLogical.find(name);
  return found == kLogical.end() ? Logical::kNone : found->second;
}

bool validName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) {
    return false;
  }
  for (const char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') {
      return false;
    }
  }
  return true;
}

std::string qualified(const std::string& name, const std::string& space) {
  return name.find('.') != std::string::npos || space.empty() ? name : space + "." + name;
}

std::string namespaceOf(const std::string& fullName) {
  const auto dot = fullName.rfind('.');
  return dot == std::string::npos ? std::string() : fullName.substr(0, dot);
}

}  // namespace

std::string AvroType::branchName() const {
  if (!fullName.empty()) {
    return fullName;
  }
  switch (kind) {
    case Kind::kArray:
      return "array";
    case Kind::kMap:
      return "map";
    case Kind::kUnion:
      return "union";
    default:
      for (const auto& [name, primitive] : primitives()) {
        if (primitive == kind) {
          return name;
        }
      }
      return {};
  }
}

AvroSchema::AvroSchema(std::string_view text, std::string_view what,
                       DependencyReader readDependency)
    : what_(what), readDependency_(std::move(readDependency)) {
  // As given, not re-serialised: a registry that compares schemas as text (Confluent's keeps
  // the text a team registered) then finds the team's own registration.
  text_ = std::string(text);
  dependsOnStack_.push_back(&dependsOn_);
  root_ = parse(json(text), "");
}

nlohmann::json AvroSchema::json(std::string_view text) const {
  if (TemplateJson::nestingDepth(text) > TemplateJson::kMaxDepth) {
    fail("nested more than " + std::to_string(TemplateJson::kMaxDepth) + " levels deep");
  }
  auto parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) {
    fail("not JSON");
  }
  return parsed;
}

// A named type the schema uses but does not define comes from another schema (an .avsc
// beside it, or a subject the registry entry references), parsed into this one's names; its
// own references are loaded first, and each is registered before the schemas using it.
bool AvroSchema::loadDependency(const std::string& name) {
  if (!readDependency_ || loading_.contains(name)) {
    return false;
  }
  const auto text = readDependency_(name);
  if (!text) {
    return false;
  }
  dependsOnStack_.back()->push_back(name);
  loading_.insert(name);
  SchemaDependency dependency{name, *text, {}};
  dependsOnStack_.push_back(&dependency.dependsOn);
  parse(json(*text), "");
  dependsOnStack_.pop_back();
  if (!named_.contains(name)) {
    fail("the schema found for '" + name + "' does not define it");
  }
  dependencies_.push_back(std::move(dependency));
  return true;
}

void AvroSchema::fail(const std::string& problem) const {
  throw KafkaError::invalidArgument(what_ + ": not a valid Avro schema: " + problem);
}

AvroType& AvroSchema::add(Kind kind) {
  nodes_.emplace_back();
  nodes_.back().kind = kind;
  return nodes_.back();
}

const AvroType* AvroSchema::reference(const std::string& name, const std::string& space) {
  if (const auto primitive = primitives().find(name); primitive != primitives().end()) {
    return &add(primitive->second);
  }
  for (const auto& candidate : {qualified(name, space), name}) {
    if (const auto found = named_.find(candidate); found != named_.end()) {
      return found->second;
    }
  }
  for (const auto& candidate : {qualified(name, space), name}) {
    if (loadDependency(candidate)) {
      return named_.at(candidate);
    }
  }
  fail("unknown type '" + name +
       "' (defined neither here nor in a schema found for it: an "
       ".avsc named after it beside the schema file, or a registry reference)");
}

const AvroType* AvroSchema::parse(const nlohmann::json& node, const std::string& space) {
  if (node.is_string()) {
    return reference(node.get<std::string>(), space);
  }
  if (node.is_array()) {
    AvroType& type = add(Kind::kUnion);
    std::set<std::string> seen;
    for (const auto& branch : node) {
      const AvroType* parsed = parse(branch, space);
      if (parsed->kind == Kind::kUnion) {
        fail("a union may not directly contain a union");
      }
      if (!seen.insert(parsed->branchName()).second) {
        fail("a union holds '" + parsed->branchName() + "' twice");
      }
      type.branches.push_back(parsed);
    }
    if (type.branches.empty()) {
      fail("an empty union");
    }
    return &type;
  }
  if (!node.is_object() || !node.contains("type")) {
    fail("expected a type name, a union or an object with \"type\", got " + node.dump());
  }
  const auto& typeField = node["type"];
  if (!typeField.is_string()) {
    return parse(typeField, space);
  }
  const auto typeName = typeField.get<std::string>();
  if (typeName == "record" || typeName == "error" || typeName == "enum" || typeName == "fixed") {
    return parseNamed(node, space);
  }
  if (typeName == "array" || typeName == "map") {
    const char* itemsKey = typeName == "array" ? "items" : "values";
    if (!node.contains(itemsKey)) {
      fail(typeName + " without \"" + itemsKey + "\"");
    }
    AvroType& type = add(typeName == "array" ? Kind::kArray : Kind::kMap);
    type.items = parse(node[itemsKey], space);
    return &type;
  }
  const auto primitive = primitives().find(typeName);
  if (primitive == primitives().end()) {
    return reference(typeName, space);
  }
  AvroType& type = add(primitive->second);
  readLogical(node, type);
  return &type;
}

void AvroSchema::readLogical(const nlohmann::json& node, AvroType& type) {
  if (!node.contains("logicalType") || !node["logicalType"].is_string()) {
    return;
  }
  type.logical = logicalOf(node["logicalType"].get_ref<const std::string&>());
  const auto number = [&node](const char* key) {
    return node.contains(key) && node[key].is_number_integer() ? node[key].get<std::int64_t>() : -1;
  };
  const std::int64_t precision = number("precision");
  const std::int64_t scale = node.contains("scale") ? number("scale") : 0;
  const bool annotates = type.kind == Kind::kBytes || type.kind == Kind::kFixed;
  // An invalid decimal is ignored, as the specification has readers do: its bytes stay bytes.
  if (type.logical == AvroType::Logical::kDecimal &&
      (!annotates || precision < 1 || scale < 0 || scale > precision ||
       precision > std::numeric_limits<int>::max())) {
    type.logical = AvroType::Logical::kNone;
    return;
  }
  type.precision = static_cast<int>(std::max<std::int64_t>(precision, 0));
  type.scale = static_cast<int>(std::max<std::int64_t>(scale, 0));
}

const AvroType* AvroSchema::parseNamed(const nlohmann::json& node, const std::string& space) {
  const auto typeName = node["type"].get<std::string>();
  if (!node.contains("name") || !node["name"].is_string()) {
    fail("a " + typeName + " without a name");
  }
  const auto name = node["name"].get<std::string>();
  const std::string ownSpace = node.contains("namespace") && node["namespace"].is_string()
                                   ? node["namespace"].get<std::string>()
                                   : space;
  AvroType& type = add(typeName == "enum"    ? Kind::kEnum
                       : typeName == "fixed" ? Kind::kFixed
                                             : Kind::kRecord);
  type.fullName = qualified(name, ownSpace);
  const auto shortName = type.fullName.substr(type.fullName.rfind('.') + 1);
  if (!validName(shortName)) {
    fail("'" + name + "' is not a valid name");
  }
  if (!named_.emplace(type.fullName, &type).second) {
    fail("'" + type.fullName + "' is defined twice");
  }
  if (type.kind == Kind::kEnum) {
    if (!node.contains("symbols") || !node["symbols"].is_array() || node["symbols"].empty()) {
      fail("enum '" + type.fullName + "' without symbols");
    }
    for (const auto& symbol : node["symbols"]) {
      if (!symbol.is_string() || !validName(symbol.get<std::string>())) {
        fail("enum '" + type.fullName + "' has an invalid symbol " + symbol.dump());
      }
      type.symbols.push_back(symbol.get<std::string>());
    }
  } else if (type.kind == Kind::kFixed) {
    if (!node.contains("size") || !node["size"].is_number_unsigned()) {
      fail("fixed '" + type.fullName + "' without a size");
    }
    type.size = node["size"].get<std::size_t>();
    if (type.size > kMaxFixedSize) {
      fail("fixed '" + type.fullName + "' is larger than " + std::to_string(kMaxFixedSize) +
           " bytes");
    }
    readLogical(node, type);
  } else {
    if (!node.contains("fields") || !node["fields"].is_array()) {
      fail("record '" + type.fullName + "' without fields");
    }
    const std::string fieldSpace = namespaceOf(type.fullName);
    for (const auto& field : node["fields"]) {
      if (!field.is_object() || !field.contains("name") || !field["name"].is_string() ||
          !field.contains("type")) {
        fail("record '" + type.fullName + "' has a field without a name or type: " + field.dump());
      }
      AvroType::Field parsed{field["name"].get<std::string>(), parse(field["type"], fieldSpace),
                             nlohmann::json(nlohmann::json::value_t::discarded)};
      if (field.contains("default")) {
        parsed.defaultValue = field["default"];
      }
      type.fields.push_back(std::move(parsed));
    }
  }
  return &type;
}

std::unique_ptr<RecordTemplate> AvroSchema::compile(std::string_view templateText,
                                                    std::string_view what) const {
  return std::make_unique<AvroTemplate>(*this, templateText, what);
}

bool AvroSchema::decode(std::string_view bytes, bool /*framed: Avro has no framing*/,
                        std::string* json, std::string& problem) const {
  return AvroDecoder::decode(*root_, bytes, json, problem);
}

}  // namespace kafkanative
