#include "kafkanative/MessageTemplate.hpp"

#include <charconv>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {
constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::string_view kEscapedOpen = "{{{{";
}  // namespace

MessageTemplate::MessageTemplate(std::string_view text, std::size_t targetSize,
                                 std::string_view what)
    : targetSize_(targetSize) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t open = text.find(kOpen, pos);
    if (open == std::string_view::npos) {
      appendLiteral(text.substr(pos));
      break;
    }
    appendLiteral(text.substr(pos, open - pos));
    if (text.substr(open, kEscapedOpen.size()) == kEscapedOpen) {
      appendLiteral(kOpen);
      pos = open + kEscapedOpen.size();
      continue;
    }
    const std::size_t close = text.find(kClose, open + kOpen.size());
    if (close == std::string_view::npos) {
      throw KafkaError::invalidArgument(
          std::string(what) + ": unterminated placeholder at position " + std::to_string(open));
    }
    const std::string_view name = text.substr(open + kOpen.size(), close - open - kOpen.size());
    if (name != "seq") {
      throw KafkaError::invalidArgument(std::string(what) + ": unknown placeholder '{{" +
                                        std::string(name) + "}}' at position " +
                                        std::to_string(open));
    }
    segments_.push_back({Kind::kSeq, {}});
    pos = close + kClose.size();
  }
}

void MessageTemplate::appendLiteral(std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!segments_.empty() && segments_.back().kind == Kind::kLiteral) {
    segments_.back().literal += text;
  } else {
    segments_.push_back({Kind::kLiteral, std::string(text)});
  }
}

void MessageTemplate::render(std::uint64_t seq, std::string& out) const {
  out.clear();
  for (const Segment& segment : segments_) {
    if (segment.kind == Kind::kLiteral) {
      out += segment.literal;
    } else {
      char digits[20];
      const auto result = std::to_chars(digits, digits + sizeof digits, seq);
      out.append(digits, result.ptr);
    }
  }
  if (out.size() < targetSize_) {
    out.append(targetSize_ - out.size(), 'x');
  }
}

}  // namespace kafkanative
