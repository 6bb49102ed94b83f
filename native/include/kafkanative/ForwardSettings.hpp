#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// What a Kafka Processor does with what it consumes: every message goes on to `topic`, its key
/// and (unless told otherwise) headers unchanged (so the producers' stamps travel through), its
/// value from `valueTemplate` (empty: the input value). Offsets are committed only once the outputs
/// are acknowledged (at least once), or in the same transaction as the outputs (`exactlyOnce`).
struct ForwardSettings {
  std::string topic;  ///< empty: the consumer forwards nothing
  std::string valueTemplate;
  bool exactlyOnce = false;
  /// Off: outputs carry no headers, as from an application that drops them (its consumers
  /// then find the stamps in the value, see StampSource).
  bool keepHeaders = true;
  std::uint32_t thread = 0;  ///< the JMeter thread number, for `{{thread}}`
};

}  // namespace kafkanative
