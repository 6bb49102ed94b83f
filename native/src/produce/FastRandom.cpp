#include "kafkanative/FastRandom.hpp"

namespace kafkanative {

namespace {
// splitmix64 spreads one seed over the four words of state, as xoshiro's authors advise.
std::uint64_t splitmix(std::uint64_t& x) noexcept {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
}  // namespace

FastRandom::FastRandom(std::uint64_t seed) noexcept {
  for (auto& word : state_) {
    word = splitmix(seed);
  }
}

}  // namespace kafkanative
