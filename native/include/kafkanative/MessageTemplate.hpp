#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kafkanative/ByteWriter.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/TemplateContext.hpp"

namespace kafkanative {

class SharedSequence;

/// A message key, value or header template, compiled once and rendered per message in native
/// code, without allocation once the output buffer has grown to size.
///
/// Plain text with placeholders:
/// - `{{seq}}` message sequence number of the session (0, 1, ...); `{{thread}}` JMeter thread
/// - `{{sequence:NAME:START:STEP}}` (or `{{sequence:NAME}}`: from 0 by 1): one counter per
///   name for the whole engine, shared by every thread and template that names it
///   (SharedSequence)
/// - `{{uuid}}` random UUID v4; `{{timestamp_ms}}`, `{{timestamp_us}}` the message's time
/// - `{{random_int:A:B}}` (32-bit), `{{random_long:A:B}}` (64-bit): uniform in [A, B]
/// - `{{random_string:N}}` N letters/digits; `{{random_hex:N}}` N hex digits;
///   `{{random_chars:N:SET}}` N characters drawn uniformly from SET (ASCII, given literally,
///   with ranges such as A-Z; a '-' first or last is itself);
///   `{{random_bytes:N}}` N arbitrary bytes
/// - `{{pick:a|b|c}}` one of the choices, uniformly
/// - `{{input}}`, `{{input_key}}`: a Kafka Processor's input value and key (usesInput())
/// - `{{stamp}}`: the producer's stamp as text (see StampHeaders::kValuePrefix), for
///   applications that do not carry headers through (usesStamp())
///
/// `{{{{` writes a literal `{{`. A malformed template is a KafkaError naming the field and the
/// position of the offending placeholder.
class MessageTemplate {
 public:
  /// The most bytes a random_* placeholder may produce.
  static constexpr std::size_t kMaxRandomLength = 1 << 20;

  /// Compiles `text`. `targetSize` > 0 pads shorter messages with 'x' to exactly that many
  /// bytes and makes longer ones an error (see render). `what` names the field in messages.
  MessageTemplate(std::string_view text, std::size_t targetSize, std::string_view what);

  /// Replaces `out` with the message for `context`. Returns false when the message is longer
  /// than the target size (it is not sent then).
  bool render(const TemplateContext& context, std::string& out) const;

  /// Appends the message for `context` to `out`, unpadded: for a record template writing a
  /// field's text straight into the record.
  void append(const TemplateContext& context, ByteWriter& out) const;

  /// Pads `out` with 'x' to `targetSize` bytes; false when it is already longer. A
  /// `targetSize` of 0 accepts any size.
  static bool fitToSize(std::string& out, std::size_t targetSize);

  /// Whether the template is one integer placeholder and nothing else ({{seq}}, {{thread}},
  /// {{timestamp_ms}}, {{timestamp_us}}, {{random_int}}, {{random_long}}): a record template
  /// then takes its number directly (integerValue), without text in between.
  bool isInteger() const noexcept;
  /// The value of such a template for `context`; only when isInteger().
  std::int64_t integerValue(const TemplateContext& context) const;
  /// The choices of a template that is one `{{pick:a|b|c}}` and nothing else, which a record
  /// template encodes once, when compiled; empty for any other template. A record template
  /// picks as this one does (`random.below(choices.size())`), so the same draws give the same
  /// choice.
  const std::vector<std::string>& pickChoices() const noexcept;

  bool empty() const noexcept { return segments_.empty() && targetSize_ == 0; }
  /// Whether it draws on an input message, which only a Kafka Processor has.
  bool usesInput() const noexcept { return uses(Kind::kInput) || uses(Kind::kInputKey); }
  /// Whether it carries the producer's stamp.
  bool usesStamp() const noexcept { return uses(Kind::kStamp); }
  std::size_t targetSize() const noexcept { return targetSize_; }

 private:
  enum class Kind {
    kLiteral,
    kSequence,
    kSharedSequence,
    kThread,
    kUuid,
    kTimestampMillis,
    kTimestampMicros,
    kRandomInteger,
    kRandomString,
    kRandomChars,
    kRandomHex,
    kRandomBytes,
    kPick,
    kInput,
    kInputKey,
    kStamp
  };
  struct Segment {
    Kind kind;
    std::string literal;                          ///< kLiteral; the character set of kRandomChars
    std::int64_t low = 0, high = 0;               ///< kRandomInteger bounds; length for kRandom*
    std::vector<std::string> choices;             ///< kPick
    std::shared_ptr<SharedSequence> shared = {};  ///< kSharedSequence
  };

  bool uses(Kind kind) const noexcept;
  Segment compilePlaceholder(std::string_view body, std::size_t position) const;
  Segment compileSharedSequence(std::string_view arguments, std::string_view body,
                                std::size_t position) const;
  Segment compileRandomChars(std::string_view arguments, std::string_view body,
                             std::size_t position) const;
  KafkaError invalid(std::string_view body, std::size_t position,
                     const std::string& expected) const;
  void appendLiteral(std::string_view text);
  static void renderSegment(const Segment& segment, const TemplateContext& context,
                            ByteWriter& out);

  std::string what_;
  std::vector<Segment> segments_;
  std::size_t targetSize_;
};

}  // namespace kafkanative
