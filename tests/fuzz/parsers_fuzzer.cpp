// libFuzzer target for the core's parsers of user text: message templates (compile and
// render, with an input message and a stamp), the fault schedule, the embedded bootstrap form,
// and of what consumers read: a stamp in a message's text. Any input may be refused with a
// KafkaError; nothing may crash, hang, leak or trip a sanitizer.
#include <cstddef>
#include <cstdint>
#include <string>

#include "EmbeddedCluster.hpp"
#include "FaultSchedule.hpp"
#include "TextStamp.hpp"
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
      TemplateContext context{sequence, 7, random};
      context.input = text;
      context.inputKey = std::string_view(text).substr(0, 3);
      context.stamp = "kn-stamp/1/2/p";
      compiled.render(context, out);
    }
  } catch (const KafkaError&) {
  }
  if (const auto stamp = TextStamp::find(text)) {
    // What a consumer then uses: the producer id must lie within the text.
    if (stamp->producer.data() < text.data() ||
        stamp->producer.data() + stamp->producer.size() > text.data() + text.size()) {
      __builtin_trap();
    }
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
