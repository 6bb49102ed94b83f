#pragma once

#include <jni.h>

#include "kafkanative/ProducerSettings.hpp"

namespace kafkanative::jni {

/// Positions of the producer settings Java passes as one `byte[][]` of UTF-8 texts and one
/// `long[]` of numbers; mirrored by ProducerConfig.java. Header name/value pairs follow the
/// fixed texts.
/// The texts of a key's or value's schema settings: file, subject, version, message name,
/// schema folders (one per line).
inline constexpr jsize kSchemaTexts = 5;

enum SettingsText : jsize {
  kTopic,
  kKeyTemplate,
  kValueTemplate,
  kStatsName,
  kRateGroup,
  kPayloadFile,
  kKeySchemaFile,  ///< then the key's other schema texts (see readSchema)
  kValueSchemaFile = kKeySchemaFile + kSchemaTexts,
  kTexts = kValueSchemaFile + kSchemaTexts
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
  kKeyFormat,  ///< then the key's subject strategy
  kValueFormat = kKeyFormat + 2,
  kNumbers = kValueFormat + 2
};

/// A key's or value's schema settings: kSchemaTexts texts from `firstText` (schema file,
/// subject, version, message name, schema folders) and two numbers (format, subject strategy), as
/// SchemaConfig.java writes them.
SchemaSettings readSchema(JNIEnv* env, jobjectArray texts, jsize firstText, jlong format,
                          jlong strategy, const char* what);

/// Reads and range-checks the settings; throws KafkaError naming the bad field.
ProducerSettings readSettings(JNIEnv* env, jobjectArray texts, jlongArray numbers,
                              jdouble ratePerSecond);

}  // namespace kafkanative::jni
