#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "ProtoSchema.hpp"
#include "ProtoWire.hpp"
#include "RecordTemplate.hpp"
#include "kafkanative/MessageTemplate.hpp"

namespace kafkanative {

/// Protobuf messages built per message, compiled once from a schema and a JSON template (see
/// TemplateJson) that names fields as Protobuf's JSON mapping does (field or lowerCamel
/// names; enums by name or number; int64 as numbers or strings; bytes literals in base64).
/// Literal parts are encoded at compile time, nested messages with nothing per message
/// included; placeholders are rendered per message into their field's type; `{{random}}` (or
/// an empty template, for the whole message) draws random values from the schema. Fields the
/// template leaves out are left out of the message, as Protobuf's defaults.
class ProtoTemplate : public RecordTemplate {
 public:
  ProtoTemplate(const ProtoSchema& schema, std::string_view templateText, std::string_view what);
  ~ProtoTemplate() override;

  bool render(const TemplateContext& context, std::string& out) const override;
  const std::string& problem() const noexcept override { return problem_; }
  bool usesStamp() const noexcept override;

 private:
  using Field = ProtoType::Field;
  struct Node;

  void compileMessage(const ProtoType& type, const nlohmann::json& value, const std::string& path);
  void compileField(const Field& field, const nlohmann::json& value, const std::string& path);
  void compileMapEntry(const Field& field, const std::string& key, const nlohmann::json& value,
                       const std::string& path);
  /// One value of the field (a repeated field's element); with its tag unless `packed`.
  void compileValue(const Field& field, const nlohmann::json& value, const std::string& path,
                    bool packed);
  /// A well-known type in its JSON mapping (ProtoWellKnown), with its tag; false for any other
  /// value, which is compiled as a message.
  bool compileWellKnown(const Field& field, const nlohmann::json& value, const std::string& path);
  /// Encloses the nodes from `mark` on in a length-delimited run: one constant when they
  /// are all constant, else an open and a close node around them.
  void delimit(std::size_t mark);
  void appendConstant(std::string_view bytes);
  void appendTagConstant(std::uint32_t number, ProtoWire::WireType type);

  bool renderText(const Node& node, const TemplateContext& context, ByteWriter& out) const;
  bool renderTimeText(const Node& node, const TemplateContext& context, ByteWriter& out) const;
  bool renderRandomMessage(const ProtoType& type, int depth, const TemplateContext& context,
                           ByteWriter& out) const;
  bool renderRandomField(const Field& field, int depth, const TemplateContext& context,
                         ByteWriter& out) const;
  bool renderRandomValue(const Field& field, int depth, const TemplateContext& context,
                         ByteWriter& out) const;
  /// A string (or bytes) of `text`'s message, written straight into `out`.
  static void appendString(const MessageTemplate& text, const TemplateContext& context,
                           ByteWriter& out);
  /// Writes the length of everything after `start` (ProtoWire::reserveVarint's) there.
  static void closeRun(ByteWriter& out, std::size_t start);

  std::vector<Node> nodes_;
  MessageTemplate word_;
  mutable std::string scratch_;
  mutable std::string problem_;
  mutable std::vector<std::size_t> openRuns_;
  mutable int randomValues_ = 0;
};

}  // namespace kafkanative
