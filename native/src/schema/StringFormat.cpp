#include "StringFormat.hpp"

#include <cctype>

#include "TimeText.hpp"

namespace kafkanative {

namespace {

/// local@domain: one '@', neither side empty, no space or control character. What every
/// address has; the rest of RFC 5321 is left to the systems that deliver mail.
bool isEmail(std::string_view text) {
  const std::size_t at = text.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == text.size() ||
      text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char c : text) {
    if (static_cast<unsigned char>(c) <= ' ' || c == '\x7f') {
      return false;
    }
  }
  return true;
}

}  // namespace

StringFormat::Kind StringFormat::named(std::string_view name) {
  return name == "date-time" ? Kind::kDateTime
         : name == "date"    ? Kind::kDate
         : name == "time"    ? Kind::kTime
         : name == "uuid"    ? Kind::kUuid
         : name == "email"   ? Kind::kEmail
                             : Kind::kNone;
}

const char* StringFormat::name(Kind kind) {
  switch (kind) {
    case Kind::kDateTime:
      return "date-time";
    case Kind::kDate:
      return "date";
    case Kind::kTime:
      return "time";
    case Kind::kUuid:
      return "uuid";
    case Kind::kEmail:
      return "email";
    default:
      return "string";
  }
}

bool StringFormat::matches(Kind kind, std::string_view text) {
  switch (kind) {
    case Kind::kDateTime:
      return TimeText::isDateTime(text);
    case Kind::kDate:
      return TimeText::epochDays(text).has_value();
    case Kind::kTime:
      return TimeText::isTime(text);
    case Kind::kUuid:
      return isUuid(text);
    case Kind::kEmail:
      return isEmail(text);
    default:
      return true;
  }
}

bool StringFormat::isUuid(std::string_view text) {
  constexpr std::string_view kShape = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
  if (text.size() != kShape.size()) {
    return false;
  }
  for (std::size_t i = 0; i < text.size(); ++i) {
    const bool hex = std::isxdigit(static_cast<unsigned char>(text[i])) != 0;
    if (kShape[i] == '-' ? text[i] != '-' : !hex) {
      return false;
    }
  }
  return true;
}

}  // namespace kafkanative
