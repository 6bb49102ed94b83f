#pragma once

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "kafkanative/ByteWriter.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/MessageTemplate.hpp"
#include "kafkanative/TemplateContext.hpp"

namespace kafkanative {

/// Records in one schema format, built per message from a template compiled once against the
/// schema (AvroTemplate, ProtoTemplate). Both compile to a list of nodes (Node: `op`, `bytes`
/// for Op::kConstant, `text` for placeholders), with the helpers below.
class RecordTemplate {
 public:
  /// The most nested levels random values go down (recursive schemas stop there: Avro with a
  /// union's null branch and empty arrays and maps, Protobuf with optional fields unset).
  static constexpr int kMaxRandomDepth = 16;
  /// The most values one random record holds: past it, arrays, maps and repeated fields are
  /// empty, so nested collections cannot multiply into millions of values.
  static constexpr int kMaxRandomValues = 4096;
  /// Past this many values a random record fails: a schema whose required parts multiply
  /// level by level (two fields of a type with two fields of a type …) has no record of a
  /// size worth sending.
  static constexpr int kMostRandomValues = 1 << 16;

  virtual ~RecordTemplate() = default;

  /// Appends one encoded record to `out`. False when a placeholder's text does not fit its
  /// field (e.g. "abc" for a long); problem() then says which.
  virtual bool render(const TemplateContext& context, std::string& out) const = 0;
  virtual const std::string& problem() const noexcept = 0;
  /// Whether a placeholder writes the producer's `{{stamp}}`.
  virtual bool usesStamp() const noexcept = 0;

 protected:
  /// A field's value asking for a random one, drawn from the schema.
  static constexpr std::string_view kRandom = "{{random}}";
  /// Random integers are drawn from 0 to this.
  static constexpr std::int64_t kRandomIntegerBound = 1'000'000;
  /// A record that holds itself with no way out (an Avro record with no union, array or map
  /// between; a proto2 message that requires itself) has no finite value: random generation
  /// gives up this deep.
  static constexpr int kMaxSelfNesting = 64;

  /// Random reals, in thousandths: floats up to 1000, doubles up to 10^6.
  static float randomFloat(FastRandom& random) noexcept {
    return static_cast<float>(random.below(1'000'000)) / 1000.0F;
  }
  static double randomDouble(FastRandom& random) noexcept {
    return static_cast<double>(random.below(1'000'000'000)) / 1000.0;
  }

  /// Counts one more random value; false (with `problem` set) past kMostRandomValues.
  /// (Called per value: inline, with the message built apart, out of its way.)
  bool countRandomValue(int& values, std::string& problem) const {
    return ++values <= kMostRandomValues || tooManyRandomValues(problem);
  }

  [[gnu::noinline, gnu::cold]] bool tooManyRandomValues(std::string& problem) const {
    problem = what_ + ": a random record would hold more than " +
              std::to_string(kMostRandomValues) + " values";
    return false;
  }

  static bool isRandom(const nlohmann::json& value) {
    return value.is_string() && value.get_ref<const std::string&>() == kRandom;
  }

  /// `what`: "value template" or "key template", for problems.
  explicit RecordTemplate(std::string_view what) : what_(what) {}

  /// "value template, field lines[0].sku: " (or "value template: " for the whole record).
  std::string where(const std::string& path) const {
    return what_ + (path.empty() ? ": " : ", field " + path + ": ");
  }
  [[noreturn]] void fail(const std::string& path, const std::string& problem) const {
    throw KafkaError::invalidArgument(where(path) + problem);
  }

  /// The bytes `write(ByteWriter&)` writes: a constant part of the record, encoded once when
  /// the template is compiled, by the same code that encodes values per message.
  template <typename Write>
  static std::string encoded(Write&& write) {
    std::string bytes;
    {
      ByteWriter out(bytes);
      write(out);
    }  // the writer ends: `bytes` holds just what it wrote
    return bytes;
  }

  /// A field whose template is one `{{pick:a|b|c}}`: each choice encoded once, now, by
  /// `encode(choice, out)` (false when the choice does not fit the field, which fails the
  /// template naming `typeName`), so a message appends one of them, as
  /// `choices[random.below(choices.size())]`, where it would render the text and encode it.
  /// Empty when `text` is not a lone pick.
  template <typename Encode>
  std::vector<std::string> encodedChoices(const MessageTemplate& text, const std::string& path,
                                          const std::string& typeName, Encode&& encode) const {
    std::vector<std::string> choices;
    for (const std::string& choice : text.pickChoices()) {
      bool fits = true;
      choices.push_back(encoded([&](ByteWriter& out) { fits = encode(choice, out); }));
      if (!fits) {
        fail(path, "'" + choice + "' is not a valid " + typeName);
      }
    }
    return choices;
  }

  /// Literal runs become one append each; empty literals go.
  template <typename Node>
  static void mergeConstants(std::vector<Node>& nodes) {
    std::vector<Node> merged;
    for (auto& node : nodes) {
      if (node.op == Node::Op::kConstant && !merged.empty() &&
          merged.back().op == Node::Op::kConstant) {
        merged.back().bytes += node.bytes;
      } else if (node.op != Node::Op::kConstant || !node.bytes.empty()) {
        merged.push_back(std::move(node));
      }
    }
    nodes = std::move(merged);
  }

  template <typename Node>
  static bool anyUsesStamp(const std::vector<Node>& nodes) noexcept {
    return std::any_of(nodes.begin(), nodes.end(),
                       [](const Node& node) { return node.text && node.text->usesStamp(); });
  }

  std::string what_;
};

}  // namespace kafkanative
