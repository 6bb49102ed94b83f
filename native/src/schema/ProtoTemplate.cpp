#include "ProtoTemplate.hpp"

#include <algorithm>

#include "Base64.hpp"
#include "ProtoScalar.hpp"
#include "ProtoWellKnown.hpp"
#include "TemplateJson.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

using FieldType = ProtoType::FieldType;

/// A literal as the text appendText takes: numbers and bools as JSON writes them, strings as
/// they are (a bytes field's base64 decoded). False for a JSON value no scalar holds.
bool literalText(const ProtoType::Field& field, const nlohmann::json& value, std::string& text) {
  if (value.is_string()) {
    if (field.fieldType == FieldType::kBytes) {
      return Base64::decode(value.get_ref<const std::string&>(), text);
    }
    text = value.get<std::string>();
    return field.fieldType != FieldType::kBool;
  }
  if (value.is_number() || value.is_boolean()) {
    text = value.dump();
    return field.fieldType != FieldType::kString && field.fieldType != FieldType::kBytes;
  }
  return false;
}

}  // namespace

struct ProtoTemplate::Node {
  enum class Op {
    kConstant,
    kText,
    kChoice,         ///< a lone {{pick}}: one of its choices, encoded when compiled
    kRandomField,    ///< a whole field, tags and all
    kRandomValue,    ///< one value of a field, after its tag
    kRandomMessage,  ///< the whole record
    kTimeText,       ///< a Timestamp or Duration from a placeholder's text, length first
    kOpen,           ///< the start of a length-delimited run
    kClose           ///< its end: the length goes before it
  };
  Op op;
  std::string bytes;                      ///< kConstant
  const Field* field = nullptr;           ///< kText, kRandomField, kRandomValue, kTimeText
  const ProtoType* message = nullptr;     ///< kRandomMessage
  std::unique_ptr<MessageTemplate> text;  ///< kText, kTimeText
  bool number = false;  ///< kText: one integer placeholder into a number or enum field
  std::string path;     ///< kText: the field, for problems
  std::vector<std::string> choices = {};  ///< kChoice
};

ProtoTemplate::ProtoTemplate(const ProtoSchema& schema, std::string_view templateText,
                             std::string_view what)
    : RecordTemplate(what), word_("{{random_string:8}}", 0, "word") {
  if (templateText.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    nodes_.push_back({Node::Op::kRandomMessage, {}, nullptr, &schema.root(), nullptr, false, {}});
  } else {
    compileMessage(schema.root(), TemplateJson::parse(templateText, what), "");
  }
  mergeConstants(nodes_);
}

ProtoTemplate::~ProtoTemplate() = default;

void ProtoTemplate::appendConstant(std::string_view bytes) {
  nodes_.push_back({Node::Op::kConstant, std::string(bytes), nullptr, nullptr, nullptr, false, {}});
}

void ProtoTemplate::compileMessage(const ProtoType& type, const nlohmann::json& value,
                                   const std::string& path) {
  if (!value.is_object()) {
    fail(path, "expected a JSON object for message " + type.fullName + ", got " + value.dump());
  }
  for (const auto& item : value.items()) {
    if (type.field(item.key()) == nullptr) {
      fail(path, "message " + type.fullName + " has no field '" + item.key() + "'");
    }
  }
  std::vector<int> oneofsSet;
  for (const auto& field : type.fields) {
    const std::string fieldPath = path.empty() ? field.name : path + "." + field.name;
    const auto given =
        value.contains(field.name) ? value.find(field.name) : value.find(field.jsonName);
    if (given == value.end() || given->is_null()) {  // unset: the type's default
      if (field.required) {
        fail(fieldPath, "missing, and message " + type.fullName + " requires it");
      }
      continue;
    }
    if (field.oneof >= 0) {
      if (std::find(oneofsSet.begin(), oneofsSet.end(), field.oneof) != oneofsSet.end()) {
        fail(fieldPath, "another field of its oneof is set already");
      }
      oneofsSet.push_back(field.oneof);
    }
    compileField(field, *given, fieldPath);
  }
}

void ProtoTemplate::compileField(const Field& field, const nlohmann::json& value,
                                 const std::string& path) {
  if (isRandom(value)) {
    nodes_.push_back({Node::Op::kRandomField, {}, &field, nullptr, nullptr, false, path});
    return;
  }
  if (field.map) {
    if (!value.is_object()) {
      fail(path, "expected a JSON object for a map, got " + value.dump());
    }
    for (const auto& item : value.items()) {
      compileMapEntry(field, item.key(), item.value(), path + "." + item.key());
    }
  } else if (field.repeated) {
    if (!value.is_array()) {
      fail(path, "expected a JSON array for a repeated field, got " + value.dump());
    }
    if (field.packed && !value.empty()) {
      appendTagConstant(field.number, ProtoWire::kLengthDelimited);
    }
    const std::size_t mark = nodes_.size();
    for (std::size_t i = 0; i < value.size(); ++i) {
      compileValue(field, value[i], path + "[" + std::to_string(i) + "]", field.packed);
    }
    if (field.packed && !value.empty()) {
      delimit(mark);
    }
  } else {
    compileValue(field, value, path, false);
  }
}

void ProtoTemplate::compileMapEntry(const Field& field, const std::string& key,
                                    const nlohmann::json& value, const std::string& path) {
  appendTagConstant(field.number, ProtoWire::kLengthDelimited);
  const std::size_t mark = nodes_.size();
  compileValue(field.type->fields[0], nlohmann::json(key), path, false);
  compileValue(field.type->fields[1], value, path, false);
  delimit(mark);
}

void ProtoTemplate::compileValue(const Field& field, const nlohmann::json& value,
                                 const std::string& path, bool packed) {
  if (field.fieldType == FieldType::kMessage && !isRandom(value) &&
      compileWellKnown(field, value, path)) {
    return;
  }
  if (field.fieldType == FieldType::kMessage && !isRandom(value)) {
    appendTagConstant(field.number, ProtoWire::kLengthDelimited);
    const std::size_t mark = nodes_.size();
    compileMessage(*field.type, value, path);
    delimit(mark);
    return;
  }
  if (!packed) {
    appendTagConstant(field.number, ProtoScalar::wireType(field.fieldType));
  }
  if (isRandom(value)) {  // one element of a repeated field
    nodes_.push_back({Node::Op::kRandomValue, {}, &field, nullptr, nullptr, false, path});
    return;
  }
  if (value.is_string() && TemplateJson::hasPlaceholder(value.get_ref<const std::string&>())) {
    auto text =
        std::make_unique<MessageTemplate>(value.get_ref<const std::string&>(), 0, where(path));
    auto choices = encodedChoices(*text, path, ProtoScalar::name(field),
                                  [&field](std::string_view choice, ByteWriter& out) {
                                    return ProtoScalar::appendText(field, choice, out);
                                  });
    if (!choices.empty()) {
      nodes_.push_back(
          {Node::Op::kChoice, {}, &field, nullptr, nullptr, false, path, std::move(choices)});
      return;
    }
    const bool number = text->isInteger() && (ProtoScalar::isNumber(field.fieldType) ||
                                              field.fieldType == FieldType::kEnum);
    nodes_.push_back({Node::Op::kText, {}, &field, nullptr, std::move(text), number, path});
    return;
  }
  std::string text;
  bool fits = false;
  const std::string bytes = encoded([&](ByteWriter& out) {
    fits = literalText(field, value, text) && ProtoScalar::appendText(field, text, out);
  });
  if (!fits) {
    fail(path, "expected " + ProtoScalar::name(field) + ", got " + value.dump());
  }
  appendConstant(bytes);
}

bool ProtoTemplate::compileWellKnown(const Field& field, const nlohmann::json& value,
                                     const std::string& path) {
  const auto kind = ProtoWellKnown::of(*field.type);
  if (kind == ProtoWellKnown::Kind::kWrapper && !value.is_object() && !value.is_null()) {
    appendTagConstant(field.number, ProtoWire::kLengthDelimited);  // {"value": the value}
    const std::size_t mark = nodes_.size();
    compileValue(field.type->fields[0], value, path, false);
    delimit(mark);
    return true;
  }
  if ((kind != ProtoWellKnown::Kind::kTimestamp && kind != ProtoWellKnown::Kind::kDuration) ||
      !value.is_string()) {
    return false;
  }
  appendTagConstant(field.number, ProtoWire::kLengthDelimited);
  const auto& text = value.get_ref<const std::string&>();
  if (TemplateJson::hasPlaceholder(text)) {
    nodes_.push_back({Node::Op::kTimeText,
                      {},
                      &field,
                      nullptr,
                      std::make_unique<MessageTemplate>(text, 0, where(path)),
                      false,
                      path});
    return true;
  }
  const auto content = ProtoWellKnown::encodeTime(kind, text);
  if (!content) {
    fail(path, std::string("expected ") + ProtoWellKnown::textForm(kind) + ", got " + value.dump());
  }
  appendConstant(
      encoded([&content](ByteWriter& out) { ProtoWire::appendLengthDelimited(out, *content); }));
  return true;
}

bool ProtoTemplate::renderTimeText(const Node& node, const TemplateContext& context,
                                   ByteWriter& out) const {
  node.text->render(context, scratch_);
  const auto kind = ProtoWellKnown::of(*node.field->type);
  const auto content = ProtoWellKnown::encodeTime(kind, scratch_);
  if (!content) {
    problem_ = where(node.path) + "'" + scratch_ + "' is not " + ProtoWellKnown::textForm(kind);
    return false;
  }
  ProtoWire::appendLengthDelimited(out, *content);
  return true;
}

void ProtoTemplate::appendTagConstant(std::uint32_t number, ProtoWire::WireType type) {
  appendConstant(encoded([=](ByteWriter& out) { ProtoWire::appendTag(out, number, type); }));
}

void ProtoTemplate::delimit(std::size_t mark) {
  const bool constant =
      std::all_of(nodes_.begin() + static_cast<std::ptrdiff_t>(mark), nodes_.end(),
                  [](const Node& node) { return node.op == Node::Op::kConstant; });
  if (constant) {
    std::string content;
    for (std::size_t i = mark; i < nodes_.size(); ++i) {
      content += nodes_[i].bytes;
    }
    nodes_.resize(mark);
    appendConstant(
        encoded([&content](ByteWriter& out) { ProtoWire::appendLengthDelimited(out, content); }));
    return;
  }
  nodes_.insert(nodes_.begin() + static_cast<std::ptrdiff_t>(mark),
                Node{Node::Op::kOpen, {}, nullptr, nullptr, nullptr, false, {}});
  nodes_.push_back({Node::Op::kClose, {}, nullptr, nullptr, nullptr, false, {}});
}

bool ProtoTemplate::usesStamp() const noexcept { return anyUsesStamp(nodes_); }

bool ProtoTemplate::render(const TemplateContext& context, std::string& record) const {
  ByteWriter out(record);
  randomValues_ = 0;
  openRuns_.clear();
  for (const Node& node : nodes_) {
    bool rendered = true;
    switch (node.op) {
      case Node::Op::kConstant:
        out += node.bytes;
        break;
      case Node::Op::kText:
        rendered = renderText(node, context, out);
        break;
      case Node::Op::kChoice:
        out += node.choices[context.random.below(node.choices.size())];
        break;
      case Node::Op::kRandomField:
        rendered = renderRandomField(*node.field, 0, context, out);
        break;
      case Node::Op::kRandomValue:
        rendered = renderRandomValue(*node.field, 0, context, out);
        break;
      case Node::Op::kRandomMessage:
        rendered = renderRandomMessage(*node.message, 0, context, out);
        break;
      case Node::Op::kTimeText:
        rendered = renderTimeText(node, context, out);
        break;
      case Node::Op::kOpen:
        openRuns_.push_back(ProtoWire::reserveVarint(out));
        break;
      case Node::Op::kClose:
        closeRun(out, openRuns_.back());
        openRuns_.pop_back();
        break;
    }
    if (!rendered) {
      return false;
    }
  }
  return true;
}

void ProtoTemplate::closeRun(ByteWriter& out, std::size_t start) {
  ProtoWire::fillVarint(out, start, out.size() - start - 1);
}

void ProtoTemplate::appendString(const MessageTemplate& text, const TemplateContext& context,
                                 ByteWriter& out) {
  const std::size_t start = ProtoWire::reserveVarint(out);  // straight in: no copy
  text.append(context, out);
  closeRun(out, start);
}

bool ProtoTemplate::renderText(const Node& node, const TemplateContext& context,
                               ByteWriter& out) const {
  if (node.number) {  // one integer placeholder into a number field: no text in between
    const std::int64_t value = node.text->integerValue(context);
    if (ProtoScalar::appendInteger(*node.field, value, out)) {
      return true;
    }
    problem_ = where(node.path) + std::to_string(value) + " is not a valid " +
               ProtoScalar::name(*node.field);
    return false;
  }
  if (node.field->fieldType == FieldType::kString || node.field->fieldType == FieldType::kBytes) {
    appendString(*node.text, context, out);
    return true;
  }
  node.text->render(context, scratch_);
  if (ProtoScalar::appendText(*node.field, scratch_, out)) {
    return true;
  }
  problem_ =
      where(node.path) + "'" + scratch_ + "' is not a valid " + ProtoScalar::name(*node.field);
  return false;
}

bool ProtoTemplate::renderRandomMessage(const ProtoType& type, int depth,
                                        const TemplateContext& context, ByteWriter& out) const {
  if (depth > kMaxSelfNesting) {
    problem_ = what_ + ": message " + type.fullName + " requires itself with no way out";
    return false;
  }
  const bool shallow = depth < kMaxRandomDepth && randomValues_ < kMaxRandomValues;
  for (std::size_t i = 0; i < type.fields.size(); ++i) {
    const Field& field = type.fields[i];
    if (!shallow && !field.required) {
      continue;  // deep down, optional fields stay unset: recursion ends
    }
    if (field.oneof >= 0) {
      // A oneof sets one of its fields: at its first field, pick which.
      const auto member = [&](const Field& other) { return other.oneof == field.oneof; };
      if (std::find_if(type.fields.begin(), type.fields.begin() + static_cast<std::ptrdiff_t>(i),
                       member) != type.fields.begin() + static_cast<std::ptrdiff_t>(i)) {
        continue;
      }
      std::size_t pick = context.random.below(
          static_cast<std::size_t>(std::count_if(type.fields.begin(), type.fields.end(), member)));
      for (const Field& other : type.fields) {
        if (member(other) && pick-- == 0 && !renderRandomField(other, depth, context, out)) {
          return false;
        }
      }
      continue;
    }
    if (!renderRandomField(field, depth, context, out)) {
      return false;
    }
  }
  return true;
}

bool ProtoTemplate::renderRandomField(const Field& field, int depth, const TemplateContext& context,
                                      ByteWriter& out) const {
  const ProtoWire::WireType wire =
      field.packed ? ProtoWire::kLengthDelimited : ProtoScalar::wireType(field.fieldType);
  std::size_t count = 1;
  if (field.repeated) {
    count =
        depth < kMaxRandomDepth && randomValues_ < kMaxRandomValues ? context.random.below(4) : 0;
  }
  if (field.packed && count > 0) {
    ProtoWire::appendTag(out, field.number, wire);
    const std::size_t start = ProtoWire::reserveVarint(out);
    for (std::size_t i = 0; i < count; ++i) {
      if (!renderRandomValue(field, depth, context, out)) {
        return false;
      }
    }
    closeRun(out, start);
    return true;
  }
  for (std::size_t i = 0; i < count; ++i) {
    ProtoWire::appendTag(out, field.number, wire);
    if (!renderRandomValue(field, depth, context, out)) {
      return false;
    }
  }
  return true;
}

bool ProtoTemplate::renderRandomValue(const Field& field, int depth, const TemplateContext& context,
                                      ByteWriter& out) const {
  FastRandom& random = context.random;
  if (!countRandomValue(randomValues_, problem_)) {
    return false;
  }
  switch (field.fieldType) {
    case FieldType::kMessage: {
      const std::size_t start = ProtoWire::reserveVarint(out);
      if (ProtoWellKnown::of(*field.type) == ProtoWellKnown::Kind::kTimestamp) {
        ProtoWellKnown::appendNow(context, out);  // a time, not random seconds and nanos
      } else if (!renderRandomMessage(*field.type, depth + 1, context, out)) {
        return false;
      }
      closeRun(out, start);
      return true;
    }
    case FieldType::kEnum: {
      const auto& values = field.type->values;
      return ProtoScalar::appendInteger(field, values[random.below(values.size())].second, out);
    }
    case FieldType::kString:
    case FieldType::kBytes:
      appendString(word_, context, out);
      return true;
    case FieldType::kBool:
      out += static_cast<char>(random.next() & 1);
      return true;
    case FieldType::kFloat:
      ProtoWire::appendFloat(out, randomFloat(random));
      return true;
    case FieldType::kDouble:
      ProtoWire::appendDouble(out, randomDouble(random));
      return true;
    default:  // every integer type holds 0 to the bound
      return ProtoScalar::appendInteger(field, random.between(0, kRandomIntegerBound), out);
  }
}

}  // namespace kafkanative
