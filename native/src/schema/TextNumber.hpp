#pragma once

#include <charconv>
#include <clocale>
#include <cstdlib>
#include <string>
#include <string_view>

namespace kafkanative {

/// A placeholder's rendered text read as a number for a record's field: all of it, or not.
struct TextNumber {
  /// strtod in the "C" locale whatever the JVM set: a decimal point is always '.'.
  static bool real(std::string_view text, double& value) {
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    const std::string terminated(text);
    char* end = nullptr;
    value = strtod_l(terminated.c_str(), &end, cLocale);
    return !terminated.empty() && end == terminated.c_str() + terminated.size();
  }

  template <typename Integer>
  static bool integer(std::string_view text, Integer& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
  }
};

}  // namespace kafkanative
