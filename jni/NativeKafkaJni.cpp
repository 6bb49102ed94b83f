// The JNI entry points of io.kafkanative.jmeter.core.NativeKafka: convert, call the core,
// convert back. Every entry point runs inside `guarded`, so no C++ exception reaches the JVM.
#include <jni.h>

#include <array>
#include <vector>

#include "ConsumerLayout.hpp"
#include "HandleRegistry.hpp"
#include "JniBytes.hpp"
#include "JniErrors.hpp"
#include "OutcomeLayout.hpp"
#include "SettingsLayout.hpp"
#include "io_kafkanative_jmeter_core_NativeKafka.h"
#include "kafkanative/Connection.hpp"
#include "kafkanative/ConsumerSession.hpp"
#include "kafkanative/GroupLagReader.hpp"
#include "kafkanative/NativeLog.hpp"
#include "kafkanative/ProducerSession.hpp"

using kafkanative::Connection;
using kafkanative::ConsumerSession;
using kafkanative::GroupLagReader;
using kafkanative::KafkaError;
using kafkanative::ProducerSession;
using namespace kafkanative::jni;

namespace {

HandleRegistry<Connection> connections("connection");
HandleRegistry<ProducerSession> producers("producer");
HandleRegistry<ConsumerSession> consumers("consumer");
HandleRegistry<GroupLagReader> lagReaders("group lag reader");

/// Closes the object behind `handle` (a stale handle is refused as everywhere).
template <class T>
void closeHandle(JNIEnv* env, HandleRegistry<T>& registry, jlong handle) {
  guarded<int>(env, 0, [&] {
    registry.remove(handle);
    return 0;
  });
}

/// Slots of the `long[]` a lag reading fills; mirrored by GroupLagReading.java.
enum LagSlot : jsize {
  kLag,
  kEndOffsets,
  kCommitted,
  kPartitions,
  kUncommitted,
  kLagElapsedMicros,
  kLagSlots
};

std::map<std::string, std::string> propertiesFrom(JNIEnv* env, jobjectArray pairs) {
  std::map<std::string, std::string> properties;
  if (pairs == nullptr) {
    return properties;
  }
  const jsize length = env->GetArrayLength(pairs);
  if (length % 2 != 0) {
    throw KafkaError::invalidArgument("properties: expected name/value pairs");
  }
  for (jsize i = 0; i < length; i += 2) {
    auto name = static_cast<jbyteArray>(env->GetObjectArrayElement(pairs, i));
    auto value = static_cast<jbyteArray>(env->GetObjectArrayElement(pairs, i + 1));
    properties[fromBytes(env, name, "property name")] = fromBytes(env, value, "property value");
    env->DeleteLocalRef(name);
    env->DeleteLocalRef(value);
  }
  return properties;
}

jobjectArray toByteArrays(JNIEnv* env, const std::vector<std::string>& texts) {
  jclass byteArray = env->FindClass("[B");
  if (byteArray == nullptr) {
    throw JavaExceptionPending{};
  }
  jobjectArray result = env->NewObjectArray(static_cast<jsize>(texts.size()), byteArray, nullptr);
  if (result == nullptr) {
    throw JavaExceptionPending{};
  }
  for (std::size_t i = 0; i < texts.size(); ++i) {
    jbyteArray bytes = toBytes(env, texts[i]);
    if (bytes == nullptr) {
      throw JavaExceptionPending{};
    }
    env->SetObjectArrayElement(result, static_cast<jsize>(i), bytes);
    env->DeleteLocalRef(bytes);
  }
  return result;
}

// Checked before sending, so a bad array never costs a sample its outcome.
void checkOutcomeArray(JNIEnv* env, jlongArray outcome, jsize slots = kOutcomeSlots) {
  if (outcome == nullptr || env->GetArrayLength(outcome) < slots) {
    throw KafkaError::invalidArgument("outcome: needs " + std::to_string(slots) + " slots");
  }
}

/// Fills `target` and returns null, or {error name, error message} when the outcome failed.
jobjectArray reportOutcome(JNIEnv* env, jlongArray target,
                           const kafkanative::ProduceOutcome& outcome) {
  writeOutcome(env, target, outcome);
  if (outcome.errorName.empty()) {
    return static_cast<jobjectArray>(nullptr);
  }
  return toByteArrays(env, {outcome.errorName, outcome.errorMessage});
}

}  // namespace

extern "C" {

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) != JNI_OK ||
      !cacheExceptionClasses(env)) {
    return JNI_ERR;
  }
  return JNI_VERSION_1_8;
}

JNIEXPORT void JNICALL JNI_OnUnload(JavaVM* vm, void*) {
  JNIEnv* env = nullptr;
  if (vm->GetEnv(reinterpret_cast<void**>(&env), JNI_VERSION_1_8) == JNI_OK) {
    releaseExceptionClasses(env);
  }
}

JNIEXPORT jlong JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_crossings0(JNIEnv*, jclass) {
  return static_cast<jlong>(jniCrossings.load(std::memory_order_relaxed));
}

JNIEXPORT jbyteArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_engineName0(JNIEnv* env,
                                                                                     jclass) {
  return guarded<jbyteArray>(env, nullptr, [&] {
    jbyteArray name = toBytes(env, Connection::engineName());
    if (name == nullptr) {
      throw JavaExceptionPending{};
    }
    return name;
  });
}

JNIEXPORT jlong JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_openConnection0(
    JNIEnv* env, jclass, jbyteArray bootstrap, jobjectArray properties, jlong flushTimeoutMs,
    jbyteArray statisticsFile) {
  return guarded<jlong>(env, 0, [&] {
    if (flushTimeoutMs < 0) {
      throw KafkaError::invalidArgument("flush timeout: must not be negative");
    }
    kafkanative::ConnectionConfig config;
    config.bootstrapServers = fromBytes(env, bootstrap, "bootstrap servers");
    config.properties = propertiesFrom(env, properties);
    config.flushTimeout = std::chrono::milliseconds(flushTimeoutMs);
    config.statisticsFile = fromBytes(env, statisticsFile, "statistics file");
    return connections.add(Connection::open(config));
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_closeConnection0(
    JNIEnv* env, jclass, jlong connection) {
  guarded<int>(env, 0, [&] {
    connections.remove(connection);
    return 0;
  });
}

JNIEXPORT jbyteArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_connectionSummary0(
    JNIEnv* env, jclass, jlong connection, jint form) {
  return guarded<jbyteArray>(env, nullptr, [&] {
    const auto target = connections.get(connection);
    // The forms of NativeKafka.SummaryForm, in order.
    const std::string text = form == 0   ? target->summaryJson()
                             : form == 1 ? target->summaryText()
                             : form == 2 ? target->liveFigures()
                                         : target->liveSeconds();
    jbyteArray summary = toBytes(env, text);
    if (summary == nullptr) {
      throw JavaExceptionPending{};
    }
    return summary;
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_scheduleFaults0(
    JNIEnv* env, jclass, jlong connection, jbyteArray schedule) {
  guarded<int>(env, 0, [&] {
    connections.get(connection)->scheduleFaults(fromBytes(env, schedule, "fault schedule"));
    return 0;
  });
}

JNIEXPORT jlong JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_openProducer0(
    JNIEnv* env, jclass, jlong connection, jobjectArray texts, jlongArray numbers,
    jdouble ratePerSecond) {
  return guarded<jlong>(env, 0, [&] {
    const auto settings = readSettings(env, texts, numbers, ratePerSecond);
    return producers.add(std::make_shared<ProducerSession>(connections.get(connection), settings));
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_interrupt0(JNIEnv* env, jclass,
                                                                              jlong handle) {
  guarded<int>(env, 0, [&] {
    // Either kind of session; a handle already closed has nothing left to interrupt.
    if (const auto producer = producers.find(handle)) {
      producer->interrupt();
    } else if (const auto consumer = consumers.find(handle)) {
      consumer->interrupt();
    }
    return 0;
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_closeProducer0(JNIEnv* env,
                                                                                  jclass,
                                                                                  jlong producer) {
  closeHandle(env, producers, producer);
}

JNIEXPORT jobjectArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_produce0(
    JNIEnv* env, jclass, jlong producer, jint messages, jlongArray outcome) {
  return guarded<jobjectArray>(env, nullptr, [&] {
    checkOutcomeArray(env, outcome);
    // A negative count becomes a huge one, which the session refuses with a clear message.
    return reportOutcome(env, outcome,
                         producers.lease(producer)->produce(static_cast<std::uint32_t>(messages)));
  });
}

JNIEXPORT jobjectArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_finish0(
    JNIEnv* env, jclass, jlong producer, jlongArray outcome) {
  return guarded<jobjectArray>(env, nullptr, [&] {
    checkOutcomeArray(env, outcome);
    return reportOutcome(env, outcome, producers.lease(producer)->finish());
  });
}

JNIEXPORT jlong JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_openConsumer0(
    JNIEnv* env, jclass, jlong connection, jobjectArray texts, jlongArray numbers) {
  return guarded<jlong>(env, 0, [&] {
    const auto settings = readConsumerSettings(env, texts, numbers);
    return consumers.add(std::make_shared<ConsumerSession>(connections.get(connection), settings));
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_closeConsumer0(JNIEnv* env,
                                                                                  jclass,
                                                                                  jlong consumer) {
  closeHandle(env, consumers, consumer);
}

JNIEXPORT jobjectArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_consume0(
    JNIEnv* env, jclass, jlong consumer, jint maxMessages, jlong timeoutMs, jlongArray outcome) {
  return guarded<jobjectArray>(env, nullptr, [&]() -> jobjectArray {
    checkOutcomeArray(env, outcome, kConsumeSlots);
    if (maxMessages <= 0 || timeoutMs < 0) {
      throw KafkaError::invalidArgument(
          "messages per sample must be at least 1 and the poll timeout not negative");
    }
    const auto result = consumers.lease(consumer)->poll(static_cast<std::uint32_t>(maxMessages),
                                                        std::chrono::milliseconds(timeoutMs));
    writeConsumeOutcome(env, outcome, result);
    // Texts cross only when there is something to say, so a clean poll allocates nothing; the
    // order is ConsumeOutcome.java's.
    if (result.errorName.empty() && result.verificationProblem.empty() && result.lastKey.empty() &&
        result.lastValue.empty() && result.lastHeaders.empty() && result.decodeProblem.empty()) {
      return nullptr;
    }
    return toByteArrays(
        env, {result.errorName, result.errorMessage, result.verificationProblem, result.lastKey,
              result.lastValue, result.lastHeaders, result.decodeProblem});
  });
}

// texts: the group id, then its topics.
JNIEXPORT jlong JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_openLagReader0(
    JNIEnv* env, jclass, jlong connection, jobjectArray texts) {
  return guarded<jlong>(env, 0, [&] {
    const jsize count = texts == nullptr ? 0 : env->GetArrayLength(texts);
    if (count < 1) {
      throw KafkaError::invalidArgument("group lag settings: malformed");
    }
    std::vector<std::string> topics;
    for (jsize i = 1; i < count; ++i) {
      topics.push_back(textAt(env, texts, i, "topic"));
    }
    return lagReaders.add(std::make_shared<GroupLagReader>(
        connections.get(connection), textAt(env, texts, 0, "group id"), std::move(topics)));
  });
}

JNIEXPORT void JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_closeLagReader0(JNIEnv* env,
                                                                                   jclass,
                                                                                   jlong reader) {
  closeHandle(env, lagReaders, reader);
}

JNIEXPORT jobjectArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_readLag0(
    JNIEnv* env, jclass, jlong reader, jlong timeoutMs, jlongArray reading) {
  return guarded<jobjectArray>(env, nullptr, [&]() -> jobjectArray {
    checkOutcomeArray(env, reading, kLagSlots);
    if (timeoutMs <= 0) {
      throw KafkaError::invalidArgument("timeout: must be at least 1 ms");
    }
    const auto lag = lagReaders.lease(reader)->read(std::chrono::milliseconds(timeoutMs));
    const std::array<jlong, kLagSlots> slots{lag.lag,        lag.endOffsets,  lag.committed,
                                             lag.partitions, lag.uncommitted, lag.elapsedMicros};
    env->SetLongArrayRegion(reading, 0, kLagSlots, slots.data());
    return lag.errorName.empty() ? nullptr : toByteArrays(env, {lag.errorName, lag.errorMessage});
  });
}

JNIEXPORT jobjectArray JNICALL Java_io_kafkanative_jmeter_core_NativeKafka_drainLog0(JNIEnv* env,
                                                                                     jclass) {
  return guarded<jobjectArray>(env, nullptr, [&] {
    std::vector<std::string> lines;
    for (auto& line : kafkanative::NativeLog::drain()) {
      const char level = line.level == kafkanative::LogLine::Level::kError     ? 'E'
                         : line.level == kafkanative::LogLine::Level::kWarning ? 'W'
                         : line.level == kafkanative::LogLine::Level::kInfo    ? 'I'
                                                                               : 'D';
      lines.push_back(level + std::move(line.text));
    }
    return toByteArrays(env, lines);
  });
}

}  // extern "C"
