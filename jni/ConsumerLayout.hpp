#pragma once

#include <jni.h>

#include "SettingsLayout.hpp"
#include "kafkanative/ConsumeOutcome.hpp"
#include "kafkanative/ConsumerSettings.hpp"

namespace kafkanative::jni {

/// Consumer settings as Java passes them: a `byte[][]` of UTF-8 texts (the fixed ones, then
/// the topics, then the assigned partitions' topics) and a `long[]` of numbers (the fixed ones,
/// then partition and offset of each assignment); mirrored by ConsumerConfig.java. The output
/// topic is empty except for a Kafka Processor.
enum ConsumerText : jsize {
  kGroupId,
  kAutoOffsetReset,
  kConsumerStatsName,
  kOutputTopic,
  kOutputValueTemplate,
  kConsumerValueSchema,  ///< then the value's other schema texts (see readSchema)
  kConsumerTexts = kConsumerValueSchema + kSchemaTexts
};
enum ConsumerNumber : jsize {
  kCommitMode,
  kLastMessageBytes,
  kTopicCount,
  kAssignmentCount,
  kExactlyOnce,
  kConsumerThread,
  kStampsFrom,
  kKeepHeaders,
  kTopicWaitMillis,
  kConsumerValueFormat,  ///< then the value's subject strategy
  kConsumerNumbers = kConsumerValueFormat + 2
};

/// Slots of the `long[]` a consume call fills; mirrored by ConsumeOutcome.java.
enum ConsumeSlot : jsize {
  kMessages,
  kBytes,
  kConsumeElapsedMicros,
  kFirstMessageMicros,
  kMaxEndToEndMicros,
  kMaxLag,
  kMissing,
  kDuplicates,
  kReordered,
  kLastValueBytes,
  kForwarded,
  kForwardMicros,
  kUndecodable,
  kConsumeSlots
};

/// Reads and range-checks the settings; throws KafkaError naming the bad field.
ConsumerSettings readConsumerSettings(JNIEnv* env, jobjectArray texts, jlongArray numbers);

/// Writes the numeric part of `outcome` into `target` in one crossing.
void writeConsumeOutcome(JNIEnv* env, jlongArray target, const ConsumeOutcome& outcome);

}  // namespace kafkanative::jni
