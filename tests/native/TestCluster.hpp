#pragma once

#include <cstdlib>
#include <random>
#include <string>

/// Where the native tests run: the cluster in $KAFKA_BOOTSTRAP, or the embedded one.
inline std::string testBootstrap() {
  const char* configured = std::getenv("KAFKA_BOOTSTRAP");
  return configured != nullptr && *configured != '\0' ? configured : "embedded";
}

/// A topic or group name no other test run uses.
inline std::string uniqueName(const std::string& prefix) {
  std::random_device random;
  return prefix + "-" + std::to_string(random());
}
