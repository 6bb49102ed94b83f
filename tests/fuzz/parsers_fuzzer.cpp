// libFuzzer target for the core's parsers of user text: message templates (compile and
// render), the fault schedule and the embedded bootstrap form. Any input may be refused with a
// KafkaError; nothing may crash, hang, leak or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "EmbeddedCluster.hpp"
#include "FaultSchedule.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/MessageTemplate.hpp"

using namespace kafkanative;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  // The first byte picks the padding target, so sizes are fuzzed too (0 to 255 bytes).
  const std::size_t targetSize = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  try {
    const MessageTemplate compiled(text, targetSize, "fuzz");
    FastRandom random(size);
    std::string out;
    for (std::uint64_t sequence : {0ULL, 1ULL, 18446744073709551615ULL}) {
      compiled.render(TemplateContext{sequence, 7, random}, out);
    }
  } catch (const KafkaError&) {
  }
  try {
    FaultSchedule::parse(text, 3);
  } catch (const KafkaError&) {
  }
  try {
    EmbeddedCluster::brokersFor(text);
  } catch (const KafkaError&) {
  }
  return 0;
}
