#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <utility>

namespace kafkanative {

/// A thread that works in rounds and waits between them under its owner's mutex; stopped,
/// woken and joined by stop() or its destructor. It is the part of std::jthread and
/// std::stop_token the core uses, kept to std::thread and std::condition_variable: C++
/// libraries without std::jthread (libc++ before 18 — the portable build's Zig 0.11 — and
/// Apple's) build the core too.
///
/// The stop request is written under the owner's mutex, so a waiter between checking it and
/// starting to wait cannot miss the wake-up.
class WorkerThread {
 public:
  explicit WorkerThread(std::mutex& mutex) : mutex_(mutex) {}
  WorkerThread(const WorkerThread&) = delete;
  WorkerThread& operator=(const WorkerThread&) = delete;
  ~WorkerThread() { stop(); }

  /// Runs `body` on the thread; once, when everything the body uses is set up.
  template <class Body>
  void start(Body body) {
    thread_ = std::thread(std::move(body));
  }

  /// Requests the stop, wakes the thread and waits for it to end. Idempotent.
  void stop() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    wake_.notify_all();
    if (thread_.joinable() && thread_.get_id() != std::this_thread::get_id()) {
      thread_.join();
    }
  }

  /// Wakes waiters to check their condition again (call after changing it under the mutex).
  void notify() { wake_.notify_all(); }

  /// Waits, `lock` holding the owner's mutex, until `ready()`; false when stopped instead.
  template <class Ready>
  bool wait(std::unique_lock<std::mutex>& lock, Ready ready) {
    wake_.wait(lock, [&] { return stopping_ || ready(); });
    return !stopping_;
  }

  /// Waits until `ready()` or `timeout` passes (a stop ends it too); returns ready().
  template <class Rep, class Period, class Ready>
  bool waitFor(std::unique_lock<std::mutex>& lock, std::chrono::duration<Rep, Period> timeout,
               Ready ready) {
    return wake_.wait_for(lock, timeout, [&] { return stopping_ || ready(); }) && ready();
  }

  /// Sleeps until `deadline`; false when stopped first.
  template <class Clock, class Duration>
  bool sleepUntil(std::unique_lock<std::mutex>& lock,
                  std::chrono::time_point<Clock, Duration> deadline) {
    wake_.wait_until(lock, deadline, [this] { return stopping_; });
    return !stopping_;
  }

 private:
  std::mutex& mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace kafkanative
