#pragma once

#include <chrono>
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
  /// The message's wall-clock time, µs since the epoch, read by the first part of the message
  /// that asks (nowMicros()); 0 until then. Every time one message carries (its placeholders,
  /// random timestamp fields, its stamp) is that one instant, which the producer also gives
  /// Kafka as the message's timestamp; and the clock, slow on some VMs, is read once.
  mutable std::int64_t epochMicros = 0;

  std::int64_t nowMicros() const {
    if (epochMicros == 0) {
      epochMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                        std::chrono::system_clock::now().time_since_epoch())
                        .count();
    }
    return epochMicros;
  }
};

}  // namespace kafkanative
