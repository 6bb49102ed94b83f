#pragma once

#include <string>

#include "kafkanative/KafkaError.hpp"
#include "kafkanative/SchemaSettings.hpp"

namespace kafkanative {

/// The registry subject a key's or value's schema lives under (Confluent's naming strategies).
struct SubjectName {
  /// `recordName`: the schema's full record name, empty when not known yet.
  static std::string of(const SchemaSettings& settings, const std::string& topic, bool key,
                        const std::string& recordName) {
    if (!settings.subject.empty()) {
      return settings.subject;
    }
    if (settings.strategy == SubjectStrategy::kTopicName) {
      return topic + (key ? "-key" : "-value");
    }
    if (recordName.empty()) {
      throw KafkaError::invalidArgument(
          std::string(key ? "key" : "value") +
          " schema: the record-name strategies need the schema's record name: give the schema "
          "file, or the subject itself");
    }
    return settings.strategy == SubjectStrategy::kRecordName ? recordName
                                                             : topic + "-" + recordName;
  }
};

}  // namespace kafkanative
