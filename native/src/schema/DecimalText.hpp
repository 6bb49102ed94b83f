#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kafkanative {

/// Avro's `decimal` from the text teams write ("123.45", "-0.5", "12"): the unscaled value
/// (123.45 at scale 2 is 12345) as big-endian two's complement, as the type stores it in its
/// bytes or fixed.
namespace DecimalText {

/// An unscaled value: 128 bits hold 38 digits.
__extension__ using Unscaled = __int128;

/// The most digits an unscaled value may have here.
inline constexpr int kMaxDigits = 38;

/// The bytes of `text` at `scale`: the fewest that hold it, or exactly `size` (a fixed),
/// sign-extended. Nothing when `text` is not a decimal number, has more fraction digits than
/// `scale` (unless they are zeros), or more digits than `precision` (or kMaxDigits) allow, or
/// does not fit `size`.
std::optional<std::string> unscaledBytes(std::string_view text, int scale, int precision,
                                         std::size_t size = 0);

/// Two's complement big-endian bytes of `unscaled`, as above.
std::string bytesOf(Unscaled unscaled, std::size_t size = 0);

}  // namespace DecimalText

}  // namespace kafkanative
