// The raw ceiling: the native core alone (no JVM), sending M messages in fire-and-track
// batches (the same calls the JMeter sampler makes) as fast as it can, then waiting for every
// delivery report. Prints the core's own summary for the run (first send to last ack), the same
// figures the JMeter runs report. With "stamp", messages carry the stamping headers, as a
// Kafka Producer with *Stamp headers* sends them (for consumer benchmarks with verification).
#include <cstdlib>
#include <iostream>
#include <string>

#include "kafkanative/Connection.hpp"
#include "kafkanative/ProducerSession.hpp"

int main(int argc, char** argv) {
  if (argc != 7 && !(argc == 8 && std::string(argv[7]) == "stamp")) {
    std::cerr
        << "usage: raw_producer BOOTSTRAP TOPIC MESSAGES SIZE ACKS MESSAGES_PER_CALL [stamp]\n";
    return 2;
  }
  const std::uint64_t messages = std::strtoull(argv[3], nullptr, 10);
  const auto batch = static_cast<std::uint32_t>(std::strtoul(argv[6], nullptr, 10));
  try {
    auto connection = kafkanative::Connection::open(
        {argv[1], {{"acks", argv[5]}}, std::chrono::milliseconds(30000), ""});
    kafkanative::ProducerSettings settings;
    settings.topic = argv[2];
    settings.valueTemplate = "{{seq}} ";
    settings.valueSize = std::strtoull(argv[4], nullptr, 10);
    settings.mode = kafkanative::DeliveryMode::kTrack;
    settings.statsName = "raw";
    settings.stampHeaders = argc == 8;
    {
      kafkanative::ProducerSession session(connection, settings);
      for (std::uint64_t sent = 0; sent < messages; sent += batch) {
        session.produce(
            static_cast<std::uint32_t>(std::min<std::uint64_t>(batch, messages - sent)));
      }
      session.finish();
    }
    std::cout << connection->summaryJson() << std::endl;
  } catch (const std::exception& error) {
    std::cerr << "raw_producer: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
