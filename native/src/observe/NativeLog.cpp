#include "kafkanative/NativeLog.hpp"

#include <spdlog/sinks/base_sink.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/lockfree/queue.hpp>
#include <memory>

namespace kafkanative::NativeLog {

namespace {

// Room for a burst of librdkafka debug lines (debug=fetch logs several per fetch) between two
// drains of the host; boost's fixed-size queue indexes at most 65535 nodes.
constexpr std::size_t kQueueCapacity = 16384;

/// Hands every line to the host through a lock-free queue. spdlog's own
/// mutex is not needed: the queue is multi-producer safe and no formatter state is shared.
class QueueSink final : public spdlog::sinks::base_sink<spdlog::details::null_mutex> {
 public:
  ~QueueSink() override {
    std::vector<LogLine> leftover;
    drainInto(leftover);
  }

  void drainInto(std::vector<LogLine>& out) {
    LogLine* line = nullptr;
    while (queue_.pop(line)) {
      out.push_back(std::move(*line));
      delete line;
    }
    if (const auto dropped = dropped_.exchange(0); dropped > 0) {
      out.push_back({LogLine::Level::kWarning,
                     std::to_string(dropped) + " native log lines dropped (log queue full)"});
    }
  }

 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    const auto level = msg.level >= spdlog::level::err    ? LogLine::Level::kError
                       : msg.level >= spdlog::level::warn ? LogLine::Level::kWarning
                       : msg.level >= spdlog::level::info ? LogLine::Level::kInfo
                                                          : LogLine::Level::kDebug;
    auto line = std::make_unique<LogLine>(
        LogLine{level, std::string(msg.payload.begin(), msg.payload.end())});
    if (queue_.bounded_push(line.get())) {
      line.release();
    } else {
      dropped_.fetch_add(1, std::memory_order_relaxed);
    }
  }
  void flush_() override {}

 private:
  boost::lockfree::queue<LogLine*, boost::lockfree::capacity<kQueueCapacity>> queue_;
  std::atomic<std::uint64_t> dropped_{0};
};

struct Logger {
  std::shared_ptr<QueueSink> sink = std::make_shared<QueueSink>();
  std::shared_ptr<spdlog::logger> logger = std::make_shared<spdlog::logger>("kafkanative", sink);
  Logger() {
    sink->set_level(spdlog::level::debug);
    logger->set_level(spdlog::level::debug);
  }
};

Logger& instance() {
  static Logger logger;
  return logger;
}

spdlog::level::level_enum fromSyslog(int severity) {
  if (severity <= 3) return spdlog::level::err;
  if (severity == 4) return spdlog::level::warn;
  if (severity <= 6) return spdlog::level::info;
  return spdlog::level::debug;
}

}  // namespace

std::vector<LogLine> drain() {
  std::vector<LogLine> lines;
  instance().sink->drainInto(lines);
  return lines;
}

void logSyslog(int severity, const std::string& text) {
  instance().logger->log(fromSyslog(severity), text);
}

void warn(const std::string& text) { instance().logger->warn(text); }

}  // namespace kafkanative::NativeLog
