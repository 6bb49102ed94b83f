#pragma once

#include <cstdint>
#include <string_view>

namespace kafkanative {

/// The Java client's default partitioner hash (`Utils.murmur2`), so a key lands on the same
/// partition whichever client produced it: partition = (murmur2(key) & 0x7fffffff) % count.
std::uint32_t murmur2(std::string_view key) noexcept;

}  // namespace kafkanative
