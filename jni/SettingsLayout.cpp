#include "SettingsLayout.hpp"

#include <array>
#include <limits>
#include <sstream>

#include "JniBytes.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative::jni {

namespace {

jlong inRange(jlong value, jlong low, jlong high, const char* what) {
  if (value < low || value > high) {
    throw KafkaError::invalidArgument(std::string(what) + ": must be from " + std::to_string(low) +
                                      " to " + std::to_string(high));
  }
  return value;
}

}  // namespace

SchemaSettings readSchema(JNIEnv* env, jobjectArray texts, jsize firstText, jlong format,
                          jlong strategy, const char* what) {
  const std::string name(what);
  SchemaSettings settings;
  settings.format = static_cast<MessageFormat>(inRange(
      format, 0, static_cast<jlong>(MessageFormat::kJsonSchema), (name + " format").c_str()));
  settings.strategy = static_cast<SubjectStrategy>(
      inRange(strategy, 0, static_cast<jlong>(SubjectStrategy::kTopicRecordName),
              (name + " subject strategy").c_str()));
  settings.schemaFile = textAt(env, texts, firstText, (name + " schema file").c_str());
  settings.subject = textAt(env, texts, firstText + 1, (name + " subject").c_str());
  settings.version = textAt(env, texts, firstText + 2, (name + " schema version").c_str());
  settings.messageName = textAt(env, texts, firstText + 3, (name + " message name").c_str());
  std::stringstream folders(textAt(env, texts, firstText + 4, "schema folders"));
  for (std::string folder; std::getline(folders, folder);) {
    if (!folder.empty()) {
      settings.schemaFolders.push_back(folder);
    }
  }
  return settings;
}

ProducerSettings readSettings(JNIEnv* env, jobjectArray texts, jlongArray numbers,
                              jdouble ratePerSecond) {
  if (texts == nullptr || numbers == nullptr || env->GetArrayLength(texts) < kTexts ||
      (env->GetArrayLength(texts) - kTexts) % 2 != 0 || env->GetArrayLength(numbers) != kNumbers) {
    throw KafkaError::invalidArgument("producer settings: malformed");
  }
  std::array<jlong, kNumbers> number{};
  env->GetLongArrayRegion(numbers, 0, kNumbers, number.data());
  constexpr jlong kMaxInt = std::numeric_limits<std::int32_t>::max();

  ProducerSettings settings;
  settings.topic = textAt(env, texts, kTopic, "topic");
  settings.keyTemplate = textAt(env, texts, kKeyTemplate, "key template");
  settings.valueTemplate = textAt(env, texts, kValueTemplate, "value template");
  settings.statsName = textAt(env, texts, kStatsName, "sampler name");
  settings.rateGroup = textAt(env, texts, kRateGroup, "rate group");
  settings.payloadFile = textAt(env, texts, kPayloadFile, "payload file");
  for (jsize i = kTexts; i < env->GetArrayLength(texts); i += 2) {
    settings.headers.push_back(
        {textAt(env, texts, i, "header name"), textAt(env, texts, i + 1, "header value")});
  }
  settings.valueSize =
      static_cast<std::size_t>(inRange(number[kValueSize], 0, kMaxInt, "value size"));
  settings.partitioning = static_cast<Partitioning>(
      inRange(number[kPartitioning], 0, static_cast<jlong>(Partitioning::kByKey), "partitioning"));
  settings.partition =
      static_cast<std::int32_t>(inRange(number[kPartition], 0, kMaxInt, "partition"));
  settings.mode = static_cast<DeliveryMode>(
      inRange(number[kMode], 0, static_cast<jlong>(DeliveryMode::kTrack), "delivery mode"));
  settings.stampHeaders = number[kStampHeaders] != 0;
  settings.thread = static_cast<std::uint32_t>(inRange(number[kThread], 0, kMaxInt, "thread"));
  settings.payloadRandom = number[kPayloadRandom] != 0;
  settings.dedicatedClient = number[kDedicatedClient] != 0;
  settings.ratePerSecond = ratePerSecond;
  settings.keySchema =
      readSchema(env, texts, kKeySchemaFile, number[kKeyFormat], number[kKeyFormat + 1], "key");
  settings.valueSchema = readSchema(env, texts, kValueSchemaFile, number[kValueFormat],
                                    number[kValueFormat + 1], "value");
  return settings;
}

}  // namespace kafkanative::jni
