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

/// Java used a handle wrongly; surfaces as IllegalStateException.
class HandleMisuse : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

/// A handle Java passed that names no live object: never opened, already closed, or forged.
class StaleHandle : public HandleMisuse {
 public:
  using HandleMisuse::HandleMisuse;
};

/// A session used by a second thread while a call on it is still running (sessions belong
/// to one JMeter thread each; sharing one would race inside it).
class HandleInUse : public HandleMisuse {
 public:
  using HandleMisuse::HandleMisuse;
};

/// The next handle of any kind.
inline std::atomic<jlong> nextHandleId{1};

/// Maps the opaque `long` handles Java holds to native objects. Handles are never pointers,
/// so a stale or forged one is refused instead of dereferenced. Lookups return a shared
/// owner, so a close racing with a call in progress frees the object only after that call.
template <typename T>
class HandleRegistry {
  struct Entry {
    std::shared_ptr<T> object;
    std::atomic<bool> busy{false};
  };

 public:
  /// Exclusive use of an object for one call: the object stays alive and no other call can
  /// lease it until this one ends.
  class Lease {
   public:
    Lease(std::shared_ptr<Entry> entry, const char* kind, jlong handle) : entry_(std::move(entry)) {
      if (entry_->busy.exchange(true, std::memory_order_acquire)) {
        throw HandleInUse(std::string(kind) + " handle " + std::to_string(handle) +
                          " is in use by another thread");
      }
    }
    ~Lease() { entry_->busy.store(false, std::memory_order_release); }
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    T* operator->() const noexcept { return entry_->object.get(); }

   private:
    std::shared_ptr<Entry> entry_;
  };

  explicit HandleRegistry(const char* kind) : kind_(kind) {}

  jlong add(std::shared_ptr<T> object) {
    const jlong handle = nextHandle();
    auto entry = std::make_shared<Entry>();
    entry->object = std::move(object);
    std::unique_lock lock(mutex_);
    objects_.emplace(handle, std::move(entry));
    return handle;
  }

  /// The object, for calls any number of threads may make at once.
  std::shared_ptr<T> get(jlong handle) const { return entry(handle)->object; }

  /// The object, for one thread's call at a time; a second concurrent call is refused.
  Lease lease(jlong handle) const { return Lease(entry(handle), kind_, handle); }

  /// The object, or null when the handle names none (for calls where that is no error).
  std::shared_ptr<T> find(jlong handle) const {
    std::shared_lock lock(mutex_);
    const auto found = objects_.find(handle);
    return found == objects_.end() ? nullptr : found->second->object;
  }

  /// Removes the object; its last owner (this, or a call still under way) releases it.
  void remove(jlong handle) {
    std::shared_ptr<Entry> removed;  // released after the lock
    std::unique_lock lock(mutex_);
    const auto found = objects_.find(handle);
    if (found == objects_.end()) {
      throw stale(handle);
    }
    removed = std::move(found->second);
    objects_.erase(found);
  }

 private:
  // One sequence for every registry (a namespace-scope counter: a static inside this
  // template would be one per kind), so a handle of one kind is never valid as another.
  static jlong nextHandle() { return nextHandleId.fetch_add(1, std::memory_order_relaxed); }

  StaleHandle stale(jlong handle) const {
    return StaleHandle(std::string(kind_) + " handle " + std::to_string(handle) +
                       " is closed or invalid");
  }

  std::shared_ptr<Entry> entry(jlong handle) const {
    std::shared_lock lock(mutex_);
    const auto found = objects_.find(handle);
    if (found == objects_.end()) {
      throw stale(handle);
    }
    return found->second;
  }

  const char* kind_;
  mutable std::shared_mutex mutex_;
  std::unordered_map<jlong, std::shared_ptr<Entry>> objects_;
};

}  // namespace kafkanative::jni
