#include "TopicMetadata.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cctype>
#include <thread>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative::TopicMetadata {

namespace {

constexpr std::size_t kMaxTopicLength = 249;

/// Whether a topic's metadata error means "not ready yet": a topic being created (by the
/// broker's auto-creation or an admin) has no leader for a moment, and librdkafka itself
/// waits for one before sending.
bool isTransient(rd_kafka_resp_err_t error) {
  return error == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE ||
         error == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
}

}  // namespace

void validateName(const std::string& topic, const std::string& what) {
  if (topic.empty()) {
    throw KafkaError::invalidArgument(what + ": must not be empty");
  }
  if (topic.size() > kMaxTopicLength) {
    throw KafkaError::invalidArgument(what + ": longer than 249 characters");
  }
  const auto legal = [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
  };
  if (!std::all_of(topic.begin(), topic.end(), legal) || topic == "." || topic == "..") {
    throw KafkaError::invalidArgument(what + ": '" + topic +
                                      "' may only contain letters, digits, '.', '_' and '-'");
  }
}

/// The topic's partition count, asking again while it is not ready, until `timeout`.
std::int32_t partitionCount(rd_kafka_t* handle, rd_kafka_topic_t* topic,
                            std::chrono::milliseconds timeout) {
  constexpr std::chrono::milliseconds kRetryBackoff{100};
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    const rd_kafka_metadata_t* metadata = nullptr;
    const auto error = rd_kafka_metadata(handle, 0, topic, &metadata,
                                         static_cast<int>(std::max<std::int64_t>(1, left.count())));
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      throw KafkaError(rd_kafka_err2name(error),
                       std::string("topic '") + rd_kafka_topic_name(topic) +
                           "': no partition count: " + rd_kafka_err2str(error));
    }
    const auto& described = metadata->topics[0];
    const auto topicError = described.err;
    const int count = described.partition_cnt;
    rd_kafka_metadata_destroy(metadata);
    if (topicError == RD_KAFKA_RESP_ERR_NO_ERROR && count > 0) {
      return count;
    }
    if (!isTransient(topicError) || std::chrono::steady_clock::now() + kRetryBackoff > deadline) {
      throw KafkaError(rd_kafka_err2name(topicError), std::string("topic '") +
                                                          rd_kafka_topic_name(topic) +
                                                          "': " + rd_kafka_err2str(topicError));
    }
    std::this_thread::sleep_for(kRetryBackoff);
  }
}

}  // namespace kafkanative::TopicMetadata
