#include "Engine.hpp"

#include <unistd.h>

#include <climits>

namespace kafkanative {

const std::string& Engine::name() {
  static const std::string engine = [] {
    char host[HOST_NAME_MAX + 1] = {};
    if (gethostname(host, sizeof host - 1) != 0 || host[0] == '\0') {
      return "unknown-host:" + std::to_string(getpid());
    }
    return std::string(host) + ":" + std::to_string(getpid());
  }();
  return engine;
}

}  // namespace kafkanative
