#include "ProtoSchema.hpp"

#include <optional>
#include <set>

#include <array>
#include <cctype>
#include <charconv>
#include <optional>

#include "ProtoDecoder.hpp"
#include "ProtoTemplate.hpp"
#include "ProtoWire.hpp"
#include "WellKnownProtos.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

using FieldType = ProtoType::FieldType;

// Messages nested deeper than this are refused: the parser recurses into each.
constexpr int kMaxNesting = 64;
constexpr std::int64_t kMaxFieldNumber = (1 << 29) - 1;

const std::map<std::string, FieldType, std::less<>>& scalarTypes() {
  static const std::map<std::string, FieldType, std::less<>> types{
      {"double", FieldType::kDouble},     {"float", FieldType::kFloat},
      {"int64", FieldType::kInt64},       {"uint64", FieldType::kUint64},
      {"int32", FieldType::kInt32},       {"uint32", FieldType::kUint32},
      {"sint32", FieldType::kSint32},     {"sint64", FieldType::kSint64},
      {"fixed32", FieldType::kFixed32},   {"fixed64", FieldType::kFixed64},
      {"sfixed32", FieldType::kSfixed32}, {"sfixed64", FieldType::kSfixed64},
      {"bool", FieldType::kBool},         {"string", FieldType::kString},
      {"bytes", FieldType::kBytes}};
  return types;
}

/// The name Protobuf's JSON mapping gives a field: underscores dropped, the next letter upper.
std::string lowerCamel(const std::string& name) {
  std::string out;
  bool upper = false;
  for (const char c : name) {
    if (c == '_') {
      upper = true;
    } else {
      out += upper ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c;
      upper = false;
    }
  }
  return out;
}

/// Repeated fields of these types may be packed (numbers, bools and enums).
bool packable(FieldType type) {
  return type != FieldType::kString && type != FieldType::kBytes && type != FieldType::kMessage;
}

std::string join(const std::string& scope, const std::string& name) {
  return scope.empty() ? name : scope + "." + name;
}

}  // namespace

/// A recursive-descent reader of .proto text, one token ahead.
class ProtoSchema::Parser {
 public:
  /// `file`: "" for the schema's own file, else the import path of an imported one, whose
  /// top-level messages are kept apart (message indexes count the schema's own file only).
  Parser(ProtoSchema& schema, std::string_view text, const std::string& file)
      : schema_(schema),
        text_(text),
        what_(file.empty() ? schema.what_ : schema.what_ + ": import '" + file + "'"),
        topLevel_(file.empty() ? "" : std::string(1, '\x01') + file) {
    advance();
  }

  /// The files this one imports, in order.
  const std::vector<std::string>& imports() const noexcept { return imports_; }

  void file() {
    while (kind_ != Token::kEnd) {
      if (is("syntax")) {
        syntax();
      } else if (is("edition")) {
        fail("editions are not supported: use syntax = \"proto3\" (or \"proto2\")");
      } else if (is("package")) {
        advance();
        package_ = word("a package name");
        expect(";");
      } else if (is("import")) {
        import();
      } else if (is("message")) {
        message(package_, topLevel_, 0);
      } else if (is("enum")) {
        enumType(package_);
      } else if (is("service") || is("extend")) {  // nothing a record holds
        advance();
        word("a name");
        skipBlock();
      } else if (is("option")) {
        skipStatement();
      } else if (is(";")) {
        advance();
      } else {
        fail("unexpected '" + token_ + "'");
      }
    }
  }

 private:
  enum class Token { kEnd, kWord, kNumber, kString, kSymbol };

  [[noreturn]] void fail(const std::string& problem) const {
    throw KafkaError::invalidArgument(what_ + ": line " + std::to_string(line_) + ": " + problem);
  }

  bool is(std::string_view text) const { return kind_ != Token::kString && token_ == text; }

  void skipSpaceAndComments() {
    while (at_ < text_.size()) {
      const char c = text_[at_];
      if (c == '\n') {
        ++line_;
        ++at_;
      } else if (std::isspace(static_cast<unsigned char>(c))) {
        ++at_;
      } else if (text_.compare(at_, 2, "//") == 0) {
        at_ = std::min(text_.find('\n', at_), text_.size());
      } else if (text_.compare(at_, 2, "/*") == 0) {
        const std::size_t end = text_.find("*/", at_ + 2);
        if (end == std::string_view::npos) {
          fail("a /* comment is not closed");
        }
        for (; at_ < end; ++at_) {
          line_ += text_[at_] == '\n' ? 1 : 0;
        }
        at_ = end + 2;
      } else {
        return;
      }
    }
  }

  void advance() {
    skipSpaceAndComments();
    token_.clear();
    if (at_ >= text_.size()) {
      kind_ = Token::kEnd;
      return;
    }
    const auto wordChar = [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
    };
    const char c = text_[at_];
    const bool nextIsDigit =
        at_ + 1 < text_.size() && std::isdigit(static_cast<unsigned char>(text_[at_ + 1]));
    if (c == '"' || c == '\'') {
      quoted(c);
    } else if (std::isdigit(static_cast<unsigned char>(c)) ||
               ((c == '-' || c == '+') && nextIsDigit)) {
      kind_ = Token::kNumber;
      token_ += text_[at_++];
      while (at_ < text_.size() &&
             (wordChar(text_[at_]) ||
              ((text_[at_] == '-' || text_[at_] == '+') && (token_.back() | 0x20) == 'e'))) {
        token_ += text_[at_++];
      }
    } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_' ||
               (c == '.' && at_ + 1 < text_.size() &&
                std::isalpha(static_cast<unsigned char>(text_[at_ + 1])))) {
      kind_ = Token::kWord;
      while (at_ < text_.size() && wordChar(text_[at_])) {
        token_ += text_[at_++];
      }
    } else {
      kind_ = Token::kSymbol;
      token_ = std::string(1, text_[at_++]);
    }
  }

  /// A string literal's contents (escapes kept as written but for \" and \\).
  void quoted(char quote) {
    kind_ = Token::kString;
    for (++at_; at_ < text_.size() && text_[at_] != quote; ++at_) {
      if (text_[at_] == '\n') {
        break;
      }
      if (text_[at_] == '\\' && at_ + 1 < text_.size()) {
        ++at_;
      }
      token_ += text_[at_];
    }
    if (at_ >= text_.size() || text_[at_] != quote) {
      fail("a string is not closed");
    }
    ++at_;
  }

  void expect(std::string_view symbol) {
    if (!is(symbol)) {
      fail("expected '" + std::string(symbol) + "', got '" + token_ + "'");
    }
    advance();
  }

  std::string word(std::string_view what) {
    if (kind_ != Token::kWord) {
      fail("expected " + std::string(what) + ", got '" + token_ + "'");
    }
    std::string text = token_;
    advance();
    return text;
  }

  std::int64_t integer(std::string_view what) {
    std::string_view digits = token_;
    const bool negative = !digits.empty() && digits.front() == '-';
    digits.remove_prefix(!digits.empty() && (digits.front() == '-' || digits.front() == '+'));
    int base = 10;
    if (digits.size() > 1 && digits[0] == '0') {
      const bool hex = (digits[1] | 0x20) == 'x';
      base = hex ? 16 : 8;
      digits.remove_prefix(hex ? 2 : 1);
    }
    std::int64_t value = 0;
    const auto [end, error] =
        std::from_chars(digits.data(), digits.data() + digits.size(), value, base);
    if (kind_ != Token::kNumber || error != std::errc() || end != digits.data() + digits.size() ||
        digits.empty()) {
      fail("expected " + std::string(what) + ", got '" + token_ + "'");
    }
    advance();
    return negative ? -value : value;
  }

  void syntax() {
    advance();
    expect("=");
    if (kind_ != Token::kString || (token_ != "proto2" && token_ != "proto3")) {
      fail("syntax must be \"proto2\" or \"proto3\", got '" + token_ + "'");
    }
    proto3_ = token_ == "proto3";
    advance();
    expect(";");
  }

  /// import ["public" | "weak"] "path";
  void import() {
    advance();
    if (kind_ != Token::kString && (is("public") || is("weak"))) {
      advance();
    }
    if (kind_ != Token::kString) {
      fail("an import names its file in quotes, got '" + token_ + "'");
    }
    imports_.push_back(token_);
    advance();
    expect(";");
  }

  /// Past a statement up to its ';', aggregate values in braces included.
  void skipStatement() {
    int depth = 0;
    while (depth > 0 || !is(";")) {
      if (kind_ == Token::kEnd) {
        fail("';' missing");
      }
      depth += is("{") ? 1 : is("}") ? -1 : 0;
      advance();
    }
    advance();
  }

  void skipBlock() {
    expect("{");
    for (int depth = 1; depth > 0; advance()) {
      if (kind_ == Token::kEnd) {
        fail("'}' missing");
      }
      depth += is("{") ? 1 : is("}") ? -1 : 0;
    }
  }

  ProtoType& add(ProtoType::Kind kind, const std::string& fullName) {
    if (schema_.byName_.count(fullName) != 0) {
      fail("'" + fullName + "' is defined twice");
    }
    ProtoType& type = schema_.types_.emplace_back();
    type.kind = kind;
    type.fullName = fullName;
    type.proto3 = proto3_;
    schema_.byName_[fullName] = &type;
    return type;
  }

  /// `scope`: the enclosing message's full name (or the package); `parent`: the same, "" at the
  /// top level, which keys the message indexes.
  void message(const std::string& scope, const std::string& parent, int depth) {
    if (depth >= kMaxNesting) {
      fail("messages nested more than " + std::to_string(kMaxNesting) + " deep");
    }
    advance();
    ProtoType& type = add(ProtoType::Kind::kMessage, join(scope, word("a message name")));
    schema_.nestedMessages_[parent].push_back(&type);
    expect("{");
    while (!is("}")) {
      if (kind_ == Token::kEnd) {
        fail("'}' missing at the end of message " + type.fullName);
      }
      if (is("message")) {
        message(type.fullName, type.fullName, depth + 1);
      } else if (is("enum")) {
        enumType(type.fullName);
      } else if (is("oneof")) {
        oneof(type);
      } else if (is("option") || is("reserved") || is("extensions")) {
        skipStatement();
      } else if (is("extend")) {
        advance();
        word("a message name");
        skipBlock();
      } else if (is(";")) {
        advance();
      } else {
        field(type);
      }
    }
    advance();
  }

  void oneof(ProtoType& type) {
    advance();
    word("a oneof name");
    expect("{");
    const int index = oneofs_[type.fullName]++;
    while (!is("}")) {
      if (kind_ == Token::kEnd) {
        fail("'}' missing at the end of a oneof");
      }
      if (is("option")) {
        skipStatement();
      } else {
        field(type, index);
      }
    }
    advance();
  }

  void field(ProtoType& type, int oneof = -1) {
    const int line = line_;  // the field's, before reading past it
    ProtoType::Field field;
    field.oneof = oneof;
    if (is("repeated") || is("optional") || is("required")) {
      field.repeated = is("repeated");
      field.required = is("required");
      advance();
    }
    if (is("group")) {
      fail("groups are not supported");
    }
    std::string typeName = word("a field type");
    if (typeName == "map" && is("<")) {
      mapField(type);
      return;
    }
    const std::optional<bool> packed = nameAndNumber(field);
    const auto scalar = scalarTypes().find(typeName);
    if (scalar != scalarTypes().end()) {
      field.fieldType = scalar->second;
      field.packed = field.repeated && packable(field.fieldType) && packed.value_or(proto3_);
    } else {
      schema_.unresolved_.push_back(
          {&type, type.fields.size(), type.fullName, typeName, line, packed.value_or(proto3_)});
    }
    addField(type, std::move(field));
  }

  /// `map<K, V> name = N;` as Protobuf defines it: repeated entries of a nested message with
  /// the key as field 1 and the value as field 2.
  void mapField(ProtoType& type) {
    expect("<");
    const auto key = scalarTypes().find(word("a map key type"));
    if (key == scalarTypes().end() || key->second == FieldType::kDouble ||
        key->second == FieldType::kFloat || key->second == FieldType::kBytes) {
      fail("a map key must be an integer, bool or string type");
    }
    expect(",");
    const int line = line_;
    const std::string valueType = word("a map value type");
    expect(">");
    ProtoType::Field field;
    field.repeated = true;
    field.map = true;
    field.fieldType = FieldType::kMessage;
    nameAndNumber(field);
    std::string entryName = lowerCamel("_" + field.name) + "Entry";
    ProtoType& entry = add(ProtoType::Kind::kMessage, join(type.fullName, entryName));
    schema_.nestedMessages_[type.fullName].push_back(&entry);
    entry.fields.push_back({"key", "key", 1, key->second});
    ProtoType::Field value{"value", "value", 2, FieldType::kInt32};
    const auto scalar = scalarTypes().find(valueType);
    if (scalar != scalarTypes().end()) {
      value.fieldType = scalar->second;
    } else {
      schema_.unresolved_.push_back({&entry, 1, type.fullName, valueType, line, false});
    }
    entry.fields.push_back(value);
    field.type = &entry;
    addField(type, std::move(field));
  }

  /// `name = N [options];`; returns the `packed` option when it is given.
  std::optional<bool> nameAndNumber(ProtoType::Field& field) {
    field.name = word("a field name");
    field.jsonName = lowerCamel(field.name);
    expect("=");
    const std::int64_t number = integer("a field number");
    if (number < 1 || number > kMaxFieldNumber || (number >= 19000 && number <= 19999)) {
      fail("field " + field.name + ": " + std::to_string(number) +
           " is not a usable field number (1 to 536870911, but not 19000 to 19999)");
    }
    field.number = static_cast<std::uint32_t>(number);
    std::optional<bool> packed;
    if (is("[")) {
      do {
        advance();
        const std::string option = optionName();
        expect("=");
        if (option == "packed") {
          packed = is("true");
        } else if (option == "json_name" && kind_ == Token::kString) {
          field.jsonName = token_;
        }
        is("{") ? skipBlock() : advance();
      } while (is(","));
      expect("]");
    }
    expect(";");
    return packed;
  }

  std::string optionName() {
    std::string name;
    while (!is("=") && kind_ != Token::kEnd) {
      name += token_;
      advance();
    }
    return name;
  }

  void addField(ProtoType& type, ProtoType::Field field) {
    for (const auto& other : type.fields) {
      if (other.number == field.number || other.name == field.name) {
        fail("message " + type.fullName + ": field " + field.name + " (" +
             std::to_string(field.number) + ") clashes with field " + other.name + " (" +
             std::to_string(other.number) + ")");
      }
    }
    type.fields.push_back(std::move(field));
  }

  void enumType(const std::string& scope) {
    advance();
    ProtoType& type = add(ProtoType::Kind::kEnum, join(scope, word("an enum name")));
    expect("{");
    while (!is("}")) {
      if (kind_ == Token::kEnd) {
        fail("'}' missing at the end of enum " + type.fullName);
      }
      if (is("option") || is("reserved")) {
        skipStatement();
        continue;
      }
      if (is(";")) {
        advance();
        continue;
      }
      std::string name = word("an enum value name");
      expect("=");
      const std::int64_t number = integer("an enum number");
      if (number != static_cast<std::int32_t>(number)) {
        fail("enum " + type.fullName + ": " + name + " is not a 32-bit number");
      }
      if (is("[")) {
        skipBracketed();
      }
      expect(";");
      type.values.emplace_back(std::move(name), static_cast<std::int32_t>(number));
    }
    if (type.values.empty()) {
      fail("enum " + type.fullName + " has no values");
    }
    advance();
  }

  void skipBracketed() {
    while (!is("]")) {
      if (kind_ == Token::kEnd) {
        fail("']' missing");
      }
      advance();
    }
    advance();
  }

  ProtoSchema& schema_;
  std::string_view text_;
  std::size_t at_ = 0;
  int line_ = 1;
  Token kind_ = Token::kEnd;
  std::string token_;
  std::string what_;
  std::string topLevel_;  ///< the key of the file's top-level messages in nestedMessages_
  std::vector<std::string> imports_;
  std::string package_;
  std::map<std::string, int> oneofs_;  // per message: oneofs so far
  bool proto3_ = false;                // no syntax statement: proto2, as protoc takes it
};

ProtoSchema::ProtoSchema(std::string_view text, std::string_view what, std::string_view record,
                         const DependencyReader& readImport)
    : what_(what), text_(text) {
  Parser own(*this, text, "");
  own.file();
  imports_ = own.imports();
  std::set<std::string> loaded;
  for (const auto& path : imports_) {
    load(path, readImport, loaded);
  }
  for (const auto& reference : unresolved_) {
    resolve(reference);
  }
  unresolved_.clear();
  const auto topLevel = nestedMessages_.find("");
  if (topLevel == nestedMessages_.end()) {
    throw KafkaError::invalidArgument(what_ + ": the file holds no message");
  }
  root_ = topLevel->second.front();
  framing_ = std::string(1, '\0');
  if (!record.empty()) {
    chooseRecord(record);
  }
}

void ProtoSchema::load(const std::string& path, const DependencyReader& readImport,
                       std::set<std::string>& loaded) {
  if (!loaded.insert(path).second) {
    return;
  }
  std::optional<std::string> text = WellKnownProtos::file(path);
  if (!text && readImport) {
    text = readImport(path);
  }
  if (!text) {
    throw KafkaError::invalidArgument(
        what_ + ": import '" + path +
        "' not found (google/protobuf/*.proto are built in; other files are read from the "
        "schema file's folder, or from the registry's references)");
  }
  Parser imported(*this, *text, path);
  imported.file();
  for (const auto& dependency : imported.imports()) {
    load(dependency, readImport, loaded);
  }
  importedFiles_.push_back({path, std::move(*text), imported.imports()});  // after its own
}

void ProtoSchema::chooseRecord(std::string_view record) {
  const std::string name(record.substr(record.starts_with('.') ? 1 : 0));
  const auto named = byName_.find(name);
  if (named == byName_.end() || named->second->kind != ProtoType::Kind::kMessage) {
    std::string messages;
    for (const auto& [fullName, type] : byName_) {
      if (type->kind == ProtoType::Kind::kMessage) {
        messages += (messages.empty() ? "" : ", ") + fullName;
      }
    }
    throw KafkaError::invalidArgument(what_ + ": no message '" + name +
                                      "' (give its full name; the file has " + messages + ")");
  }
  root_ = named->second;
  const auto indexes = indexesOf(*root_);
  if (indexes == std::vector<std::int64_t>{0}) {
    return;  // [0] is written as one 0
  }
  framing_.clear();
  ByteWriter out(framing_);
  ProtoWire::appendVarint(out, ProtoWire::zigzag(static_cast<std::int64_t>(indexes.size())));
  for (const std::int64_t index : indexes) {
    ProtoWire::appendVarint(out, ProtoWire::zigzag(index));
  }
}

std::vector<std::int64_t> ProtoSchema::indexesOf(const ProtoType& type) const {
  for (const auto& [parent, messages] : nestedMessages_) {
    const auto at = std::find(messages.begin(), messages.end(), &type);
    if (at == messages.end()) {
      continue;
    }
    std::vector<std::int64_t> indexes =
        parent.empty() ? std::vector<std::int64_t>{} : indexesOf(*byName_.at(parent));
    indexes.push_back(at - messages.begin());
    return indexes;
  }
  return {};
}

void ProtoSchema::resolve(const Unresolved& reference) {
  const ProtoType* found = nullptr;
  if (reference.name.front() == '.') {
    const auto named = byName_.find(reference.name.substr(1));
    found = named == byName_.end() ? nullptr : named->second;
  } else {
    // Innermost scope first, as protoc looks names up.
    for (std::string scope = reference.scope; found == nullptr;) {
      const auto named = byName_.find(join(scope, reference.name));
      if (named != byName_.end()) {
        found = named->second;
      } else if (scope.empty()) {
        break;
      } else {
        const std::size_t dot = scope.rfind('.');
        scope.erase(dot == std::string::npos ? 0 : dot);
      }
    }
  }
  ProtoType::Field& field = reference.owner->fields[reference.field];
  if (found == nullptr) {
    throw KafkaError::invalidArgument(what_ + ": line " + std::to_string(reference.line) +
                                      ": field " + field.name + ": unknown type '" +
                                      reference.name + "'");
  }
  field.type = found;
  if (found->kind == ProtoType::Kind::kEnum) {
    field.fieldType = FieldType::kEnum;
    field.packed = field.repeated && reference.packed;
  } else {
    field.fieldType = FieldType::kMessage;
  }
}

const ProtoType* ProtoSchema::message(std::span<const std::int64_t> indexes) const {
  if (indexes.empty()) {
    return root_;
  }
  const ProtoType* type = nullptr;
  std::string parent;
  for (const std::int64_t index : indexes) {
    const auto nested = nestedMessages_.find(parent);
    if (nested == nestedMessages_.end() || index < 0 ||
        static_cast<std::size_t>(index) >= nested->second.size()) {
      return nullptr;
    }
    type = nested->second[static_cast<std::size_t>(index)];
    parent = type->fullName;
  }
  return type;
}

std::unique_ptr<RecordTemplate> ProtoSchema::compile(std::string_view templateText,
                                                     std::string_view what) const {
  return std::make_unique<ProtoTemplate>(*this, templateText, what);
}

bool ProtoSchema::decode(std::string_view bytes, bool framed, std::string* json,
                         std::string& problem) const {
  const ProtoType* type = root_;
  if (framed) {  // a zigzag count, then that many zigzag indexes; a count of 0 means [0]
    ProtoWire::Reader reader(bytes);
    std::uint64_t count = 0;
    std::array<std::int64_t, kMaxIndexes> indexes{};
    bool read = reader.readVarint(count) && ProtoWire::unzigzag(count) >= 0 &&
                ProtoWire::unzigzag(count) <= static_cast<std::int64_t>(kMaxIndexes);
    const auto size = read ? static_cast<std::size_t>(ProtoWire::unzigzag(count)) : 0;
    for (std::size_t i = 0; read && i < size; ++i) {
      std::uint64_t index = 0;
      read = reader.readVarint(index);
      indexes[i] = ProtoWire::unzigzag(index);
    }
    type = read ? message(std::span(indexes.data(), size)) : nullptr;
    if (type == nullptr) {
      problem = read ? "the message indexes name no message of the schema"
                     : "the message indexes after the schema id are malformed";
      return false;
    }
    bytes = bytes.substr(
        static_cast<std::size_t>(reinterpret_cast<const char*>(reader.at) - bytes.data()));
  }
  return ProtoDecoder::decode(*type, bytes, json, problem);
}

}  // namespace kafkanative
