#pragma once

#include <jni.h>

#include "kafkanative/ProducerSettings.hpp"

namespace kafkanative::jni {

/// Positions of the producer settings Java passes as one `byte[][]` of UTF-8 texts and one
/// `long[]` of numbers; mirrored by ProducerConfig.java. Header name/value pairs follow the
/// fixed texts.
enum SettingsText : jsize {
  kTopic,
  kKeyTemplate,
  kValueTemplate,
  kStatsName,
  kRateGroup,
  kPayloadFile,
  kTexts
};
enum SettingsNumber : jsize {
  kValueSize,
  kPartitioning,
  kPartition,
  kMode,
  kStampHeaders,
  kThread,
  kPayloadRandom,
  kDedicatedClient,
  kNumbers
};

/// Reads and range-checks the settings; throws KafkaError naming the bad field.
ProducerSettings readSettings(JNIEnv* env, jobjectArray texts, jlongArray numbers,
                              jdouble ratePerSecond);

}  // namespace kafkanative::jni
