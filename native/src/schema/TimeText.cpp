#include "TimeText.hpp"

#include <cctype>
#include <cstdio>

namespace kafkanative::TimeText {

namespace {

/// Reads exactly `count` digits at `at`, moving past them.
bool digits(std::string_view text, std::size_t& at, std::size_t count, std::int64_t& value) {
  value = 0;
  for (std::size_t end = at + count; at < end; ++at) {
    if (at >= text.size() || std::isdigit(static_cast<unsigned char>(text[at])) == 0) {
      return false;
    }
    value = value * 10 + (text[at] - '0');
  }
  return true;
}

bool expect(std::string_view text, std::size_t& at, char c) {
  if (at < text.size() && text[at] == c) {
    ++at;
    return true;
  }
  return false;
}

/// Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil).
std::int64_t daysFromCivil(std::int64_t year, std::int64_t month, std::int64_t day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const std::int64_t yearOfEra = year - era * 400;
  const std::int64_t dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const std::int64_t dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

bool leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

std::optional<std::int64_t> date(std::string_view text, std::size_t& at) {
  std::int64_t year = 0;
  std::int64_t month = 0;
  std::int64_t day = 0;
  if (!digits(text, at, 4, year) || !expect(text, at, '-') || !digits(text, at, 2, month) ||
      !expect(text, at, '-') || !digits(text, at, 2, day) || month < 1 || month > 12) {
    return std::nullopt;
  }
  constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const std::int64_t last = kDays[month - 1] + (month == 2 && leap(year) ? 1 : 0);
  if (day < 1 || day > last) {
    return std::nullopt;
  }
  return daysFromCivil(year, month, day);
}

/// HH:MM[:SS[.fraction]] in units since midnight. `exact`: a fraction finer than the unit is
/// refused unless its extra digits are zeros; else they are read past.
std::optional<std::int64_t> time(std::string_view text, std::size_t& at,
                                 std::int64_t unitsPerSecond, bool exact = true) {
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  std::int64_t seconds = 0;
  if (!digits(text, at, 2, hours) || !expect(text, at, ':') || !digits(text, at, 2, minutes) ||
      hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  if (expect(text, at, ':') && (!digits(text, at, 2, seconds) || seconds > 59)) {
    return std::nullopt;
  }
  std::int64_t fraction = 0;  // in units
  if (expect(text, at, '.') || expect(text, at, ',')) {
    std::int64_t scale = unitsPerSecond;
    const std::size_t start = at;
    for (; at < text.size() && std::isdigit(static_cast<unsigned char>(text[at])) != 0; ++at) {
      const int digit = text[at] - '0';
      if (scale > 1) {
        scale /= 10;
        fraction += digit * scale;
      } else if (digit != 0 && exact) {
        return std::nullopt;  // finer than the unit
      }
    }
    if (at == start) {
      return std::nullopt;
    }
  }
  return ((hours * 60 + minutes) * 60 + seconds) * unitsPerSecond + fraction;
}

/// "Z", "+HH:MM", "-HH:MM" or "+HHMM": the offset east of UTC in seconds.
std::optional<std::int64_t> zone(std::string_view text, std::size_t& at) {
  if (expect(text, at, 'Z') || expect(text, at, 'z')) {
    return 0;
  }
  const bool east = expect(text, at, '+');
  if (!east && !expect(text, at, '-')) {
    return std::nullopt;
  }
  std::int64_t hours = 0;
  std::int64_t minutes = 0;
  if (!digits(text, at, 2, hours) || (expect(text, at, ':'), !digits(text, at, 2, minutes)) ||
      hours > 23 || minutes > 59) {
    return std::nullopt;
  }
  const std::int64_t seconds = hours * 3600 + minutes * 60;
  return east ? seconds : -seconds;
}

/// Reads a date-time from the start of `text`; `exact` as for time().
std::optional<std::int64_t> dateTime(std::string_view text, std::int64_t unitsPerSecond, bool zoned,
                                     bool exact) {
  std::size_t at = 0;
  const auto days = date(text, at);
  if (!days || !(expect(text, at, 'T') || expect(text, at, 't') || expect(text, at, ' '))) {
    return std::nullopt;
  }
  const auto units = time(text, at, unitsPerSecond, exact);
  if (!units) {
    return std::nullopt;
  }
  std::int64_t offset = 0;
  if (zoned) {
    const auto east = zone(text, at);
    if (!east) {
      return std::nullopt;
    }
    offset = *east;
  }
  if (at != text.size()) {
    return std::nullopt;
  }
  return (*days * 86400 - offset) * unitsPerSecond + *units;
}

/// The civil date of a day since 1970-01-01 (Howard Hinnant's civil_from_days).
void civilFromDays(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
  days += 719468;
  const std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const auto dayOfEra = static_cast<unsigned>(days - era * 146097);
  const unsigned yearOfEra =
      (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
  const unsigned dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
  const unsigned monthIndex = (5 * dayOfYear + 2) / 153;
  day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
  month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  year = static_cast<std::int64_t>(yearOfEra) + era * 400 + (month <= 2 ? 1 : 0);
}

}  // namespace

std::optional<std::int64_t> epochDays(std::string_view text) {
  std::size_t at = 0;
  const auto days = date(text, at);
  return days && at == text.size() ? days : std::nullopt;
}

std::optional<std::int64_t> timeOfDay(std::string_view text, std::int64_t unitsPerSecond) {
  std::size_t at = 0;
  const auto units = time(text, at, unitsPerSecond);
  return units && at == text.size() ? units : std::nullopt;
}

std::optional<std::int64_t> epochTime(std::string_view text, std::int64_t unitsPerSecond,
                                      bool zoned) {
  return dateTime(text, unitsPerSecond, zoned, true);
}

std::optional<Instant> instant(std::string_view text) {
  std::size_t at = 0;
  const auto days = date(text, at);
  if (!days || !(expect(text, at, 'T') || expect(text, at, 't') || expect(text, at, ' '))) {
    return std::nullopt;
  }
  constexpr std::int64_t kNanos = 1'000'000'000;
  const auto ofDay = time(text, at, kNanos);  // at most 86 400 × 10⁹: no overflow
  const auto east = ofDay ? zone(text, at) : std::nullopt;
  if (!east || at != text.size()) {
    return std::nullopt;
  }
  return Instant{*days * 86400 - *east + *ofDay / kNanos,
                 static_cast<std::int32_t>(*ofDay % kNanos)};
}

std::optional<Instant> duration(std::string_view text) {
  if (text.size() < 2 || text.back() != 's') {
    return std::nullopt;
  }
  text.remove_suffix(1);
  const bool negative = text.front() == '-';
  text.remove_prefix(negative ? 1 : 0);
  const std::size_t point = text.find('.');
  const std::string_view whole = text.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : text.substr(point + 1);
  std::int64_t seconds = 0;
  std::int64_t nanos = 0;
  std::size_t at = 0;
  if (whole.empty() || whole.size() > 12 || !digits(whole, at, whole.size(), seconds) ||
      (point != std::string_view::npos && (fraction.empty() || fraction.size() > 9))) {
    return std::nullopt;
  }
  at = 0;
  if (!fraction.empty() && !digits(fraction, at, fraction.size(), nanos)) {
    return std::nullopt;
  }
  for (std::size_t i = fraction.size(); i < 9; ++i) {
    nanos *= 10;
  }
  return negative ? Instant{-seconds, static_cast<std::int32_t>(-nanos)}
                  : Instant{seconds, static_cast<std::int32_t>(nanos)};
}

bool isDateTime(std::string_view text) { return dateTime(text, 1, true, false).has_value(); }

bool isTime(std::string_view text) {
  return dateTime("1970-01-01T" + std::string(text), 1, true, false).has_value();
}

namespace {

/// ".250", ".250500", ".250500001" or nothing: `nanos` (0 to 999 999 999) as Protobuf writes it.
std::string fraction(std::int64_t nanos) {
  if (nanos == 0) {
    return "";
  }
  char digits[16];
  const int width = nanos % 1'000'000 == 0 ? 3 : nanos % 1000 == 0 ? 6 : 9;
  const std::int64_t shown = width == 3 ? nanos / 1'000'000 : width == 6 ? nanos / 1000 : nanos;
  std::snprintf(digits, sizeof digits, ".%0*lld", width, static_cast<long long>(shown));
  return digits;
}

}  // namespace

std::string rfc3339(Instant instant) {
  std::int64_t seconds = instant.seconds;
  std::int64_t nanos = instant.nanos;
  if (nanos < 0) {  // normalised: the fraction after the second before
    nanos += 1'000'000'000;
    --seconds;
  }
  const std::string micros = isoDateTime(seconds * 1'000'000);  // "...:SS.000000Z"
  return micros.substr(0, micros.size() - 8) + fraction(nanos) + "Z";
}

std::string durationText(Instant duration) {
  const bool negative = duration.seconds < 0 || duration.nanos < 0;
  const auto seconds =
      static_cast<unsigned long long>(duration.seconds < 0 ? -duration.seconds : duration.seconds);
  const std::int64_t nanos = duration.nanos < 0 ? -duration.nanos : duration.nanos;
  return (negative ? "-" : "") + std::to_string(seconds) + fraction(nanos) + "s";
}

std::string isoDateTime(std::int64_t epochMicros) {
  const std::int64_t seconds =
      epochMicros >= 0 ? epochMicros / 1'000'000 : (epochMicros - 999'999) / 1'000'000;
  const std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
  const std::int64_t ofDay = seconds - days * 86400;
  std::int64_t year = 0;
  unsigned month = 0;
  unsigned day = 0;
  civilFromDays(days, year, month, day);
  char text[128];  // room for any 64-bit year the compiler can imagine
  std::snprintf(text, sizeof text, "%04lld-%02u-%02uT%02lld:%02lld:%02lld.%06lldZ",
                static_cast<long long>(year), month, day, static_cast<long long>(ofDay / 3600),
                static_cast<long long>(ofDay / 60 % 60), static_cast<long long>(ofDay % 60),
                static_cast<long long>(epochMicros - seconds * 1'000'000));
  return text;
}

}  // namespace kafkanative::TimeText
