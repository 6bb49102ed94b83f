#include "Forwarder.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <map>
#include <thread>
#include <utility>

#include "DeliveryBatch.hpp"
#include "Engine.hpp"
#include "TopicMetadata.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

namespace {

constexpr std::chrono::milliseconds kMaxMetadataWait{10000};
// The wait for acknowledgements outlives librdkafka's own delivery timeout by this much.
constexpr std::chrono::milliseconds kReportGrace{5000};
constexpr std::chrono::milliseconds kBackoff{1};

/// A transactional id of its own for each processor session of this engine: two producers
/// with one id fence each other off.
std::string newTransactionalId() {
  static std::atomic<std::uint64_t> sessions{0};
  return "kn-processor-" + Engine::name() + "-" + std::to_string(sessions.fetch_add(1));
}

using PartitionList = std::unique_ptr<rd_kafka_topic_partition_list_t,
                                      decltype(&rd_kafka_topic_partition_list_destroy)>;

/// Per input partition, the offset of the first input (`first`) or the one after the last.
PartitionList offsetsOf(const std::vector<rd_kafka_message_t*>& inputs, bool first) {
  std::map<std::pair<std::string, std::int32_t>, std::int64_t> offsets;
  for (const rd_kafka_message_t* input : inputs) {
    const auto [entry, added] =
        offsets.try_emplace({rd_kafka_topic_name(input->rkt), input->partition},
                            first ? input->offset : input->offset + 1);
    entry->second =
        first ? std::min(entry->second, input->offset) : std::max(entry->second, input->offset + 1);
  }
  PartitionList list(rd_kafka_topic_partition_list_new(static_cast<int>(offsets.size())),
                     &rd_kafka_topic_partition_list_destroy);
  for (const auto& [partition, offset] : offsets) {
    rd_kafka_topic_partition_list_add(list.get(), partition.first.c_str(), partition.second)
        ->offset = offset;
  }
  return list;
}

void setError(ConsumeOutcome& outcome, const std::string& name, const std::string& message) {
  if (outcome.errorName.empty()) {
    outcome.errorName = name;
    outcome.errorMessage = message;
  }
}

/// Records `error` (and destroys it); true if there was none.
bool succeeded(rd_kafka_error_t* error, const char* what, ConsumeOutcome& outcome) {
  if (error == nullptr) {
    return true;
  }
  setError(
      outcome, rd_kafka_error_name(error),
      std::string(what) + ": " + rd_kafka_error_string(error) +
          (rd_kafka_error_is_fatal(error) ? " (fatal: the processor's producer is unusable)" : ""));
  rd_kafka_error_destroy(error);
  return false;
}

}  // namespace

Forwarder::Forwarder(std::shared_ptr<Connection> connection, const ForwardSettings& settings,
                     const std::string& statsName)
    : connection_(std::move(connection)),
      stats_(connection_->statsFor(statsName + " (output)")),
      settings_(settings),
      value_(settings.valueTemplate, 0, "output value template"),
      random_(0x9e3779b97f4a7c15ULL ^ settings.thread) {
  TopicMetadata::validateName(settings_.topic, "output topic");
  client_ = connection_->dedicatedHandle(true, settings_.exactlyOnce ? newTransactionalId() : "");
  try {
    topic_ = rd_kafka_topic_new(client_, settings_.topic.c_str(), nullptr);
    if (topic_ == nullptr) {
      const auto error = rd_kafka_last_error();
      throw KafkaError(rd_kafka_err2name(error),
                       "output topic '" + settings_.topic + "': " + rd_kafka_err2str(error));
    }
    const auto timeout = std::min(connection_->deliveryTimeout(), kMaxMetadataWait);
    partitions_ = TopicMetadata::partitionCount(client_, topic_, timeout);
    if (settings_.exactlyOnce) {
      ConsumeOutcome refused;
      if (!succeeded(rd_kafka_init_transactions(client_, static_cast<int>(timeout.count())),
                     "exactly-once: cannot start transactions", refused)) {
        throw KafkaError(refused.errorName, refused.errorMessage);
      }
    }
  } catch (...) {
    if (topic_ != nullptr) {
      rd_kafka_topic_destroy(topic_);
    }
    connection_->closeDedicated(client_);
    throw;
  }
  connection_->noteTopic(settings_.topic);
  if (settings_.exactlyOnce) {
    NativeLog::logSyslog(
        6, statsName + ": exactly once, in transactions of " + rd_kafka_name(client_));
  }
}

Forwarder::~Forwarder() { rd_kafka_topic_destroy(topic_); }

bool Forwarder::forward(const std::vector<rd_kafka_message_t*>& inputs, rd_kafka_t* consumer,
                        const InterruptCheck& interrupt, ConsumeOutcome& outcome) {
  const auto start = std::chrono::steady_clock::now();
  if (settings_.exactlyOnce &&
      !succeeded(rd_kafka_begin_transaction(client_), "exactly-once: cannot begin", outcome)) {
    rewind(inputs, consumer);
    return false;
  }
  // Waited mode: the batch completes when every output has its report, which this thread
  // serves itself (the client has no thread of its own).
  auto* batch = new DeliveryBatch(static_cast<std::uint32_t>(inputs.size()), stats_,
                                  connection_->timeline(), nullptr);
  sendAll(inputs, *batch);
  const bool committed =
      !settings_.exactlyOnce || endTransaction(inputs, batch->sent(), consumer, outcome);
  const ProduceOutcome delivered =
      batch->await(connection_->deliveryTimeout() + kReportGrace, interrupt, client_);
  outcome.forwardMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - start)
                              .count();
  // Exactly once, the outputs count only if their transaction committed.
  const auto count = static_cast<std::uint32_t>(inputs.size());
  if (settings_.exactlyOnce ? committed : delivered.acked == count) {
    outcome.forwarded = count;
    return true;
  }
  if (!settings_.exactlyOnce) {
    outcome.forwarded = delivered.acked;  // at least once: these go out again with the rest
  }
  if (!delivered.errorName.empty()) {
    setError(outcome, delivered.errorName, "output: " + delivered.errorMessage);
  }
  setError(outcome, rd_kafka_err2name(RD_KAFKA_RESP_ERR__FAIL),
           "output: not every message was forwarded");
  rewind(inputs, consumer);
  return false;
}

void Forwarder::sendAll(const std::vector<rd_kafka_message_t*>& inputs, DeliveryBatch& batch) {
  const auto count = static_cast<std::uint32_t>(inputs.size());
  for (std::uint32_t i = 0; i < count; ++i) {
    const int error = send(*inputs[i], batch.slot(i, 0));
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      batch.onNotSent(count - i, static_cast<rd_kafka_resp_err_t>(error));
      return;
    }
    batch.onSent();
  }
}

bool Forwarder::endTransaction(const std::vector<rd_kafka_message_t*>& inputs, std::uint32_t sent,
                               rd_kafka_t* consumer, ConsumeOutcome& outcome) {
  if (sent == inputs.size() && commitTransaction(inputs, consumer, outcome)) {
    return true;
  }
  // Aborting purges the outputs not yet delivered; their reports complete the batch.
  succeeded(
      rd_kafka_abort_transaction(client_, static_cast<int>(connection_->deliveryTimeout().count())),
      "exactly-once: abort failed", outcome);
  return false;
}

int Forwarder::send(const rd_kafka_message_t& input, void* opaque) {
  rd_kafka_headers_t* headers = nullptr;
  if (settings_.keepHeaders &&
      rd_kafka_message_headers(&input, &headers) == RD_KAFKA_RESP_ERR_NO_ERROR) {
    headers = rd_kafka_headers_copy(headers);
  } else {
    headers = nullptr;
  }
  const auto* value = static_cast<const char*>(input.payload);
  std::size_t valueBytes = input.len;
  const TemplateContext context{
      sequence_++, settings_.thread, random_,
      std::string_view(value == nullptr ? "" : value, value == nullptr ? 0 : input.len),
      std::string_view(static_cast<const char*>(input.key),
                       input.key == nullptr ? 0 : input.key_len)};
  if (!settings_.valueTemplate.empty()) {
    value_.render(context, rendered_);
    value = rendered_.data();
    valueBytes = rendered_.size();
  }
  const std::int32_t partition =
      input.partition < partitions_ ? input.partition : RD_KAFKA_PARTITION_UA;
  while (true) {
    const auto error = rd_kafka_producev(
        client_, RD_KAFKA_V_RKT(topic_), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(input.key, input.key_len),
        RD_KAFKA_V_VALUE(const_cast<char*>(value), valueBytes), RD_KAFKA_V_OPAQUE(opaque),
        RD_KAFKA_V_HEADERS(headers),
        // The time its template read, if it did (TemplateContext::nowMicros); else librdkafka's.
        RD_KAFKA_V_TIMESTAMP(context.epochMicros / 1000), RD_KAFKA_V_END);
    if (error != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
      if (error != RD_KAFKA_RESP_ERR_NO_ERROR && headers != nullptr) {
        rd_kafka_headers_destroy(headers);  // librdkafka took them only on success
      }
      return error;
    }
    // This thread serves the client's reports: serving them makes room in the queue.
    stats_.queueFullRetries.fetch_add(1, std::memory_order_relaxed);
    rd_kafka_poll(client_, static_cast<int>(kBackoff.count()));
  }
}

bool Forwarder::commitTransaction(const std::vector<rd_kafka_message_t*>& inputs,
                                  rd_kafka_t* consumer, ConsumeOutcome& outcome) {
  const int timeoutMs = static_cast<int>(connection_->deliveryTimeout().count());
  const PartitionList offsets = offsetsOf(inputs, false);
  rd_kafka_consumer_group_metadata_t* group = rd_kafka_consumer_group_metadata(consumer);
  rd_kafka_error_t* error =
      rd_kafka_send_offsets_to_transaction(client_, offsets.get(), group, timeoutMs);
  rd_kafka_consumer_group_metadata_destroy(group);
  if (!succeeded(error, "exactly-once: offsets refused", outcome)) {
    return false;
  }
  // Flushes the outputs first, serving their reports in this thread.
  return succeeded(rd_kafka_commit_transaction(client_, timeoutMs), "exactly-once: commit failed",
                   outcome);
}

void Forwarder::rewind(const std::vector<rd_kafka_message_t*>& inputs, rd_kafka_t* consumer) {
  const PartitionList positions = offsetsOf(inputs, true);
  constexpr int kSeekTimeoutMs = 5000;
  if (rd_kafka_error_t* error =
          rd_kafka_seek_partitions(consumer, positions.get(), kSeekTimeoutMs)) {
    NativeLog::warn(std::string("processor: cannot go back to read unforwarded messages again: ") +
                    rd_kafka_error_string(error));
    rd_kafka_error_destroy(error);
  }
}

}  // namespace kafkanative
