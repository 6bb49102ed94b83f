#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace kafkanative {

/// One line from the core or from librdkafka, for the host's log.
struct LogLine {
  enum class Level : std::uint8_t { kDebug, kInfo, kWarning, kError };
  Level level;
  std::string text;
};

/// The core's log. Inside, everything goes through one spdlog logger; every line (librdkafka's
/// notices and warnings, rebalances, connection events, and librdkafka's debug lines) is kept
/// in a bounded lock-free queue that the host (the JMeter shim, a benchmark) drains on its own
/// threads, so no native thread ever calls into the host. Debug lines come only from librdkafka,
/// and only for the contexts a client's `debug` property names: with it unset, librdkafka never
/// formats one, so passing them on costs nothing when off.
namespace NativeLog {

/// Takes every queued line, oldest first. Lines that arrived while the queue was full are
/// reported as one summary line.
std::vector<LogLine> drain();

/// Sends `text` (a librdkafka or core message) to the logger at a syslog severity (0-7).
void logSyslog(int severity, const std::string& text);

void warn(const std::string& text);

}  // namespace NativeLog
}  // namespace kafkanative
