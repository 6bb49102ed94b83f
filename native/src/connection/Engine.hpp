#pragma once

#include <string>

namespace kafkanative {

/// This load generator's identity, "host:pid": one JMeter engine among several (JMeter's
/// distributed mode, or several JVMs on one host). Producer ids carry it, so a consumer on
/// any engine can tell whose messages it reads, and every summary names its engine.
struct Engine {
  /// Read once per process.
  static const std::string& name();
};

}  // namespace kafkanative
