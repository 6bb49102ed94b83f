#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ProtoType.hpp"
#include "RecordSchema.hpp"
#include "SchemaDependency.hpp"

namespace kafkanative {

/// A Protobuf schema parsed from .proto text (a file or a Schema Registry entry), proto2 or
/// proto3: messages (nested too), enums, scalar, repeated, packed, map and oneof fields.
/// Options, reserved ranges and services are read past. Imports are read too, their types
/// available to the file's fields: Google's well-known types are built in (WellKnownProtos),
/// other files come from `readImport` (the schema file's folder, or a registry's references). The
/// record is the message named when parsing (fully qualified, nested too: "shop.Order",
/// "shop.Batch.Line"), or else the file's first top-level message; the Schema Registry's wire
/// format names it by its message indexes (framing()).
class ProtoSchema : public RecordSchema {
 public:
  /// Parses `text`; text that is not a valid .proto is a KafkaError naming `what`, the line
  /// and the problem. `record`: the record message's full name; empty: the first message.
  ProtoSchema(std::string_view text, std::string_view what, std::string_view record = {},
              const DependencyReader& readImport = {});
  ProtoSchema(const ProtoSchema&) = delete;
  ProtoSchema& operator=(const ProtoSchema&) = delete;

  /// The most message indexes a registry's wire format may give (nesting levels).
  static constexpr std::size_t kMaxIndexes = 16;

  const ProtoType& root() const noexcept { return *root_; }
  /// The files the schema's own file imports, in order.
  const std::vector<std::string>& dependsOn() const noexcept override { return imports_; }
  /// Every file imported, directly or not, each after the files it imports.
  const std::vector<SchemaDependency>& dependencies() const noexcept override {
    return importedFiles_;
  }
  MessageFormat format() const noexcept override { return MessageFormat::kProtobuf; }
  /// The root message's full name (record-name subject strategies).
  const std::string& rootName() const noexcept override { return root_->fullName; }
  /// The .proto text as given: the registry keeps it as written.
  const std::string& text() const noexcept override { return text_; }
  std::unique_ptr<RecordTemplate> compile(std::string_view templateText,
                                          std::string_view what) const override;
  /// The record's message indexes as the wire format writes them: [0] (the first message) as
  /// one 0, else their count and each index, zigzag varints.
  std::string framing() const override { return framing_; }
  /// Framed: the message indexes first, naming which of the file's messages follows.
  bool decode(std::string_view bytes, bool framed, std::string* json,
              std::string& problem) const override;
  /// The message a wire format's message indexes name (top-level index, then nested ones);
  /// null when there is none.
  const ProtoType* message(std::span<const std::int64_t> indexes) const;

 private:
  class Parser;
  struct Unresolved {
    ProtoType* owner;
    std::size_t field;
    std::string scope;
    std::string name;
    int line;
    bool packed;  ///< for an enum: whether a repeated one is packed
  };

  void resolve(const Unresolved& reference);
  /// Parses the imported file `path` and, first, the files it imports.
  void load(const std::string& path, const DependencyReader& readImport,
            std::set<std::string>& loaded);
  /// Makes the message named `record` the root, and frames its message indexes.
  void chooseRecord(std::string_view record);
  /// The message indexes of `type`: its index under its parent, after its parent's.
  std::vector<std::int64_t> indexesOf(const ProtoType& type) const;

  std::string what_;
  std::string text_;
  std::deque<ProtoType> types_;  // a deque: fields point at types, which never move
  std::map<std::string, ProtoType*> byName_;
  /// Messages in declaration order under each parent ("" for the file): message indexes.
  std::map<std::string, std::vector<const ProtoType*>> nestedMessages_;
  std::vector<Unresolved> unresolved_;
  const ProtoType* root_ = nullptr;
  std::string framing_;
  std::vector<std::string> imports_;
  std::vector<SchemaDependency> importedFiles_;
};

}  // namespace kafkanative
