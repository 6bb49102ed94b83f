#pragma once

#include <stdexcept>
#include <string>

namespace kafkanative {

/// An error raised by the core: a librdkafka error name (e.g. "_MSG_TIMED_OUT",
/// "_INVALID_ARG") and a human-readable message. The JNI bridge turns it into a
/// KafkaNativeException carrying both.
class KafkaError : public std::runtime_error {
 public:
  KafkaError(std::string name, const std::string& message)
      : std::runtime_error(message), name_(std::move(name)) {}

  /// An invalid argument or configuration given by the user.
  static KafkaError invalidArgument(const std::string& message) {
    return KafkaError("_INVALID_ARG", message);
  }

  const std::string& name() const noexcept { return name_; }

 private:
  std::string name_;
};

}  // namespace kafkanative
