#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kafkanative {

/// A message key or value template, compiled once and rendered per message without
/// allocation once the output buffer has grown to size.
///
/// Syntax: plain text with `{{seq}}` placeholders (the per-session message sequence,
/// starting at 0). `{{{{` writes a literal `{{`. An unknown or unterminated placeholder is a
/// KafkaError naming its position.
class MessageTemplate {
 public:
  /// Compiles `text`. `targetSize` > 0 pads every rendered message with 'x' up to that many
  /// bytes; a message already longer is left as is. `what` names the field in error messages.
  MessageTemplate(std::string_view text, std::size_t targetSize, std::string_view what);

  /// Replaces `out` with the message for sequence number `seq`.
  void render(std::uint64_t seq, std::string& out) const;

  bool empty() const noexcept { return segments_.empty() && targetSize_ == 0; }

 private:
  enum class Kind { kLiteral, kSeq };
  struct Segment {
    Kind kind;
    std::string literal;
  };

  void appendLiteral(std::string_view text);

  std::vector<Segment> segments_;
  std::size_t targetSize_;
};

}  // namespace kafkanative
