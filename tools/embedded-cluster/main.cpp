// kns-embedded-cluster: the plugin's embedded cluster as a process of its own, so clients in
// other processes (the raw benchmark, JMeter, kcat) can share one cluster and no client's CPU
// figures include the brokers' work. Prints the bootstrap servers, then runs until SIGTERM/SIGINT.
// Usage: kns-embedded-cluster [BROKERS [TOPIC:PARTITIONS ...]] — topics created up front, e.g.
// with many partitions: a mock partition keeps only its last few MB, so a topic that must hold
// millions of messages (a consumer benchmark's) needs them spread over many partitions.
#include <csignal>
#include <iostream>
#include <stdexcept>
#include <string>

#include "EmbeddedCluster.hpp"
#include "kafkanative/Connection.hpp"

int main(int argc, char** argv) {
  const std::string brokers = argc > 1 ? argv[1] : "3";
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGINT);
  pthread_sigmask(SIG_BLOCK, &stop, nullptr);  // before any librdkafka thread starts
  try {
    const auto cluster = kafkanative::Connection::open(
        {"embedded:" + brokers, {}, std::chrono::milliseconds(0), ""});
    for (int i = 2; i < argc; ++i) {
      const std::string topic = argv[i];
      const auto colon = topic.rfind(':');
      if (colon == std::string::npos) {
        throw std::invalid_argument("expected TOPIC:PARTITIONS, got '" + topic + "'");
      }
      cluster->embeddedCluster()->createTopic(topic.substr(0, colon),
                                              std::stoi(topic.substr(colon + 1)));
    }
    std::cout << cluster->bootstrapServers() << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
  } catch (const std::exception& error) {
    std::cerr << "kns-embedded-cluster: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
