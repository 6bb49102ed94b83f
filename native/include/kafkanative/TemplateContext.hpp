#pragma once

#include <cstdint>
#include <string_view>

#include "kafkanative/FastRandom.hpp"

namespace kafkanative {

/// The per-message inputs a MessageTemplate draws on.
struct TemplateContext {
  std::uint64_t sequence;  ///< the session's message sequence number
  std::uint32_t thread;    ///< the JMeter thread number
  FastRandom& random;      ///< the session's generator
  /// A Kafka Processor's input message, for `{{input}}` and `{{input_key}}`; empty elsewhere.
  std::string_view input = {};
  std::string_view inputKey = {};
  /// The producer's stamp of this message as text, for `{{stamp}}`; empty elsewhere.
  std::string_view stamp = {};
};

}  // namespace kafkanative
