#include "ConsumerLayout.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <vector>

#include "JniBytes.hpp"
#include "SettingsLayout.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative::jni {

ConsumerSettings readConsumerSettings(JNIEnv* env, jobjectArray texts, jlongArray numbers) {
  const jsize textCount = texts == nullptr ? 0 : env->GetArrayLength(texts);
  const jsize numberCount = numbers == nullptr ? 0 : env->GetArrayLength(numbers);
  if (textCount < kConsumerTexts || numberCount < kConsumerNumbers) {
    throw KafkaError::invalidArgument("consumer settings: malformed");
  }
  std::vector<jlong> number(static_cast<std::size_t>(numberCount));
  env->GetLongArrayRegion(numbers, 0, numberCount, number.data());
  const jlong topics = number[kTopicCount];
  const jlong assignments = number[kAssignmentCount];
  if (topics < 0 || assignments < 0 || textCount != kConsumerTexts + topics + assignments ||
      numberCount != kConsumerNumbers + 2 * assignments || number[kCommitMode] < 0 ||
      number[kCommitMode] > static_cast<jlong>(CommitMode::kNone) || number[kStampsFrom] < 0 ||
      number[kStampsFrom] > static_cast<jlong>(StampSource::kKey)) {
    throw KafkaError::invalidArgument("consumer settings: malformed");
  }
  ConsumerSettings settings;
  settings.groupId = textAt(env, texts, kGroupId, "group id");
  settings.autoOffsetReset = textAt(env, texts, kAutoOffsetReset, "auto offset reset");
  settings.statsName = textAt(env, texts, kConsumerStatsName, "sampler name");
  settings.commit = static_cast<CommitMode>(number[kCommitMode]);
  settings.forward.topic = textAt(env, texts, kOutputTopic, "output topic");
  settings.forward.valueTemplate =
      textAt(env, texts, kOutputValueTemplate, "output value template");
  settings.forward.exactlyOnce = number[kExactlyOnce] != 0;
  settings.stampsFrom = static_cast<StampSource>(number[kStampsFrom]);
  settings.topicWait = std::chrono::milliseconds(std::max<jlong>(0, number[kTopicWaitMillis]));
  settings.forward.keepHeaders = number[kKeepHeaders] != 0;
  settings.forward.thread =
      static_cast<std::uint32_t>(std::clamp<jlong>(number[kConsumerThread], 0, UINT32_MAX));
  // Negative: the whole message (a variable needs all of it; response data only a glimpse).
  settings.lastMessageBytes = number[kLastMessageBytes] < 0
                                  ? SIZE_MAX
                                  : static_cast<std::size_t>(number[kLastMessageBytes]);
  settings.valueSchema = readSchema(env, texts, kConsumerValueSchema, number[kConsumerValueFormat],
                                    number[kConsumerValueFormat + 1], "value");
  jsize text = kConsumerTexts;
  for (jlong i = 0; i < topics; ++i) {
    settings.topics.push_back(textAt(env, texts, text++, "topic"));
  }
  for (jlong i = 0; i < assignments; ++i) {
    const jlong partition = number[static_cast<std::size_t>(kConsumerNumbers + 2 * i)];
    if (partition < 0 || partition > INT32_MAX) {
      throw KafkaError::invalidArgument("partitions: partition numbers are 0 or more");
    }
    settings.assignments.push_back(
        {textAt(env, texts, text++, "assigned topic"), static_cast<std::int32_t>(partition),
         number[static_cast<std::size_t>(kConsumerNumbers + 2 * i + 1)]});
  }
  return settings;
}

void writeConsumeOutcome(JNIEnv* env, jlongArray target, const ConsumeOutcome& outcome) {
  std::array<jlong, kConsumeSlots> slots{};
  slots[kMessages] = outcome.messages;
  slots[kBytes] = static_cast<jlong>(outcome.bytes);
  slots[kConsumeElapsedMicros] = outcome.elapsedMicros;
  slots[kFirstMessageMicros] = outcome.firstMessageMicros;
  slots[kMaxEndToEndMicros] = outcome.maxEndToEndMicros;
  slots[kMaxLag] = outcome.maxLag;
  slots[kMissing] = static_cast<jlong>(outcome.missing);
  slots[kDuplicates] = static_cast<jlong>(outcome.duplicates);
  slots[kReordered] = static_cast<jlong>(outcome.reordered);
  slots[kLastValueBytes] = static_cast<jlong>(outcome.lastValueBytes);
  slots[kForwarded] = outcome.forwarded;
  slots[kForwardMicros] = outcome.forwardMicros;
  slots[kUndecodable] = outcome.undecodable;
  env->SetLongArrayRegion(target, 0, kConsumeSlots, slots.data());
}

}  // namespace kafkanative::jni
