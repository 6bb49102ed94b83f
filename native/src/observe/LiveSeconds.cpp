#include "LiveSeconds.hpp"

namespace kafkanative {

LiveSeconds::LiveSeconds(std::chrono::steady_clock::time_point start, std::int64_t startEpochMicros,
                         std::function<std::string()> figures)
    : start_(start), startEpochMicros_(startEpochMicros), figures_(std::move(figures)) {
  worker_.start([this] { run(); });
}

LiveSeconds::~LiveSeconds() { worker_.stop(); }

void LiveSeconds::run() {
  const auto secondsSinceStart = [this] {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                            start_)
        .count();
  };
  std::unique_lock lock(mutex_);
  for (auto next = secondsSinceStart() + 1;
       worker_.sleepUntil(lock, start_ + std::chrono::seconds(next));) {
    // The second that ended last: next - 1, unless the wake-up came late (a suspended
    // machine), when the seconds missed share this reading.
    const auto ended = secondsSinceStart() - 1;
    // Read without the lock: the figures take the connection's own, and text() must not
    // wait for them.
    lock.unlock();
    std::string figures = figures_();
    lock.lock();
    readings_.emplace_back(ended, std::move(figures));
    if (readings_.size() > kKept) {
      readings_.pop_front();
    }
    next = ended + 2;
  }
}

std::string LiveSeconds::text() {
  std::lock_guard lock(mutex_);
  std::string text = "start\t" + std::to_string(startEpochMicros_) + "\n";
  for (const auto& [second, figures] : readings_) {
    text += "second\t" + std::to_string(second) + "\n" + figures;
  }
  return text;
}

}  // namespace kafkanative
