#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <utility>

#include "WorkerThread.hpp"

namespace kafkanative {

/// A connection's live figures (cumulative counts and histograms) as they stood at each of its
/// timeline's second boundaries, the last kKept of them. Outputs that report each second (the
/// Backend Listener's InfluxDB points) subtract two readings, so their seconds are the run
/// report's seconds, read on a native thread at the boundary: a JVM reading thread that is
/// late (a pause, a loaded machine) delays a point, never moves messages into another second.
class LiveSeconds {
 public:
  /// Readings kept: a reader that falls further behind merges the seconds it missed.
  static constexpr std::size_t kKept = 10;

  /// Reads `figures()` at `start` + 1 s, + 2 s, ... (`startEpochMicros` is `start` on the
  /// wall clock), from a thread of its own until destroyed.
  LiveSeconds(std::chrono::steady_clock::time_point start, std::int64_t startEpochMicros,
              std::function<std::string()> figures);
  ~LiveSeconds();
  LiveSeconds(const LiveSeconds&) = delete;
  LiveSeconds& operator=(const LiveSeconds&) = delete;

  /// "start\tEPOCH_MICROS\n", then per kept reading "second\tN\n" and the figures' lines as
  /// they stood when second N (from the start, as the timeline counts) ended, oldest first.
  std::string text();

 private:
  void run();

  const std::chrono::steady_clock::time_point start_;
  const std::int64_t startEpochMicros_;
  const std::function<std::string()> figures_;
  std::mutex mutex_;
  std::deque<std::pair<std::int64_t, std::string>> readings_;  // guarded by mutex_
  WorkerThread worker_{mutex_};
};

}  // namespace kafkanative
