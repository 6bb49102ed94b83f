#pragma once

#include <jni.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <stdexcept>
#include <string>
#include <unordered_map>

namespace kafkanative::jni {

/// A handle Java passed that names no live object: never opened, already closed, or forged.
class StaleHandle : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// Maps the opaque `long` handles Java holds to native objects. Handles are never pointers,
/// so a stale or forged one is refused instead of dereferenced. Lookups return a shared
/// owner, so a close racing with a call in progress frees the object only after that call.
template <typename T>
class HandleRegistry {
 public:
  explicit HandleRegistry(const char* kind) : kind_(kind) {}

  jlong add(std::shared_ptr<T> object) {
    const jlong handle = nextHandle();
    std::unique_lock lock(mutex_);
    objects_.emplace(handle, std::move(object));
    return handle;
  }

  std::shared_ptr<T> get(jlong handle) const {
    std::shared_lock lock(mutex_);
    const auto found = objects_.find(handle);
    if (found == objects_.end()) {
      throw StaleHandle(std::string(kind_) + " handle " + std::to_string(handle) +
                        " is closed or invalid");
    }
    return found->second;
  }

  /// The object, or null when the handle names none (for calls where that is no error).
  std::shared_ptr<T> find(jlong handle) const {
    std::shared_lock lock(mutex_);
    const auto found = objects_.find(handle);
    return found == objects_.end() ? nullptr : found->second;
  }

  /// Removes and returns the object, so its last owner can release it outside the lock.
  std::shared_ptr<T> remove(jlong handle) {
    std::unique_lock lock(mutex_);
    const auto found = objects_.find(handle);
    if (found == objects_.end()) {
      throw StaleHandle(std::string(kind_) + " handle " + std::to_string(handle) +
                        " is closed or invalid");
    }
    auto object = std::move(found->second);
    objects_.erase(found);
    return object;
  }

 private:
  // One sequence for every registry, so a handle of one kind is never valid as another.
  static jlong nextHandle() {
    static std::atomic<jlong> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
  }

  const char* kind_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<jlong, std::shared_ptr<T>> objects_;
};

}  // namespace kafkanative::jni
