// kns-embedded-cluster: the plugin's embedded cluster as a process of its own, so clients in
// other processes (the raw benchmark, JMeter, kcat) can share one cluster and no client's CPU
// figures include the brokers' work. Prints the bootstrap servers, then runs until SIGTERM/SIGINT.
#include <csignal>
#include <iostream>
#include <string>

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
    std::cout << cluster->bootstrapServers() << std::endl;
    int signal = 0;
    sigwait(&stop, &signal);
  } catch (const std::exception& error) {
    std::cerr << "kns-embedded-cluster: " << error.what() << std::endl;
    return 1;
  }
  return 0;
}
