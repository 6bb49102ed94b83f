#include "JsonTemplate.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "TemplateJson.hpp"
#include "TextNumber.hpp"
#include "TimeText.hpp"

namespace kafkanative {

namespace {

using SchemaNode = JsonSchemaNode;

const SchemaNode kAnything{};

/// The JSON types a place admits, its anyOf/oneOf branches' included; 0: any.
unsigned admittedTypes(const SchemaNode& node) {
  unsigned types = node.types;
  for (const auto* branches : {&node.anyOf, &node.oneOf}) {
    for (const SchemaNode* branch : *branches) {
      const unsigned branchTypes = branch->resolved().types;
      if (branchTypes == 0) {
        return node.types;
      }
      types = node.types == 0 ? types | branchTypes : types;
    }
  }
  return types;
}

/// Whether a place constrains a value beyond its type (so a rendered value must be checked).
bool constrains(const SchemaNode& node) {
  return node.allowed || node.minimum || node.maximum || node.exclusiveMinimum ||
         node.exclusiveMaximum || node.minLength > 0 || node.maxLength != kAnything.maxLength ||
         node.pattern || node.format != StringFormat::Kind::kNone || !node.allOf.empty() ||
         !node.anyOf.empty() || !node.oneOf.empty() || node.negated != nullptr;
}

bool holdsPlaceholder(const nlohmann::json& value) {
  if (value.is_string()) {
    return TemplateJson::hasPlaceholder(value.get_ref<const std::string&>());
  }
  return value.is_structured() &&
         std::any_of(value.begin(), value.end(), holdsPlaceholder);  // an object's values too
}

void appendQuoted(std::string& out, std::string_view text) {
  out += '"';
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      static constexpr char kHex[] = "0123456789abcdef";
      out += "\\u00";
      out += kHex[(c >> 4) & 0xF];
      out += kHex[c & 0xF];
    } else {
      out += c;
    }
  }
  out += '"';
}

template <typename Number>
void appendNumber(std::string& out, Number value) {
  char digits[32];
  out.append(digits, std::to_chars(digits, digits + sizeof digits, value).ptr);
}

/// A random value of a checked string format: the message's time for dates and times, a UUID,
/// an address at example.com (RFC 2606's name for examples).
std::string randomFormatted(StringFormat::Kind format, const TemplateContext& context) {
  static const MessageTemplate kUuid("{{uuid}}", 0, "uuid");
  static const MessageTemplate kEmail("{{random_chars:8:a-z}}@example.com", 0, "email");
  const std::string now = TimeText::isoDateTime(context.nowMicros());
  std::string text;
  switch (format) {
    case StringFormat::Kind::kDateTime:
      return now;
    case StringFormat::Kind::kDate:
      return now.substr(0, 10);
    case StringFormat::Kind::kTime:
      return now.substr(11);
    case StringFormat::Kind::kUuid:
      kUuid.render(context, text);
      return text;
    default:
      kEmail.render(context, text);
      return text;
  }
}

}  // namespace

struct JsonTemplate::Node {
  enum class Op { kConstant, kText, kRandom };
  Op op;
  std::string bytes;                      ///< kConstant
  const SchemaNode* schema = nullptr;     ///< kText, kRandom: the place's schema
  std::unique_ptr<MessageTemplate> text;  ///< kText
  Kind kind = Kind::kString;              ///< kText: what the text becomes
  bool number = false;                    ///< kText: one integer placeholder into a number
  bool checked = false;                   ///< kText: the value is checked against the place
  std::string path;                       ///< kText: the place, for problems
};

JsonTemplate::JsonTemplate(const JsonSchema& schema, std::string_view templateText,
                           std::string_view what)
    : RecordTemplate(what), schema_(schema) {
  const bool whollyRandom = templateText.find_first_not_of(" \t\r\n") == std::string_view::npos;
  compile(&schema.root(),
          whollyRandom ? nlohmann::json(kRandom) : TemplateJson::parse(templateText, what), "");
  mergeConstants(nodes_);
}

JsonTemplate::~JsonTemplate() = default;

void JsonTemplate::appendConstant(std::string_view text) {
  nodes_.push_back(
      {Node::Op::kConstant, std::string(text), nullptr, nullptr, Kind::kString, false, false, {}});
}

void JsonTemplate::compile(const JsonSchemaNode* schema, const nlohmann::json& value,
                           const std::string& path) {
  const SchemaNode& node = schema != nullptr ? schema->resolved() : kAnything;
  if (isRandom(value)) {
    std::vector<const SchemaNode*> seen;
    checkRandomizable(node, path, seen);
    // Random values follow types, ranges, lengths and enums, but not every combination a
    // schema can state (an enum whose values break another keyword, overlapping oneOf
    // branches): each random document is checked whole, and one that is not valid fails.
    wholeCheck_ = true;
    nodes_.push_back({Node::Op::kRandom, {}, &node, nullptr, Kind::kString, false, false, path});
    return;
  }
  if (!holdsPlaceholder(value)) {  // a literal: checked and written once
    std::string problem;
    if (!schema_.check(node, value, problem)) {
      fail(path, problem);
    }
    appendConstant(value.dump());
    return;
  }
  if (value.is_string()) {
    compileText(node, value.get<std::string>(), path);
    return;
  }
  // Constraints on the whole object or array reach into what its placeholders write.
  wholeCheck_ = wholeCheck_ || node.allowed || !node.allOf.empty() || !node.anyOf.empty() ||
                !node.oneOf.empty() || node.negated != nullptr;
  value.is_object() ? compileObject(node, value, path) : compileArray(node, value, path);
}

void JsonTemplate::compileObject(const JsonSchemaNode& node, const nlohmann::json& value,
                                 const std::string& path) {
  if (node.never || (node.types != 0 && (node.types & SchemaNode::kObject) == 0)) {
    fail(path, "the schema does not allow an object here");
  }
  for (const auto& name : node.required) {
    if (!value.contains(name)) {
      fail(path, "the required property '" + name + "' is missing");
    }
  }
  appendConstant("{");
  const char* separator = "";
  for (const auto& [key, member] : value.items()) {
    const SchemaNode* schema = node.property(key);
    if (schema == nullptr && node.closed) {
      fail(path, "the property '" + key + "' is not allowed");
    }
    appendConstant(separator + nlohmann::json(key).dump() + ":");
    separator = ",";
    compile(schema != nullptr ? schema : node.additionalProperties, member,
            path.empty() ? key : path + "." + key);
  }
  appendConstant("}");
}

void JsonTemplate::compileArray(const JsonSchemaNode& node, const nlohmann::json& value,
                                const std::string& path) {
  if (node.never || (node.types != 0 && (node.types & SchemaNode::kArray) == 0)) {
    fail(path, "the schema does not allow an array here");
  }
  if (value.size() < node.minItems || value.size() > node.maxItems) {
    fail(path, std::to_string(value.size()) + " items, out of the schema's bounds");
  }
  appendConstant("[");
  for (std::size_t i = 0; i < value.size(); ++i) {
    appendConstant(i == 0 ? "" : ",");
    compile(node.items, value[i], path + "[" + std::to_string(i) + "]");
  }
  appendConstant("]");
}

void JsonTemplate::compileText(const JsonSchemaNode& node, const std::string& text,
                               const std::string& path) {
  auto rendered = std::make_unique<MessageTemplate>(text, 0, where(path));
  const unsigned types = admittedTypes(node);
  const auto admits = [types](unsigned type) { return types == 0 || (types & type) != 0; };
  const bool numbers = admits(SchemaNode::kInteger) || admits(SchemaNode::kNumber);
  Kind kind = Kind::kString;
  // A lone integer placeholder becomes a number where one may stand, other text a string.
  if (rendered->isInteger() && numbers) {
    kind = admits(SchemaNode::kNumber) ? Kind::kNumber : Kind::kInteger;
  } else if (!admits(SchemaNode::kString)) {
    if (numbers) {
      kind = admits(SchemaNode::kNumber) ? Kind::kNumber : Kind::kInteger;
    } else if (admits(SchemaNode::kBoolean)) {
      kind = Kind::kBoolean;
    } else {
      fail(path, "a placeholder can stand only for a string, number or boolean here");
    }
  }
  const bool number = rendered->isInteger() && kind != Kind::kString && kind != Kind::kBoolean;
  nodes_.push_back(
      {Node::Op::kText, {}, &node, std::move(rendered), kind, number, constrains(node), path});
}

void JsonTemplate::checkRandomizable(const JsonSchemaNode& schema, const std::string& path,
                                     std::vector<const JsonSchemaNode*>& seen) {
  const SchemaNode& node = schema.resolved();
  if (std::find(seen.begin(), seen.end(), &node) != seen.end()) {
    return;
  }
  seen.push_back(&node);
  if (!node.allowed && (!node.allOf.empty() || node.negated != nullptr || node.pattern)) {
    fail(path,
         "random values cannot be drawn for allOf, not or pattern: give this place a template "
         "value, or an enum");
  }
  if (node.never) {
    fail(path, "the schema allows no value here");
  }
  constexpr auto kMost = static_cast<std::size_t>(kMaxRandomValues);
  if (node.minLength > node.maxLength || node.minItems > node.maxItems || node.minLength > kMost ||
      node.minItems > kMost) {
    fail(path, "no random value fits the schema's lengths or item counts");
  }
  for (const auto& [key, property] : node.properties) {
    checkRandomizable(*property, path.empty() ? key : path + "." + key, seen);
  }
  for (const auto* branches : {&node.anyOf, &node.oneOf}) {
    for (const SchemaNode* branch : *branches) {
      checkRandomizable(*branch, path, seen);
    }
  }
  if (node.items != nullptr) {
    checkRandomizable(*node.items, path + "[]", seen);
  }
}

bool JsonTemplate::usesStamp() const noexcept { return anyUsesStamp(nodes_); }

bool JsonTemplate::render(const TemplateContext& context, std::string& out) const {
  randomValues_ = 0;
  const std::size_t start = out.size();
  for (const Node& node : nodes_) {
    bool rendered = true;
    switch (node.op) {
      case Node::Op::kConstant:
        out += node.bytes;
        break;
      case Node::Op::kText:
        rendered = renderText(node, context, out);
        break;
      case Node::Op::kRandom:
        rendered = renderRandom(*node.schema, 0, context, out);
        break;
    }
    if (!rendered) {
      return false;
    }
  }
  if (wholeCheck_) {
    const auto document = nlohmann::json::parse(out.begin() + static_cast<std::ptrdiff_t>(start),
                                                out.end(), nullptr, false);
    return allowed(schema_.root(), document, "");
  }
  return true;
}

bool JsonTemplate::allowed(const JsonSchemaNode& node, const nlohmann::json& value,
                           const std::string& path) const {
  std::string problem;
  if (schema_.check(node, value, problem)) {
    return true;
  }
  problem_ = where(path) + problem;
  return false;
}

bool JsonTemplate::renderText(const Node& node, const TemplateContext& context,
                              std::string& out) const {
  std::int64_t integer = 0;
  double real = 0;
  if (node.number) {  // one integer placeholder into a number: no text in between
    integer = node.text->integerValue(context);
    if (node.checked && !allowed(*node.schema, integer, node.path)) {
      return false;
    }
    appendNumber(out, integer);
    return true;
  }
  node.text->render(context, scratch_);
  nlohmann::json value;
  switch (node.kind) {
    case Kind::kString:
      if (node.checked && !allowed(*node.schema, scratch_, node.path)) {
        return false;
      }
      appendQuoted(out, scratch_);
      return true;
    case Kind::kBoolean:
      if (scratch_ != "true" && scratch_ != "false") {
        problem_ = where(node.path) + "'" + scratch_ + "' is not a boolean";
        return false;
      }
      value = scratch_ == "true";
      break;
    default:
      if (TextNumber::integer(scratch_, integer)) {
        value = integer;
      } else if (node.kind == Kind::kNumber && TextNumber::real(scratch_, real) &&
                 std::isfinite(real) && scratch_.find_first_of(" \t\n") == std::string::npos) {
        value = real;
      } else {
        problem_ = where(node.path) + "'" + scratch_ + "' is not " +
                   (node.kind == Kind::kInteger ? "an integer" : "a number");
        return false;
      }
  }
  if (node.checked && !allowed(*node.schema, value, node.path)) {
    return false;
  }
  out += value.dump();
  return true;
}

bool JsonTemplate::renderRandom(const JsonSchemaNode& schema, int depth,
                                const TemplateContext& context, std::string& out) const {
  const SchemaNode& node = schema.resolved();
  FastRandom& random = context.random;
  if (!countRandomValue(randomValues_, problem_)) {
    return false;
  }
  const bool shallow = depth < kMaxRandomDepth && randomValues_ < kMaxRandomValues;
  if (node.allowed) {
    out += (*node.allowed)[random.below(node.allowed->size())].dump();
    return true;
  }
  const auto& branches = node.anyOf.empty() ? node.oneOf : node.anyOf;
  if (!branches.empty()) {
    return renderRandom(*branches[random.below(branches.size())], depth + 1, context, out);
  }
  if (depth > kMaxSelfNesting) {
    problem_ = where("") + "the schema holds itself with no way out";
    return false;
  }
  // One of the admitted types at random (any: a string); deep down null when it may be.
  unsigned choices[7];
  std::size_t count = 0;
  for (unsigned bit = SchemaNode::kNull; bit <= SchemaNode::kObject; bit <<= 1) {
    if ((node.types & bit) != 0) {
      choices[count++] = bit;
    }
  }
  unsigned type = count == 0 ? SchemaNode::kString : choices[random.below(count)];
  if (!shallow && (node.types & SchemaNode::kNull) != 0) {
    type = SchemaNode::kNull;
  }
  switch (type) {
    case SchemaNode::kNull:
      out += "null";
      return true;
    case SchemaNode::kBoolean:
      out += (random.next() & 1) != 0 ? "true" : "false";
      return true;
    case SchemaNode::kInteger:
    case SchemaNode::kNumber:
      return renderRandomNumber(node, type == SchemaNode::kInteger, random, out);
    case SchemaNode::kString: {
      if (node.format != StringFormat::Kind::kNone) {
        appendQuoted(out, randomFormatted(node.format, context));
        return true;
      }
      const std::size_t longest =
          std::min(node.maxLength, std::max<std::size_t>(node.minLength, 8));
      const std::size_t length = node.minLength + random.below(longest - node.minLength + 1);
      out += '"';
      for (std::size_t i = 0; i < length; ++i) {
        out += static_cast<char>('a' + random.below(26));
      }
      out += '"';
      return true;
    }
    case SchemaNode::kArray: {
      const std::size_t most = shallow ? std::min(node.maxItems, node.minItems + 3) : node.minItems;
      const std::size_t items = node.minItems + random.below(most - node.minItems + 1);
      out += '[';
      for (std::size_t i = 0; i < items; ++i) {
        out += i == 0 ? "" : ",";
        if (!renderRandom(node.items != nullptr ? *node.items : kAnything, depth + 1, context,
                          out)) {
          return false;
        }
      }
      out += ']';
      return true;
    }
    default: {  // an object: its required properties, and each other one now and then
      out += '{';
      const char* separator = "";
      for (const auto& [key, property] : node.properties) {
        if (!node.isRequired(key) && (!shallow || (random.next() & 1) == 0)) {
          continue;
        }
        out += separator;
        separator = ",";
        appendQuoted(out, key);
        out += ':';
        if (!renderRandom(*property, depth + 1, context, out)) {
          return false;
        }
      }
      out += '}';
      return true;
    }
  }
}

bool JsonTemplate::renderRandomNumber(const JsonSchemaNode& node, bool integer, FastRandom& random,
                                      std::string& out) const {
  // The range the schema allows; where it leaves an end open, kRandomIntegerBound wide.
  const auto bound = static_cast<double>(kRandomIntegerBound);
  const std::optional<double> lower = node.minimum ? node.minimum : node.exclusiveMinimum;
  const std::optional<double> upper = node.maximum ? node.maximum : node.exclusiveMaximum;
  double low = lower.value_or(upper ? std::min(0.0, *upper - bound) : 0.0);
  double high = upper.value_or(low + bound);
  if (integer) {
    low = node.exclusiveMinimum && !node.minimum ? std::floor(low) + 1 : std::ceil(low);
    high = node.exclusiveMaximum && !node.maximum ? std::ceil(high) - 1 : std::floor(high);
    if (low > high || low < -9e18 || high > 9e18) {
      problem_ = where("") + "no integer fits the schema's range, or it is too wide to draw from";
      return false;
    }
    appendNumber(out,
                 random.between(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high)));
    return true;
  }
  const double fraction = static_cast<double>(random.below(1'000'000)) / 1'000'000.0;
  double value = low + (high - low) * fraction;
  if ((node.exclusiveMinimum && value <= *node.exclusiveMinimum) ||
      (node.exclusiveMaximum && value >= *node.exclusiveMaximum)) {
    value = (low + high) / 2;
  }
  appendNumber(out, value);
  return true;
}

}  // namespace kafkanative
