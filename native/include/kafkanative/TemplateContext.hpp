#pragma once

#include <cstdint>

#include "kafkanative/FastRandom.hpp"

namespace kafkanative {

/// The per-message inputs a MessageTemplate draws on.
struct TemplateContext {
  std::uint64_t sequence;  ///< the session's message sequence number
  std::uint32_t thread;    ///< the JMeter thread number
  FastRandom& random;      ///< the session's generator
};

}  // namespace kafkanative
