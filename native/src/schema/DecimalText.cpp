#include "DecimalText.hpp"

#include <algorithm>
#include <cctype>

namespace kafkanative::DecimalText {

std::string bytesOf(Unscaled unscaled, std::size_t size) {
  std::string bytes;  // little-endian while built
  Unscaled rest = unscaled;
  do {
    bytes += static_cast<char>(static_cast<unsigned char>(rest & 0xFF));
    rest >>= 8;  // arithmetic: the sign stays
    // Done when the rest is all sign and the last byte's top bit says the same sign.
  } while (
      !((rest == 0 && (bytes.back() & 0x80) == 0) || (rest == -1 && (bytes.back() & 0x80) != 0)));
  const char sign = unscaled < 0 ? '\xff' : '\0';
  if (size > bytes.size()) {
    bytes.append(size - bytes.size(), sign);
  }
  std::reverse(bytes.begin(), bytes.end());
  return bytes;
}

std::optional<std::string> unscaledBytes(std::string_view text, int scale, int precision,
                                         std::size_t size) {
  std::size_t at = 0;
  const bool negative = !text.empty() && text[0] == '-';
  at += !text.empty() && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  __extension__ unsigned __int128 magnitude = 0;
  int digitCount = 0;
  int fractionDigits = 0;
  bool point = false;
  bool any = false;
  const int allowed = std::min(precision > 0 ? precision : kMaxDigits, kMaxDigits);
  for (; at < text.size(); ++at) {
    const char c = text[at];
    if (c == '.' && !point) {
      point = true;
      continue;
    }
    if (std::isdigit(static_cast<unsigned char>(c)) == 0) {
      return std::nullopt;
    }
    any = true;
    if (point && fractionDigits == scale) {
      if (c != '0') {
        return std::nullopt;  // finer than the scale
      }
      continue;
    }
    fractionDigits += point ? 1 : 0;
    if (magnitude != 0 || c != '0') {
      ++digitCount;
    }
    if (digitCount > allowed) {
      return std::nullopt;
    }
    magnitude = magnitude * 10 + static_cast<unsigned>(c - '0');
  }
  if (!any) {
    return std::nullopt;
  }
  for (; fractionDigits < scale; ++fractionDigits) {
    if (magnitude != 0 && ++digitCount > allowed) {
      return std::nullopt;
    }
    magnitude *= 10;
  }
  const auto unscaled =
      negative ? -static_cast<Unscaled>(magnitude) : static_cast<Unscaled>(magnitude);
  std::string bytes = bytesOf(unscaled, size);
  if (size != 0 && bytes.size() != size) {
    return std::nullopt;
  }
  return bytes;
}

}  // namespace kafkanative::DecimalText
