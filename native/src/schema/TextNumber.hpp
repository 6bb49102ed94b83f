#pragma once

#include <algorithm>
#include <charconv>
#include <clocale>
#include <cstdlib>
#include <string>
#include <string_view>
#ifdef __APPLE__
#include <xlocale.h>  // newlocale, strtod_l: Linux has them in <clocale>, <cstdlib>
#endif

namespace kafkanative {

/// A placeholder's rendered text read as a number for a record's field: all of it, or not.
struct TextNumber {
  /// strtod in the "C" locale whatever the JVM set: a decimal point is always '.'.
  static bool real(std::string_view text, double& value) {
    std::string terminated(text);
    char* end = nullptr;
#ifdef _WIN32
    // MinGW's x86-64 msvcrt has no _create_locale: the text takes the current locale's
    // decimal point instead, as cJSON does.
    const char point = *std::localeconv()->decimal_point;
    std::replace(terminated.begin(), terminated.end(), '.', point);
    value = std::strtod(terminated.c_str(), &end);
#else
    static const locale_t cLocale = newlocale(LC_ALL_MASK, "C", nullptr);
    value = strtod_l(terminated.c_str(), &end, cLocale);
#endif
    return !terminated.empty() && end == terminated.c_str() + terminated.size();
  }

  template <typename Integer>
  static bool integer(std::string_view text, Integer& value) {
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    return !text.empty() && error == std::errc() && end == text.data() + text.size();
  }
};

}  // namespace kafkanative
