#include "RegistryDouble.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include "TestCluster.hpp"

extern char** environ;

RegistryDouble::RegistryDouble(const std::vector<std::string>& options)
    : portFile_((std::filesystem::temp_directory_path() / uniqueName("registry-port")).string()),
      countFile_(portFile_ + ".requests") {
  std::vector<std::string> arguments = {"/usr/bin/python3", KNS_REGISTRY_DOUBLE, "--port-file",
                                        portFile_,          "--count-file",      countFile_};
  arguments.insert(arguments.end(), options.begin(), options.end());
  std::vector<char*> argv;
  for (auto& argument : arguments) {
    argv.push_back(argument.data());
  }
  argv.push_back(nullptr);
  if (posix_spawn(&pid_, argv[0], nullptr, nullptr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start the registry double");
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!std::filesystem::exists(portFile_)) {
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("the registry double did not start");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::ifstream port(portFile_);
  std::string number;
  port >> number;
  const bool tls = std::find(options.begin(), options.end(), "--tls") != options.end();
  url_ = (tls ? "https://127.0.0.1:" : "http://127.0.0.1:") + number;
}

RegistryDouble::~RegistryDouble() {
  kill(pid_, SIGTERM);
  waitpid(pid_, nullptr, 0);
  std::filesystem::remove(portFile_);
  std::filesystem::remove(countFile_);
}

int RegistryDouble::requests() const {
  std::ifstream file(countFile_);
  int count = 0;
  file >> count;
  return count;
}

std::string testRegistryUrl(const RegistryDouble& fallback) {
  const char* configured = std::getenv("SCHEMA_REGISTRY_URL");
  return configured != nullptr && *configured != '\0' ? configured : fallback.url();
}
