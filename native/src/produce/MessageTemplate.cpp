#include "kafkanative/MessageTemplate.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <limits>
#include <utility>

#include "SharedSequence.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

constexpr std::string_view kOpen = "{{";
constexpr std::string_view kClose = "}}";
constexpr std::string_view kEscapedOpen = "{{{{";
constexpr std::string_view kAlphanumeric =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
constexpr std::string_view kHex = "0123456789abcdef";

std::vector<std::string_view> split(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const std::size_t end = text.find(separator, start);
    parts.push_back(text.substr(start, end - start));
    if (end == std::string_view::npos) {
      return parts;
    }
    start = end + 1;
  }
}

template <typename T>
bool parseNumber(std::string_view text, T& value) {
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() && !text.empty();
}

void appendNumber(ByteWriter& out, auto value) {
  constexpr std::size_t kMostDigits = 24;  // a sign and 20 digits
  char* digits = out.room(kMostDigits);
  out.advance(
      static_cast<std::size_t>(std::to_chars(digits, digits + kMostDigits, value).ptr - digits));
}

// Eight characters from each 64-bit draw, by multiply-extract: the high 64 bits of draw ×
// alphabet size are a character, the low 64 bits the fraction the next one comes from. Each
// step leaves a fraction of coarser grain (steps of size^k), so the eighth character of a
// 62-letter alphabet still comes from some 2^22 equally likely values: a bias of at most 62 in
// four million, smaller than 16 bits per character had. Random text is most of what a record
// template costs per message; this is half the instructions of a multiply per 16 bits.
void appendRandom(ByteWriter& out, std::size_t length, std::string_view alphabet,
                  FastRandom& random) {
  constexpr std::size_t kPerDraw = 8;
  __extension__ using Wide = unsigned __int128;
  char* at = out.room(length);
  out.advance(length);
  const auto character = [alphabet](std::uint64_t& fraction) {
    const Wide product = static_cast<Wide>(fraction) * alphabet.size();
    fraction = static_cast<std::uint64_t>(product);
    return alphabet[static_cast<std::size_t>(product >> 64)];
  };
  const char* const end = at + length;
  for (; end - at >= static_cast<std::ptrdiff_t>(kPerDraw); at += kPerDraw) {
    std::uint64_t fraction = random.next();
#pragma GCC unroll 8
    for (std::size_t i = 0; i < kPerDraw; ++i) {
      at[i] = character(fraction);
    }
  }
  if (at < end) {
    std::uint64_t fraction = random.next();
    for (; at < end; ++at) {
      *at = character(fraction);
    }
  }
}

void appendUuid(ByteWriter& out, FastRandom& random) {
  std::uint64_t high = random.next();
  std::uint64_t low = random.next();
  high = (high & ~0xF000ULL) | 0x4000ULL;            // version 4
  low = (low & ~(0xC0ULL << 56)) | (0x80ULL << 56);  // RFC 4122 variant
  const auto hex = [&out](std::uint64_t bits, int nibbles) {
    for (int shift = (nibbles - 1) * 4; shift >= 0; shift -= 4) {
      out += kHex[(bits >> shift) & 0xF];
    }
  };
  hex(high >> 32, 8);
  out += '-';
  hex(high >> 16, 4);
  out += '-';
  hex(high, 4);
  out += '-';
  hex(low >> 48, 4);
  out += '-';
  hex(low, 12);
}

std::int64_t epochTime(const TemplateContext& context, bool micros) {
  return micros ? context.nowMicros() : context.nowMicros() / 1000;
}

}  // namespace

MessageTemplate::MessageTemplate(std::string_view text, std::size_t targetSize,
                                 std::string_view what)
    : what_(what), targetSize_(targetSize) {
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
      throw KafkaError::invalidArgument(what_ + ": unterminated placeholder at position " +
                                        std::to_string(open));
    }
    segments_.push_back(
        compilePlaceholder(text.substr(open + kOpen.size(), close - open - kOpen.size()), open));
    pos = close + kClose.size();
  }
}

MessageTemplate::Segment MessageTemplate::compilePlaceholder(std::string_view body,
                                                             std::size_t position) const {
  const std::size_t colon = body.find(':');
  const std::string_view name = body.substr(0, colon);
  const std::string_view arguments =
      colon == std::string_view::npos ? std::string_view() : body.substr(colon + 1);
  const auto invalid = [&](const std::string& expected) {
    return this->invalid(body, position, expected);
  };
  const auto noArguments = [&](Kind kind) {
    if (colon != std::string_view::npos) {
      throw invalid("{{" + std::string(name) + "}} without arguments");
    }
    return Segment{kind, {}, 0, 0, {}};
  };
  const auto integerRange = [&](std::int64_t min, std::int64_t max) {
    const auto bounds = split(arguments, ':');
    Segment segment{Kind::kRandomInteger, {}, 0, 0, {}};
    if (bounds.size() != 2 || !parseNumber(bounds[0], segment.low) ||
        !parseNumber(bounds[1], segment.high) || segment.low > segment.high || segment.low < min ||
        segment.high > max) {
      throw invalid("{{" + std::string(name) + ":MIN:MAX}} with integers MIN <= MAX in range");
    }
    return segment;
  };
  const auto length = [&](Kind kind) {
    Segment segment{kind, {}, 0, 0, {}};
    std::size_t count = 0;
    if (!parseNumber(arguments, count) || count > kMaxRandomLength) {
      throw invalid("{{" + std::string(name) + ":N}} with N from 0 to " +
                    std::to_string(kMaxRandomLength));
    }
    segment.high = static_cast<std::int64_t>(count);
    return segment;
  };

  if (name == "seq") return noArguments(Kind::kSequence);
  if (name == "sequence") return compileSharedSequence(arguments, body, position);
  if (name == "random_chars") return compileRandomChars(arguments, body, position);
  if (name == "thread") return noArguments(Kind::kThread);
  if (name == "uuid") return noArguments(Kind::kUuid);
  if (name == "timestamp_ms") return noArguments(Kind::kTimestampMillis);
  if (name == "timestamp_us") return noArguments(Kind::kTimestampMicros);
  if (name == "random_int") {
    return integerRange(std::numeric_limits<std::int32_t>::min(),
                        std::numeric_limits<std::int32_t>::max());
  }
  if (name == "random_long") {
    return integerRange(std::numeric_limits<std::int64_t>::min(),
                        std::numeric_limits<std::int64_t>::max());
  }
  if (name == "input") return noArguments(Kind::kInput);
  if (name == "input_key") return noArguments(Kind::kInputKey);
  if (name == "stamp") return noArguments(Kind::kStamp);
  if (name == "random_string") return length(Kind::kRandomString);
  if (name == "random_hex") return length(Kind::kRandomHex);
  if (name == "random_bytes") return length(Kind::kRandomBytes);
  if (name == "pick") {
    Segment segment{Kind::kPick, {}, 0, 0, {}};
    for (const auto choice : split(arguments, '|')) {
      segment.choices.emplace_back(choice);
    }
    if (colon == std::string_view::npos) {
      throw invalid("{{pick:a|b|...}} with at least one choice");
    }
    return segment;
  }
  throw KafkaError::invalidArgument(what_ + ": unknown placeholder '{{" + std::string(body) +
                                    "}}' at position " + std::to_string(position));
}

KafkaError MessageTemplate::invalid(std::string_view body, std::size_t position,
                                    const std::string& expected) const {
  return KafkaError::invalidArgument(what_ + ": '{{" + std::string(body) + "}}' at position " +
                                     std::to_string(position) + ": expected " + expected);
}

MessageTemplate::Segment MessageTemplate::compileSharedSequence(std::string_view arguments,
                                                                std::string_view body,
                                                                std::size_t position) const {
  const auto parts = split(arguments, ':');
  std::int64_t start = 0;
  std::int64_t step = 1;
  const auto legal = [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '_' || c == '.' || c == '-';
  };
  const bool named = !parts[0].empty() && std::all_of(parts[0].begin(), parts[0].end(), legal);
  const bool counted = parts.size() == 1 || (parts.size() == 3 && parseNumber(parts[1], start) &&
                                             parseNumber(parts[2], step) && step != 0);
  if (!named || !counted) {
    throw invalid(body, position,
                  "{{sequence:NAME}} or {{sequence:NAME:START:STEP}}: a NAME of letters, digits, "
                  "'_', '.', '-' and 64-bit integers START and STEP, STEP not 0");
  }
  Segment segment{Kind::kSharedSequence, {}, 0, 0, {}};
  segment.shared = SharedSequence::named(std::string(parts[0]), start, step, what_);
  return segment;
}

MessageTemplate::Segment MessageTemplate::compileRandomChars(std::string_view arguments,
                                                             std::string_view body,
                                                             std::size_t position) const {
  const std::size_t colon = arguments.find(':');
  std::size_t count = 0;
  if (colon == std::string_view::npos || !parseNumber(arguments.substr(0, colon), count) ||
      count > kMaxRandomLength) {
    throw invalid(body, position,
                  "{{random_chars:N:SET}} with N from 0 to " + std::to_string(kMaxRandomLength) +
                      " and a character SET");
  }
  // The set is the rest, ':' included; "a-z" is a range, a '-' first or last is itself. Each
  // character counts once, so every one is equally likely however often it is written.
  const std::string_view set = arguments.substr(colon + 1);
  std::array<bool, 128> seen{};
  Segment segment{Kind::kRandomChars, {}, 0, static_cast<std::int64_t>(count), {}};
  const auto add = [&](unsigned char c) {
    if (c >= seen.size()) {
      throw invalid(body, position, "a SET of ASCII characters");
    }
    if (!std::exchange(seen[c], true)) {
      segment.literal += static_cast<char>(c);
    }
  };
  for (std::size_t i = 0; i < set.size(); ++i) {
    const auto first = static_cast<unsigned char>(set[i]);
    if (i + 2 < set.size() && set[i + 1] == '-') {
      const auto last = static_cast<unsigned char>(set[i + 2]);
      if (last < first) {
        throw invalid(body, position, "ranges in SET from low to high, as A-Z");
      }
      for (unsigned c = first; c <= last; ++c) {
        add(static_cast<unsigned char>(c));
      }
      i += 2;
    } else {
      add(first);
    }
  }
  if (segment.literal.empty()) {
    throw invalid(body, position, "{{random_chars:N:SET}} with at least one character in SET");
  }
  return segment;
}

void MessageTemplate::appendLiteral(std::string_view text) {
  if (text.empty()) {
    return;
  }
  if (!segments_.empty() && segments_.back().kind == Kind::kLiteral) {
    segments_.back().literal += text;
  } else {
    segments_.push_back({Kind::kLiteral, std::string(text), 0, 0, {}});
  }
}

bool MessageTemplate::uses(Kind kind) const noexcept {
  return std::any_of(segments_.begin(), segments_.end(),
                     [kind](const Segment& segment) { return segment.kind == kind; });
}

bool MessageTemplate::render(const TemplateContext& context, std::string& out) const {
  out.clear();
  {
    ByteWriter writer(out);
    append(context, writer);
  }
  return fitToSize(out, targetSize_);
}

void MessageTemplate::append(const TemplateContext& context, ByteWriter& out) const {
  for (const Segment& segment : segments_) {
    renderSegment(segment, context, out);
  }
}

bool MessageTemplate::fitToSize(std::string& out, std::size_t targetSize) {
  if (targetSize == 0) {
    return true;
  }
  if (out.size() > targetSize) {
    return false;
  }
  out.append(targetSize - out.size(), 'x');
  return true;
}

bool MessageTemplate::isInteger() const noexcept {
  if (segments_.size() != 1 || targetSize_ != 0) {
    return false;
  }
  switch (segments_.front().kind) {
    case Kind::kSequence:
    case Kind::kSharedSequence:
    case Kind::kThread:
    case Kind::kTimestampMillis:
    case Kind::kTimestampMicros:
    case Kind::kRandomInteger:
      return true;
    default:
      return false;
  }
}

std::int64_t MessageTemplate::integerValue(const TemplateContext& context) const {
  const Segment& segment = segments_.front();
  switch (segment.kind) {
    case Kind::kSequence:
      return static_cast<std::int64_t>(context.sequence);
    case Kind::kSharedSequence:
      return segment.shared->next();
    case Kind::kThread:
      return context.thread;
    case Kind::kTimestampMillis:
    case Kind::kTimestampMicros:
      return epochTime(context, segment.kind == Kind::kTimestampMicros);
    default:  // kRandomInteger, as isInteger() admits nothing else
      return context.random.between(segment.low, segment.high);
  }
}

const std::vector<std::string>& MessageTemplate::pickChoices() const noexcept {
  static const std::vector<std::string> none;
  const bool lonePick =
      segments_.size() == 1 && targetSize_ == 0 && segments_.front().kind == Kind::kPick;
  return lonePick ? segments_.front().choices : none;
}

void MessageTemplate::renderSegment(const Segment& segment, const TemplateContext& context,
                                    ByteWriter& out) {
  const auto length = static_cast<std::size_t>(segment.high);
  switch (segment.kind) {
    case Kind::kLiteral:
      out += segment.literal;
      break;
    case Kind::kSequence:
      appendNumber(out, context.sequence);
      break;
    case Kind::kSharedSequence:
      appendNumber(out, segment.shared->next());
      break;
    case Kind::kThread:
      appendNumber(out, context.thread);
      break;
    case Kind::kUuid:
      appendUuid(out, context.random);
      break;
    case Kind::kTimestampMillis:
    case Kind::kTimestampMicros:
      appendNumber(out, epochTime(context, segment.kind == Kind::kTimestampMicros));
      break;
    case Kind::kRandomInteger:
      appendNumber(out, context.random.between(segment.low, segment.high));
      break;
    case Kind::kRandomString:
      appendRandom(out, length, kAlphanumeric, context.random);
      break;
    case Kind::kRandomChars:
      appendRandom(out, length, segment.literal, context.random);
      break;
    case Kind::kRandomHex:
      appendRandom(out, length, kHex, context.random);
      break;
    case Kind::kRandomBytes:
      for (std::size_t i = 0; i < length; ++i) {
        out += static_cast<char>(context.random.next() & 0xFF);
      }
      break;
    case Kind::kPick:
      out += segment.choices[context.random.below(segment.choices.size())];
      break;
    case Kind::kInput:
      out += context.input;
      break;
    case Kind::kInputKey:
      out += context.inputKey;
      break;
    case Kind::kStamp:
      out += context.stamp;
      break;
  }
}

}  // namespace kafkanative
