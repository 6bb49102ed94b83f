#include "AvroTemplate.hpp"

#include <algorithm>
#include <cctype>
#include <limits>

#include "AvroBinary.hpp"
#include "DecimalText.hpp"
#include "StringFormat.hpp"
#include "TemplateJson.hpp"
#include "TextNumber.hpp"
#include "TimeText.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

using Kind = AvroType::Kind;
using Logical = AvroType::Logical;

/// The message's time (TemplateContext::nowMicros) in units of 1/perSecond s.
std::int64_t epochTime(const TemplateContext& context, std::int64_t perSecond) {
  return context.nowMicros() / (1'000'000 / perSecond);
}

/// A JSON string's bytes as Avro's JSON encoding (and a schema's defaults) give bytes and
/// fixed values: each code point, at most U+00FF, one byte. False for a larger code point.
bool codePointBytes(const std::string& utf8, std::string& bytes) {
  for (std::size_t i = 0; i < utf8.size(); ++i) {
    const auto lead = static_cast<unsigned char>(utf8[i]);
    if (lead < 0x80) {
      bytes += static_cast<char>(lead);
    } else if ((lead & 0xFE) == 0xC2 && i + 1 < utf8.size()) {  // U+0080..U+00FF
      bytes += static_cast<char>(((lead & 0x03) << 6) | (utf8[++i] & 0x3F));
    } else {
      return false;
    }
  }
  return true;
}

bool isComposite(Kind kind) {
  return kind == Kind::kRecord || kind == Kind::kArray || kind == Kind::kMap;
}

/// Text a decimal field would take for a number: sign, digits and a point only.
bool looksNumeric(std::string_view text) {
  return !text.empty() && text.find_first_not_of("+-.0123456789") == std::string_view::npos &&
         text.find_first_of("0123456789") != std::string_view::npos;
}

}  // namespace

struct AvroTemplate::Node {
  enum class Op { kConstant, kText, kChoice, kRandom };
  Op op;
  const AvroType* type = nullptr;         ///< kText, kRandom
  std::string bytes;                      ///< kConstant
  std::unique_ptr<MessageTemplate> text;  ///< kText
  bool number = false;  ///< kText: one integer placeholder into an int, long, float or double
  std::string path;     ///< kText: the field, for problems
  std::vector<std::string> choices = {};  ///< kChoice: a lone {{pick}}'s choices, encoded
};

AvroTemplate::AvroTemplate(const AvroSchema& schema, std::string_view templateText,
                           std::string_view what)
    : RecordTemplate(what), uuid_("{{uuid}}", 0, "uuid"), word_("{{random_string:8}}", 0, "word") {
  const bool whollyRandom = templateText.find_first_not_of(" \t\r\n") == std::string_view::npos;
  compile(schema.root(),
          whollyRandom ? nlohmann::json(kRandom) : TemplateJson::parse(templateText, what), "");
  mergeConstants(nodes_);
}

AvroTemplate::~AvroTemplate() = default;

std::string AvroTemplate::member(const std::string& path, const std::string& name) {
  return path.empty() ? name : path + "." + name;
}

void AvroTemplate::appendConstant(std::string_view bytes) {
  nodes_.push_back({Node::Op::kConstant, nullptr, std::string(bytes), nullptr, false, {}});
}

void AvroTemplate::compile(const AvroType& type, const nlohmann::json& value,
                           const std::string& path) {
  if (isRandom(value)) {
    nodes_.push_back({Node::Op::kRandom, &type, {}, nullptr, false, path});
    return;
  }
  if (type.kind == Kind::kUnion) {
    compileUnion(type, value, path);
    return;
  }
  if (value.is_string() && TemplateJson::hasPlaceholder(value.get_ref<const std::string&>())) {
    if (isComposite(type.kind) || type.kind == Kind::kNull) {
      fail(path,
           "a placeholder can stand only for a primitive or enum value (use {{random}} "
           "for a random " +
               type.branchName() + ")");
    }
    auto text =
        std::make_unique<MessageTemplate>(value.get_ref<const std::string&>(), 0, where(path));
    auto choices = encodedChoices(*text, path, textForm(type),
                                  [&type](std::string_view choice, ByteWriter& out) {
                                    return appendText(type, choice, out);
                                  });
    if (!choices.empty()) {
      nodes_.push_back({Node::Op::kChoice, &type, {}, nullptr, false, path, std::move(choices)});
      return;
    }
    const bool number =
        text->isInteger() && (type.kind == Kind::kInt || type.kind == Kind::kLong ||
                              type.kind == Kind::kFloat || type.kind == Kind::kDouble);
    nodes_.push_back({Node::Op::kText, &type, {}, std::move(text), number, path});
    return;
  }
  switch (type.kind) {
    case Kind::kRecord:
      compileRecord(type, value, path);
      return;
    case Kind::kArray:
    case Kind::kMap: {
      const bool array = type.kind == Kind::kArray;
      if (array ? !value.is_array() : !value.is_object()) {
        fail(path, std::string("expected a JSON ") + (array ? "array" : "object") + ", got " +
                       value.dump());
      }
      if (!value.empty()) {
        appendConstant(encoded([&value](ByteWriter& out) {
          AvroBinary::appendLong(out, static_cast<std::int64_t>(value.size()));
        }));
      }
      std::size_t index = 0;
      for (const auto& [key, element] : value.items()) {
        if (!array) {
          // (A named reference: clang 14, the fuzz build's, cannot capture a structured binding.)
          const std::string& name = key;
          appendConstant(encoded([&name](ByteWriter& out) { AvroBinary::appendBytes(out, name); }));
        }
        compile(*type.items, element,
                array ? path + "[" + std::to_string(index++) + "]" : member(path, key));
      }
      appendConstant(std::string(1, '\0'));  // the end of the blocks
      return;
    }
    default:
      compileLiteral(type, value, path);
  }
}

void AvroTemplate::compileUnion(const AvroType& type, const nlohmann::json& value,
                                const std::string& path) {
  const auto branchHeader = [this](std::size_t index) {
    appendConstant(encoded([index](ByteWriter& out) {
      AvroBinary::appendLong(out, static_cast<std::int64_t>(index));
    }));
  };
  // Avro's JSON encoding of a union value, {"type name": value}, picks its branch by name.
  if (value.is_object() && value.size() == 1) {
    for (std::size_t i = 0; i < type.branches.size(); ++i) {
      if (type.branches[i]->branchName() == value.begin().key()) {
        branchHeader(i);
        compile(*type.branches[i], value.begin().value(), path);
        return;
      }
    }
  }
  if (value.is_string() && TemplateJson::hasPlaceholder(value.get_ref<const std::string&>())) {
    const std::size_t branch = textBranch(type, value.get_ref<const std::string&>(), path);
    branchHeader(branch);
    compile(*type.branches[branch], value, path);
    return;
  }
  // Otherwise the first branch the value fits.
  for (std::size_t i = 0; i < type.branches.size(); ++i) {
    const AvroType& branch = *type.branches[i];
    const std::size_t mark = nodes_.size();
    try {
      branchHeader(i);
      compile(branch, value, path);
      return;
    } catch (const KafkaError&) {
      nodes_.resize(mark);
    }
  }
  fail(path, "no branch of the union fits " + value.dump());
}

std::size_t AvroTemplate::textBranch(const AvroType& type, const std::string& text,
                                     const std::string& path) const {
  // A lone integer placeholder ({{seq}}) goes to the first number branch, other text
  // ("user-{{seq}}") to the first that holds text; failing that, the first primitive branch.
  const bool integer = MessageTemplate(text, 0, where(path)).isInteger();
  const auto first = [&type](auto wanted) {
    for (std::size_t i = 0; i < type.branches.size(); ++i) {
      if (wanted(type.branches[i]->kind)) {
        return i;
      }
    }
    return type.branches.size();
  };
  const auto number = [](Kind kind) {
    return kind == Kind::kInt || kind == Kind::kLong || kind == Kind::kFloat ||
           kind == Kind::kDouble;
  };
  const auto holdsText = [](Kind kind) {
    return kind == Kind::kString || kind == Kind::kBytes || kind == Kind::kEnum ||
           kind == Kind::kFixed;
  };
  std::size_t branch = integer ? first(number) : first(holdsText);
  if (branch == type.branches.size()) {
    branch = first([](Kind kind) { return !isComposite(kind) && kind != Kind::kNull; });
  }
  if (branch == type.branches.size()) {
    fail(path, "no branch of the union holds a placeholder's value: " + text);
  }
  return branch;
}

void AvroTemplate::compileRecord(const AvroType& type, const nlohmann::json& value,
                                 const std::string& path) {
  if (!value.is_object()) {
    fail(path, "expected a JSON object for record " + type.fullName + ", got " + value.dump());
  }
  for (const auto& item : value.items()) {
    const std::string& key = item.key();
    const bool known = std::any_of(type.fields.begin(), type.fields.end(),
                                   [&key](const auto& field) { return field.name == key; });
    if (!known) {
      fail(path, "record " + type.fullName + " has no field '" + key + "'");
    }
  }
  for (const auto& field : type.fields) {
    const std::string fieldPath = member(path, field.name);
    if (value.contains(field.name)) {
      compile(*field.type, value[field.name], fieldPath);
    } else if (!field.defaultValue.is_discarded()) {
      compile(*field.type, field.defaultValue, fieldPath);
    } else {
      fail(fieldPath, "missing, and the schema gives it no default");
    }
  }
}

void AvroTemplate::compileLiteral(const AvroType& type, const nlohmann::json& value,
                                  const std::string& path) {
  appendConstant(encoded([&](ByteWriter& out) { encodeLiteral(type, value, path, out); }));
}

void AvroTemplate::encodeLiteral(const AvroType& type, const nlohmann::json& value,
                                 const std::string& path, ByteWriter& out) const {
  const auto expected = [&] { fail(path, "expected " + textForm(type) + ", got " + value.dump()); };
  if (value.is_string() && type.logical != Logical::kNone) {
    if (const auto appended = appendLogical(type, value.get_ref<const std::string&>(), out)) {
      if (!*appended) expected();
      return;
    }
  }
  switch (type.kind) {
    case Kind::kNull:
      if (!value.is_null()) expected();
      break;
    case Kind::kBoolean:
      if (!value.is_boolean()) expected();
      out += static_cast<char>(value.get<bool>() ? 1 : 0);
      break;
    case Kind::kInt:
    case Kind::kLong: {
      if (!value.is_number_integer()) expected();
      const auto number = value.get<std::int64_t>();
      if (type.kind == Kind::kInt && (number < std::numeric_limits<std::int32_t>::min() ||
                                      number > std::numeric_limits<std::int32_t>::max())) {
        expected();
      }
      AvroBinary::appendLong(out, number);
      break;
    }
    case Kind::kFloat:
      if (!value.is_number()) expected();
      AvroBinary::appendFloat(out, value.get<float>());
      break;
    case Kind::kDouble:
      if (!value.is_number()) expected();
      AvroBinary::appendDouble(out, value.get<double>());
      break;
    case Kind::kString:
      if (!value.is_string()) expected();
      AvroBinary::appendBytes(out, value.get_ref<const std::string&>());
      break;
    case Kind::kBytes: {
      std::string raw;
      if (!value.is_string() || !codePointBytes(value.get_ref<const std::string&>(), raw)) {
        expected();
      }
      AvroBinary::appendBytes(out, raw);
      break;
    }
    case Kind::kEnum: {
      if (!value.is_string()) expected();
      const auto found =
          std::find(type.symbols.begin(), type.symbols.end(), value.get<std::string>());
      if (found == type.symbols.end()) {
        fail(path, "'" + value.get<std::string>() + "' is not a symbol of enum " + type.fullName);
      }
      AvroBinary::appendLong(out, found - type.symbols.begin());
      break;
    }
    case Kind::kFixed: {
      std::string raw;
      if (!value.is_string() || !codePointBytes(value.get_ref<const std::string&>(), raw) ||
          raw.size() != type.size) {
        fail(path, "expected " + std::to_string(type.size) + " bytes for fixed " + type.fullName +
                       ", got " + value.dump());
      }
      out += raw;
      break;
    }
    default:
      expected();
  }
}

bool AvroTemplate::usesStamp() const noexcept { return anyUsesStamp(nodes_); }

bool AvroTemplate::render(const TemplateContext& context, std::string& record) const {
  ByteWriter out(record);
  randomValues_ = 0;
  for (const Node& node : nodes_) {
    switch (node.op) {
      case Node::Op::kConstant:
        out += node.bytes;
        break;
      case Node::Op::kText:
        if (!renderText(node, context, out)) {
          return false;
        }
        break;
      case Node::Op::kChoice:
        out += node.choices[context.random.below(node.choices.size())];
        break;
      case Node::Op::kRandom:
        if (!renderRandom(*node.type, 0, context, out)) {
          return false;
        }
        break;
    }
  }
  return true;
}

bool AvroTemplate::renderText(const Node& node, const TemplateContext& context,
                              ByteWriter& out) const {
  if (node.number) {  // one integer placeholder into a number field: no text in between
    const std::int64_t value = node.text->integerValue(context);
    switch (node.type->kind) {
      case Kind::kInt:
        if (value != static_cast<std::int32_t>(value)) {
          problem_ = where(node.path) + std::to_string(value) + " is not a valid int";
          return false;
        }
        [[fallthrough]];
      case Kind::kLong:
        AvroBinary::appendLong(out, value);
        return true;
      case Kind::kFloat:
        AvroBinary::appendFloat(out, static_cast<float>(value));
        return true;
      default:
        AvroBinary::appendDouble(out, static_cast<double>(value));
        return true;
    }
  }
  if ((node.type->kind == Kind::kString || node.type->kind == Kind::kBytes) &&
      node.type->logical == Logical::kNone) {
    appendString(*node.text, context, out);  // straight in: no copy, nothing to check
    return true;
  }
  node.text->render(context, scratch_);
  if (appendText(*node.type, scratch_, out)) {
    return true;
  }
  problem_ = where(node.path) + "'" + scratch_ + "' is not a valid " + textForm(*node.type);
  return false;
}

std::optional<bool> AvroTemplate::appendLogical(const AvroType& type, std::string_view text,
                                                ByteWriter& out) {
  const auto number = [&out](std::optional<std::int64_t> value) -> std::optional<bool> {
    if (!value) {
      return std::nullopt;
    }
    AvroBinary::appendLong(out, *value);
    return true;
  };
  switch (type.logical) {
    case Logical::kDate:
      return number(TimeText::epochDays(text));
    case Logical::kTimeMillis:
      return number(TimeText::timeOfDay(text, 1000));
    case Logical::kTimeMicros:
      return number(TimeText::timeOfDay(text, 1'000'000));
    case Logical::kTimestampMillis:
    case Logical::kLocalTimestampMillis:
      return number(TimeText::epochTime(text, 1000, type.logical == Logical::kTimestampMillis));
    case Logical::kTimestampMicros:
    case Logical::kLocalTimestampMicros:
      return number(
          TimeText::epochTime(text, 1'000'000, type.logical == Logical::kTimestampMicros));
    case Logical::kUuid:
      if (type.kind != Kind::kString || !StringFormat::isUuid(text)) {
        return type.kind == Kind::kString ? std::optional<bool>(false) : std::nullopt;
      }
      AvroBinary::appendBytes(out, text);
      return true;
    case Logical::kDecimal: {
      const auto bytes = DecimalText::unscaledBytes(text, type.scale, type.precision,
                                                    type.kind == Kind::kFixed ? type.size : 0);
      if (!bytes) {  // a number that does not fit is refused; other text is the raw bytes
        return looksNumeric(text) ? std::optional<bool>(false) : std::nullopt;
      }
      type.kind == Kind::kFixed ? void(out += *bytes) : AvroBinary::appendBytes(out, *bytes);
      return true;
    }
    default:
      return std::nullopt;
  }
}

std::string AvroTemplate::textForm(const AvroType& type) {
  switch (type.logical) {
    case Logical::kDate:
      return "date (YYYY-MM-DD, or days since 1970-01-01)";
    case Logical::kTimeMillis:
    case Logical::kTimeMicros:
      return "time (HH:MM:SS[.fraction], or units since midnight)";
    case Logical::kTimestampMillis:
    case Logical::kTimestampMicros:
      return "timestamp (YYYY-MM-DDTHH:MM:SS[.fraction] with Z or an offset, or units since "
             "the epoch)";
    case Logical::kLocalTimestampMillis:
    case Logical::kLocalTimestampMicros:
      return "local timestamp (YYYY-MM-DDTHH:MM:SS[.fraction], or units since the epoch)";
    case Logical::kUuid:
      return "uuid";
    case Logical::kDecimal:
      return "decimal(" + std::to_string(type.precision) + ", " + std::to_string(type.scale) + ")";
    default:
      return type.branchName();
  }
}

bool AvroTemplate::appendText(const AvroType& type, std::string_view text, ByteWriter& out) {
  if (const auto appended = appendLogical(type, text, out)) {
    return *appended;
  }
  std::int64_t integer = 0;
  double real = 0;
  switch (type.kind) {
    case Kind::kBoolean:
      if (text != "true" && text != "false") return false;
      out += static_cast<char>(text == "true" ? 1 : 0);
      return true;
    case Kind::kInt:
    case Kind::kLong:
      if (!TextNumber::integer(text, integer) ||
          (type.kind == Kind::kInt && integer != static_cast<std::int32_t>(integer))) {
        return false;
      }
      AvroBinary::appendLong(out, integer);
      return true;
    case Kind::kFloat:
    case Kind::kDouble:
      if (!TextNumber::real(text, real)) return false;
      type.kind == Kind::kFloat ? AvroBinary::appendFloat(out, static_cast<float>(real))
                                : AvroBinary::appendDouble(out, real);
      return true;
    case Kind::kString:
    case Kind::kBytes:
      AvroBinary::appendBytes(out, text);
      return true;
    case Kind::kEnum: {
      const auto symbol = std::find(type.symbols.begin(), type.symbols.end(), text);
      if (symbol == type.symbols.end()) return false;
      AvroBinary::appendLong(out, symbol - type.symbols.begin());
      return true;
    }
    default:  // fixed (compile admits nothing else)
      if (text.size() != type.size) return false;
      out += text;
      return true;
  }
}

void AvroTemplate::appendString(const MessageTemplate& text, const TemplateContext& context,
                                ByteWriter& out) {
  const std::size_t start = AvroBinary::reserveVarint(out);  // straight in: no copy
  text.append(context, out);
  const auto size = static_cast<std::int64_t>(out.size() - start - 1);
  AvroBinary::fillVarint(out, start, AvroBinary::zigzag(size));
}

bool AvroTemplate::renderRandom(const AvroType& type, int depth, const TemplateContext& context,
                                ByteWriter& out) const {
  FastRandom& random = context.random;
  if (!countRandomValue(randomValues_, problem_)) {
    return false;
  }
  const bool shallow = depth < kMaxRandomDepth && randomValues_ < kMaxRandomValues;
  if (renderRandomLogical(type, context, out)) {
    return true;
  }
  switch (type.kind) {
    case Kind::kNull:
      return true;
    case Kind::kBoolean:
      out += static_cast<char>(random.next() & 1);
      return true;
    case Kind::kInt:
      AvroBinary::appendLong(out, random.between(0, kRandomIntegerBound));
      return true;
    case Kind::kLong:
      AvroBinary::appendLong(out, random.between(0, kRandomIntegerBound * 1000));
      return true;
    case Kind::kFloat:
      AvroBinary::appendFloat(out, randomFloat(random));
      return true;
    case Kind::kDouble:
      AvroBinary::appendDouble(out, randomDouble(random));
      return true;
    case Kind::kString:
    case Kind::kBytes:
      appendString(word_, context, out);
      return true;
    case Kind::kEnum:
      AvroBinary::appendLong(out, static_cast<std::int64_t>(random.below(type.symbols.size())));
      return true;
    case Kind::kFixed:
      for (std::size_t i = 0; i < type.size; ++i) {
        out += static_cast<char>(random.next() & 0xFF);
      }
      return true;
    case Kind::kArray:
    case Kind::kMap: {
      const auto count = shallow ? static_cast<std::int64_t>(random.below(4)) : 0;
      if (count > 0) {
        AvroBinary::appendLong(out, count);
      }
      for (std::int64_t i = 0; i < count; ++i) {
        if (type.kind == Kind::kMap) {
          appendString(word_, context, out);
        }
        if (!renderRandom(*type.items, depth + 1, context, out)) {
          return false;
        }
      }
      out += '\0';
      return true;
    }
    case Kind::kUnion: {
      std::size_t branch = random.below(type.branches.size());
      if (!shallow) {  // deep down, the null branch when there is one: recursion ends
        for (std::size_t i = 0; i < type.branches.size(); ++i) {
          branch = type.branches[i]->kind == Kind::kNull ? i : branch;
        }
      }
      AvroBinary::appendLong(out, static_cast<std::int64_t>(branch));
      return renderRandom(*type.branches[branch], depth + 1, context, out);
    }
    case Kind::kRecord:
      if (depth > kMaxSelfNesting) {
        problem_ = what_ + ": record " + type.fullName + " contains itself with no way out";
        return false;
      }
      for (const auto& field : type.fields) {
        if (!renderRandom(*field.type, depth + 1, context, out)) {
          return false;
        }
      }
      return true;
  }
  return false;
}

bool AvroTemplate::renderRandomLogical(const AvroType& type, const TemplateContext& context,
                                       ByteWriter& out) const {
  FastRandom& random = context.random;
  switch (type.logical) {
    case Logical::kDate:
      AvroBinary::appendLong(out, epochTime(context, 1) / 86400);
      return true;
    case Logical::kTimeMillis:
      AvroBinary::appendLong(out, random.between(0, 86'400'000 - 1));
      return true;
    case Logical::kTimeMicros:
      AvroBinary::appendLong(out, random.between(0, 86'400'000'000 - 1));
      return true;
    case Logical::kTimestampMillis:
    case Logical::kLocalTimestampMillis:
      AvroBinary::appendLong(out, epochTime(context, 1000));
      return true;
    case Logical::kTimestampMicros:
    case Logical::kLocalTimestampMicros:
      AvroBinary::appendLong(out, epochTime(context, 1'000'000));
      return true;
    case Logical::kUuid:
      appendString(uuid_, context, out);
      return true;
    case Logical::kDecimal: {
      // Within the precision, and within what a fixed's bytes hold (8 bits: 2.4 digits).
      const std::size_t fixedDigits = type.size == 0 ? 0 : (type.size * 8 - 1) * 3 / 10;
      const int digits = std::min<int>(
          {type.precision, 18, type.kind == Kind::kFixed ? static_cast<int>(fixedDigits) : 18});
      std::int64_t bound = 1;
      for (int i = 0; i < digits; ++i) {
        bound *= 10;
      }
      const auto bytes = DecimalText::bytesOf(random.between(-(bound - 1), bound - 1),
                                              type.kind == Kind::kFixed ? type.size : 0);
      type.kind == Kind::kFixed ? void(out += bytes) : AvroBinary::appendBytes(out, bytes);
      return true;
    }
    default:
      return false;
  }
}

}  // namespace kafkanative
