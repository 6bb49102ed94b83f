#include "Murmur2.hpp"

namespace kafkanative {

std::uint32_t murmur2(std::string_view key) noexcept {
  constexpr std::uint32_t kSeed = 0x9747b28c;
  constexpr std::uint32_t kM = 0x5bd1e995;
  constexpr int kR = 24;
  const auto length = static_cast<std::uint32_t>(key.size());
  const auto* data = reinterpret_cast<const unsigned char*>(key.data());
  std::uint32_t h = kSeed ^ length;
  const std::uint32_t blocks = length / 4;
  for (std::uint32_t i = 0; i < blocks; ++i) {
    std::uint32_t k = static_cast<std::uint32_t>(data[i * 4]) |
                      static_cast<std::uint32_t>(data[i * 4 + 1]) << 8 |
                      static_cast<std::uint32_t>(data[i * 4 + 2]) << 16 |
                      static_cast<std::uint32_t>(data[i * 4 + 3]) << 24;
    k *= kM;
    k ^= k >> kR;
    k *= kM;
    h *= kM;
    h ^= k;
  }
  const std::uint32_t tail = blocks * 4;
  switch (length % 4) {
    case 3:
      h ^= static_cast<std::uint32_t>(data[tail + 2]) << 16;
      [[fallthrough]];
    case 2:
      h ^= static_cast<std::uint32_t>(data[tail + 1]) << 8;
      [[fallthrough]];
    case 1:
      h ^= data[tail];
      h *= kM;
  }
  h ^= h >> 13;
  h *= kM;
  h ^= h >> 15;
  return h;
}

}  // namespace kafkanative
