#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kafkanative {

/// Dates and times as teams write them in templates (ISO-8601, as JSON carries them), read
/// into the numbers Avro's logical types and Protobuf's well-known types hold. Each reads all
/// of the text or nothing; a fraction finer than the unit is refused unless its extra digits
/// are zeros, as is a value the unit cannot hold.
namespace TimeText {

/// "2026-12-03": days since 1970-01-01 (proleptic Gregorian calendar).
std::optional<std::int64_t> epochDays(std::string_view text);

/// "10:00", "10:00:05", "10:00:05.123": units (unitsPerSecond: 1000 or 1 000 000) since
/// midnight.
std::optional<std::int64_t> timeOfDay(std::string_view text, std::int64_t unitsPerSecond);

/// "2026-12-03T10:00:05.123Z", "...+01:00", ("T" or " " between date and time): units since
/// the epoch. A `zoned` time needs its zone ("Z" or an offset); a local one (Avro's
/// local-timestamp-*) has none, and is counted as if it were UTC, as the type defines.
std::optional<std::int64_t> epochTime(std::string_view text, std::int64_t unitsPerSecond,
                                      bool zoned);

/// RFC 3339's date-time ("2026-12-03T10:00:05.123456789+01:00": a zone, any fraction), as JSON
/// Schema's `format` names it.
bool isDateTime(std::string_view text);
/// RFC 3339's full-time ("10:00:05Z", "10:00:05.5+01:00").
bool isTime(std::string_view text);

/// Seconds and nanoseconds, as Protobuf's Timestamp and Duration hold them (for a negative
/// duration both are negative or zero).
struct Instant {
  std::int64_t seconds;
  std::int32_t nanos;
};

/// RFC 3339 with its zone, to the nanosecond: since the epoch.
std::optional<Instant> instant(std::string_view text);
/// Protobuf's JSON form of a Duration: "1.5s", "-0.000000001s", "3600s".
std::optional<Instant> duration(std::string_view text);

/// Protobuf's JSON forms: "2026-12-03T10:00:05.250Z" for a Timestamp, "-1.250s" for a
/// Duration; the fraction in 3, 6 or 9 digits, or none, as Protobuf writes them.
std::string rfc3339(Instant instant);
std::string durationText(Instant duration);

/// "2026-12-03T10:00:05.123456Z": `epochMicros` in UTC.
std::string isoDateTime(std::int64_t epochMicros);

}  // namespace TimeText

}  // namespace kafkanative
