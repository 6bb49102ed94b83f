#pragma once

#include <cstddef>
#include <string>

namespace kafkanative {

/// What one Kafka Producer sampler sends, as configured in the plan.
struct ProducerSettings {
  std::string topic;
  std::string keyTemplate;    ///< empty: messages have no key
  std::string valueTemplate;  ///< see MessageTemplate for the syntax
  std::size_t valueSize = 0;  ///< pad values to this many bytes; 0: no padding
};

}  // namespace kafkanative
