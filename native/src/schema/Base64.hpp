#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace kafkanative {

/// Base64 as Protobuf's JSON mapping writes bytes: the standard alphabet with padding on
/// output; either alphabet, padded or not, on input.
struct Base64 {
  static void encode(std::string_view bytes, std::string& out) {
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
      const std::uint32_t group =
          byte(bytes, i) << 16 | byte(bytes, i + 1) << 8 | byte(bytes, i + 2);
      for (int shift = 18; shift >= 0; shift -= 6) {
        out += kAlphabet[(group >> shift) & 63];
      }
    }
    if (i < bytes.size()) {
      const bool two = i + 1 < bytes.size();
      const std::uint32_t group = byte(bytes, i) << 16 | (two ? byte(bytes, i + 1) << 8 : 0);
      out += kAlphabet[group >> 18];
      out += kAlphabet[(group >> 12) & 63];
      out += two ? kAlphabet[(group >> 6) & 63] : '=';
      out += '=';
    }
  }

  /// Appends the decoded bytes to `out`; false for text that is not base64.
  static bool decode(std::string_view text, std::string& out) {
    while (!text.empty() && text.back() == '=') {
      text.remove_suffix(1);
    }
    std::uint32_t group = 0;
    int bits = 0;
    for (const char c : text) {
      const int value = digit(c);
      if (value < 0) {
        return false;
      }
      group = group << 6 | static_cast<std::uint32_t>(value);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += static_cast<char>(group >> bits);
        group &= (1U << bits) - 1;
      }
    }
    return bits < 6;  // one lone character is not a byte
  }

 private:
  static std::uint32_t byte(std::string_view bytes, std::size_t i) {
    return static_cast<unsigned char>(bytes[i]);
  }

  static int digit(char c) {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  }
};

}  // namespace kafkanative
