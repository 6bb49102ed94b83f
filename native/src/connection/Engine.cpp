#include "Engine.hpp"

#ifdef _WIN32
#include <windows.h>
#else
#include <unistd.h>
#endif

#include <string>

namespace kafkanative {

namespace {

/// The machine's name, or "" when the system does not say.
std::string hostName() {
  char host[256] = {};  // POSIX and Windows host names are shorter
#ifdef _WIN32
  DWORD size = sizeof host;
  return GetComputerNameExA(ComputerNameDnsHostname, host, &size) ? std::string(host, size)
                                                                  : std::string();
#else
  return gethostname(host, sizeof host - 1) == 0 ? std::string(host) : std::string();
#endif
}

unsigned long processId() {
#ifdef _WIN32
  return GetCurrentProcessId();
#else
  return static_cast<unsigned long>(getpid());
#endif
}

}  // namespace

const std::string& Engine::name() {
  static const std::string engine = [] {
    const std::string host = hostName();
    return (host.empty() ? std::string("unknown-host") : host) + ":" + std::to_string(processId());
  }();
  return engine;
}

}  // namespace kafkanative
