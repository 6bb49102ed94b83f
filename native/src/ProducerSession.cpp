#include "kafkanative/ProducerSession.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cctype>
#include <optional>
#include <thread>

#include "DeliveryBatch.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

constexpr std::size_t kMaxTopicLength = 249;
constexpr std::chrono::milliseconds kQueueFullBackoff{1};
// A sample's wait outlives librdkafka's own delivery timeout by this much before giving up.
constexpr std::chrono::milliseconds kReportGrace{5000};

void validateTopic(const std::string& topic) {
  if (topic.empty()) {
    throw KafkaError::invalidArgument("topic: must not be empty");
  }
  if (topic.size() > kMaxTopicLength) {
    throw KafkaError::invalidArgument("topic: longer than 249 characters");
  }
  const auto legal = [](unsigned char c) {
    return std::isalnum(c) != 0 || c == '.' || c == '_' || c == '-';
  };
  if (!std::all_of(topic.begin(), topic.end(), legal) || topic == "." || topic == "..") {
    throw KafkaError::invalidArgument("topic: '" + topic +
                                      "' may only contain letters, digits, '.', '_' and '-'");
  }
}

}  // namespace

ProducerSession::ProducerSession(std::shared_ptr<Connection> connection,
                                 const ProducerSettings& settings)
    : connection_(std::move(connection)),
      key_(settings.keyTemplate, 0, "key template"),
      value_(settings.valueTemplate, settings.valueSize, "value template") {
  validateTopic(settings.topic);
  topic_ = rd_kafka_topic_new(connection_->handle(), settings.topic.c_str(), nullptr);
  if (topic_ == nullptr) {
    const auto error = rd_kafka_last_error();
    throw KafkaError(rd_kafka_err2name(error),
                     "topic '" + settings.topic + "': " + rd_kafka_err2str(error));
  }
}

ProducerSession::~ProducerSession() { rd_kafka_topic_destroy(topic_); }

ProduceOutcome ProducerSession::produce(std::uint32_t messages) {
  if (messages == 0 || messages > kMaxMessagesPerSample) {
    throw KafkaError::invalidArgument("messages per sample: must be from 1 to " +
                                      std::to_string(kMaxMessagesPerSample));
  }
  auto* batch = new DeliveryBatch(messages, connection_->stats());
  for (std::uint32_t i = 0; i < messages; ++i) {
    const int error = enqueue(batch);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      // Later messages would be refused for the same reason (size, unknown topic, full queue).
      batch->onNotSent(messages - i, static_cast<rd_kafka_resp_err_t>(error));
      break;
    }
    batch->onSent();
  }
  ProduceOutcome outcome = batch->await(connection_->deliveryTimeout() + kReportGrace);
  batch->releaseWaiter();
  if (!outcome.errorName.empty()) {
    // Says why, e.g. "Connect to ipv4#127.0.0.1:1 failed: Connection refused".
    if (const std::string clientError = connection_->lastClientError(); !clientError.empty()) {
      outcome.errorMessage += "; last client error: " + clientError;
    }
  }
  return outcome;
}

int ProducerSession::enqueue(void* batch) {
  const std::uint64_t seq = sequence_++;
  value_.render(seq, valueBuffer_);
  if (!key_.empty()) {
    key_.render(seq, keyBuffer_);
  }
  std::optional<std::chrono::steady_clock::time_point> deadline;
  while (true) {
    const int result =
        rd_kafka_produce(topic_, RD_KAFKA_PARTITION_UA, RD_KAFKA_MSG_F_COPY, valueBuffer_.data(),
                         valueBuffer_.size(), key_.empty() ? nullptr : keyBuffer_.data(),
                         key_.empty() ? 0 : keyBuffer_.size(), batch);
    if (result == 0) {
      return RD_KAFKA_RESP_ERR_NO_ERROR;
    }
    const auto error = rd_kafka_last_error();
    const auto now = std::chrono::steady_clock::now();
    if (!deadline) {
      deadline = now + connection_->deliveryTimeout();
    }
    if (error != RD_KAFKA_RESP_ERR__QUEUE_FULL || now > *deadline) {
      return error;
    }
    // The poller thread drains the queue; back off instead of spinning on a core.
    connection_->stats().queueFullRetries.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::sleep_for(kQueueFullBackoff);
  }
}

}  // namespace kafkanative
