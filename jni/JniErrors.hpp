#pragma once

#include <jni.h>

#include <atomic>
#include <cstdint>
#include <new>
#include <utility>

#include "HandleRegistry.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative::jni {

/// Caches the exception classes once per JVM (JNI_OnLoad) and releases them (JNI_OnUnload).
bool cacheExceptionClasses(JNIEnv* env);
void releaseExceptionClasses(JNIEnv* env);

void throwKafkaNativeException(JNIEnv* env, const std::string& name, const std::string& message);
void throwIllegalState(JNIEnv* env, const char* message);
void throwOutOfMemory(JNIEnv* env, const char* message);

/// Thrown when a Java exception is already pending (e.g. from a failed JNI allocation), so
/// `guarded` returns without throwing another.
struct JavaExceptionPending {};

/// How many times Java called into the library (every entry point runs through `guarded`):
/// a debug counter, so benchmarks can show one crossing per sample.
inline std::atomic<std::uint64_t> jniCrossings{0};

/// Runs `body` and turns any C++ exception into a pending Java exception, returning
/// `fallback` then: no C++ exception ever unwinds through a JNI frame.
template <typename Result, typename Body>
Result guarded(JNIEnv* env, Result fallback, Body&& body) noexcept {
  jniCrossings.fetch_add(1, std::memory_order_relaxed);
  try {
    return std::forward<Body>(body)();
  } catch (const JavaExceptionPending&) {
    // The JVM already holds the exception to throw.
  } catch (const KafkaError& error) {
    throwKafkaNativeException(env, error.name(), error.what());
  } catch (const HandleMisuse& error) {  // stale, forged or shared across threads
    throwIllegalState(env, error.what());
  } catch (const std::bad_alloc&) {
    throwOutOfMemory(env, "native allocation failed");
  } catch (const std::exception& error) {
    throwKafkaNativeException(env, "_FAIL", error.what());
  } catch (...) {
    throwKafkaNativeException(env, "_FAIL", "unknown native error");
  }
  return fallback;
}

}  // namespace kafkanative::jni
