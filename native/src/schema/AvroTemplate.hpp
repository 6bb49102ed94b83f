#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "AvroSchema.hpp"
#include "RecordTemplate.hpp"
#include "kafkanative/MessageTemplate.hpp"
#include "kafkanative/TemplateContext.hpp"

namespace kafkanative {

/// Avro records built per message, compiled once from a schema and a JSON template (see
/// TemplateJson): literal values are encoded at compile time, placeholders are rendered per
/// message and converted to their field's type, and `{{random}}` (or an empty template, for the
/// whole record) draws a random value from the schema. Rendering appends to a buffer and
/// allocates nothing once the buffers have grown.
class AvroTemplate : public RecordTemplate {
 public:
  /// Compiles `templateText` against `schema` (which must outlive this). A template that does
  /// not fit the schema is a KafkaError naming `what` and the field.
  AvroTemplate(const AvroSchema& schema, std::string_view templateText, std::string_view what);
  ~AvroTemplate() override;

  bool render(const TemplateContext& context, std::string& out) const override;
  const std::string& problem() const noexcept override { return problem_; }
  bool usesStamp() const noexcept override;

 private:
  struct Node;

  void compile(const AvroType& type, const nlohmann::json& value, const std::string& path);
  void compileUnion(const AvroType& type, const nlohmann::json& value, const std::string& path);
  /// The union branch a placeholder's text goes to.
  std::size_t textBranch(const AvroType& type, const std::string& text,
                         const std::string& path) const;
  void compileRecord(const AvroType& type, const nlohmann::json& value, const std::string& path);
  void compileLiteral(const AvroType& type, const nlohmann::json& value, const std::string& path);
  /// A value of the template (not a placeholder), encoded once.
  void encodeLiteral(const AvroType& type, const nlohmann::json& value, const std::string& path,
                     ByteWriter& out) const;
  void appendConstant(std::string_view bytes);
  static std::string member(const std::string& path, const std::string& name);

  bool renderText(const Node& node, const TemplateContext& context, ByteWriter& out) const;
  /// A placeholder's text as a value of `type` (a primitive or enum); false when it is not one.
  static bool appendText(const AvroType& type, std::string_view text, ByteWriter& out);
  /// Text in a logical type's own form ("2026-12-03", "10:00:05", "2026-12-03T10:00:00Z",
  /// "123.45", a UUID): true when appended, false when in that form but not valid (a UUID
  /// misshapen, a decimal finer than its scale); nothing when not in that form, so it is read
  /// as the underlying type (a number of days, raw bytes).
  static std::optional<bool> appendLogical(const AvroType& type, std::string_view text,
                                           ByteWriter& out);
  /// What a field takes as text, for refusals: "int", "date (YYYY-MM-DD, or days since
  /// 1970-01-01)", "decimal(10, 2)".
  static std::string textForm(const AvroType& type);
  /// A random value of a logical type within its range; false for other types.
  bool renderRandomLogical(const AvroType& type, const TemplateContext& context,
                           ByteWriter& out) const;
  /// An Avro string (or bytes) of `text`'s message, written straight into `out`.
  static void appendString(const MessageTemplate& text, const TemplateContext& context,
                           ByteWriter& out);
  bool renderRandom(const AvroType& type, int depth, const TemplateContext& context,
                    ByteWriter& out) const;

  std::vector<Node> nodes_;
  MessageTemplate uuid_;
  MessageTemplate word_;
  mutable std::string scratch_;
  mutable std::string problem_;
  mutable int randomValues_ = 0;  ///< values the record being rendered holds so far
};

}  // namespace kafkanative
