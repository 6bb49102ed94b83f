#include "kafkanative/ProducerSession.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <limits>
#include <optional>
#include <random>
#include <thread>

#include "AtomicFigures.hpp"
#include "DeliveryBatch.hpp"
#include "Engine.hpp"
#include "InterruptCheck.hpp"
#include "Murmur2.hpp"
#include "OutcomeQueue.hpp"
#include "SchemaTemplate.hpp"
#include "TopicMetadata.hpp"
#include "kafkanative/Connection.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/PayloadFile.hpp"
#include "kafkanative/RateLimiter.hpp"
#include "kafkanative/StampHeaders.hpp"

namespace kafkanative {

namespace {

constexpr std::chrono::milliseconds kBackoff{1};
// A sample's wait outlives librdkafka's own delivery timeout by this much before giving up.
constexpr std::chrono::milliseconds kReportGrace{5000};
constexpr std::chrono::milliseconds kMaxMetadataWait{10000};
// Under a target rate, a sender this far ahead of its schedule sleeps; closer, it sends.
constexpr std::int64_t kScheduleSlackNanos = 100'000;
constexpr std::chrono::nanoseconds kMaxSleep = std::chrono::milliseconds(20);

std::string hex16(std::uint64_t bits) {
  char text[17];
  const auto result = std::to_chars(text, text + 16, bits, 16);
  const auto length = static_cast<std::size_t>(result.ptr - text);
  return std::string(16 - length, '0') + std::string(text, length);
}

std::uint64_t seedFor(std::uint32_t thread) {
  std::random_device entropy;
  return (static_cast<std::uint64_t>(entropy()) << 32 | entropy()) ^ thread;
}

/// Renders a key or value in a schema's format. Text that does not fit its field fails the
/// message, and `problem` says which field and text.
int renderWithSchema(const SchemaTemplate& schema, const TemplateContext& context, std::string& out,
                     const std::string*& problem) {
  if (!schema.render(context, out)) {
    problem = &schema.problem();
    return RD_KAFKA_RESP_ERR__INVALID_ARG;
  }
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

}  // namespace

ProducerSession::ProducerSession(std::shared_ptr<Connection> connection,
                                 const ProducerSettings& settings)
    : connection_(std::move(connection)),
      servesOwnClient_(settings.dedicatedClient && settings.mode == DeliveryMode::kWait),
      stats_(connection_->statsFor(settings.statsName)),
      settings_(settings),
      // A key or value in a schema format has its template compiled by its SchemaTemplate.
      key_(settings.keySchema.format == MessageFormat::kString ? settings.keyTemplate : "", 0,
           "key template"),
      value_(settings.valueSchema.format == MessageFormat::kString ? settings.valueTemplate : "",
             settings.valueSize, "value template"),
      random_(seedFor(settings.thread)) {
  TopicMetadata::validateName(settings.topic);
  // Refused before any value is rendered: librdkafka would refuse each one only after it was
  // built, and a mistyped size can mean gigabytes per message.
  if (settings.valueSize > connection_->maxMessageBytes()) {
    throw KafkaError(rd_kafka_err2name(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE),
                     "value size: " + std::to_string(settings.valueSize) +
                         " bytes is more than the connection's message.max.bytes (" +
                         std::to_string(connection_->maxMessageBytes()) + ")");
  }
  for (const auto& header : settings.headers) {
    if (header.name.empty()) {
      throw KafkaError::invalidArgument("headers: a header has an empty name");
    }
    headers_.push_back(
        {header.name, MessageTemplate(header.valueTemplate, 0, "header '" + header.name + "'")});
  }
  headerBuffers_.resize(headers_.size());
  const bool usesInput = key_.usesInput() || value_.usesInput() ||
                         std::any_of(headers_.begin(), headers_.end(),
                                     [](const auto& header) { return header.value.usesInput(); });
  if (usesInput) {
    throw KafkaError::invalidArgument(
        "templates: {{input}} and {{input_key}} need an input message (Kafka Processor)");
  }
  openSchemas();
  if (key_.usesStamp() || (keySchema_ && keySchema_->usesStamp())) {
    throw KafkaError::invalidArgument(
        "key template: {{stamp}} cannot be in the key (the key decides the partition, whose "
        "sequence the stamp carries); put it in the value");
  }
  stampsText_ = value_.usesStamp() || (valueSchema_ && valueSchema_->usesStamp()) ||
                std::any_of(headers_.begin(), headers_.end(),
                            [](const auto& header) { return header.value.usesStamp(); });
  settings_.stampHeaders = settings_.stampHeaders || stampsText_;  // a stamp is a stamp
  if (settings.partitioning == Partitioning::kFixed && settings.partition < 0) {
    throw KafkaError::invalidArgument("partition: must not be negative");
  }
  if (settings.partitioning == Partitioning::kByKey && settings.keyTemplate.empty() &&
      settings.keySchema.format == MessageFormat::kString) {
    throw KafkaError::invalidArgument("partitioning by key: needs a key template");
  }
  if (settings.ratePerSecond > 0) {
    rateLimiter_ = connection_->rateLimiter(settings.rateGroup, settings.ratePerSecond);
    stats_.targetRate = settings.ratePerSecond;
  } else if (settings.ratePerSecond < 0) {
    throw KafkaError::invalidArgument("target rate: must not be negative");
  }
  if (!settings.payloadFile.empty()) {
    payloads_ = connection_->payloadFile(settings.payloadFile);
  }
  producerId_ = hex16(random_.next()) + "@" + Engine::name();
  if (settings.mode == DeliveryMode::kTrack) {
    completed_ = std::make_shared<OutcomeQueue>();
  }
  // The client last, once the settings are known to be valid: a dedicated producer is not left
  // behind by a session that fails to open (a misconfigured sampler retries every sample).
  if (settings.dedicatedClient) {
    // A waited session's caller waits for every message it sends.
    client_ = connection_->dedicatedHandle(servesOwnClient_, {}, servesOwnClient_);
  } else {
    client_ =
        settings.mode == DeliveryMode::kWait ? connection_->waitedHandle() : connection_->handle();
  }
  try {
    openTopic();
  } catch (...) {
    if (settings.dedicatedClient) {
      connection_->closeDedicated(client_);
    }
    throw;
  }
  connection_->noteTopic(settings.topic);
}

void ProducerSession::openSchemas() {
  const auto& value = settings_.valueSchema;
  if (value.format != MessageFormat::kString) {
    if (settings_.valueSize > 0 || !settings_.payloadFile.empty()) {
      throw KafkaError::invalidArgument(
          "value format: a value size or a payload file applies to string values only");
    }
    valueSchema_ = std::make_unique<SchemaTemplate>(value, settings_.valueTemplate, settings_.topic,
                                                    false, connection_->schemaRegistry());
  }
  if (settings_.keySchema.format != MessageFormat::kString) {
    keySchema_ =
        std::make_unique<SchemaTemplate>(settings_.keySchema, settings_.keyTemplate,
                                         settings_.topic, true, connection_->schemaRegistry());
  }
}

void ProducerSession::openTopic() {
  topic_ = rd_kafka_topic_new(client_, settings_.topic.c_str(), nullptr);
  if (topic_ == nullptr) {
    const auto error = rd_kafka_last_error();
    throw KafkaError(rd_kafka_err2name(error),
                     "topic '" + settings_.topic + "': " + rd_kafka_err2str(error));
  }
  // Stamped messages carry a per-partition sequence, so the session must know each
  // message's partition before sending it: it chooses them itself.
  if (settings_.partitioning == Partitioning::kRoundRobin ||
      settings_.partitioning == Partitioning::kByKey || settings_.stampHeaders) {
    try {
      partitionCount_ = TopicMetadata::partitionCount(
          client_, topic_, std::min(connection_->deliveryTimeout(), kMaxMetadataWait));
    } catch (...) {
      rd_kafka_topic_destroy(topic_);
      throw;
    }
    partitionSequences_.assign(static_cast<std::size_t>(partitionCount_), 0);
  }
  if (settings_.stampHeaders && settings_.partitioning == Partitioning::kFixed &&
      settings_.partition >= partitionCount_) {
    rd_kafka_topic_destroy(topic_);
    throw KafkaError::invalidArgument("partition: topic '" + settings_.topic + "' has only " +
                                      std::to_string(partitionCount_) + " partitions");
  }
}

ProducerSession::~ProducerSession() {
  if (completed_) {
    finish();
  }
  rd_kafka_topic_destroy(topic_);
}

ProduceOutcome ProducerSession::produce(std::uint32_t messages) {
  if (messages == 0 || messages > kMaxMessagesPerSample) {
    throw KafkaError::invalidArgument("messages per sample: must be from 1 to " +
                                      std::to_string(kMaxMessagesPerSample));
  }
  const auto timeout = connection_->deliveryTimeout() + kReportGrace;
  const InterruptCheck interrupt{interrupts_};
  ProduceOutcome outcome;
  if (completed_) {
    drainCompleted(outcome, OutcomeQueue::kCapacity - 1, timeout, &interrupt);
    if (inFlightBatches_ >= OutcomeQueue::kCapacity) {
      // Still no room (timed out or interrupted): sending now could overflow the queue.
      outcome.requested = messages;
      outcome.failed += messages;
      outcome.inFlight = inFlightMessages_;
      return outcome;
    }
  }
  auto* batch = new DeliveryBatch(messages, stats_, connection_->timeline(), completed_);
  const auto start = std::chrono::steady_clock::now();
  sendBatch(*batch, messages, interrupt);
  if (!completed_) {
    outcome = batch->await(timeout, interrupt, servesOwnClient_ ? client_ : nullptr);
  } else {
    outcome.requested = messages;
    outcome.sent = batch->sent();
    outcome.elapsedMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
    ++inFlightBatches_;
    inFlightMessages_ += messages;
    drainCompleted(outcome, std::numeric_limits<std::size_t>::max(), timeout, nullptr);
    outcome.inFlight = inFlightMessages_;
  }
  if (renderProblem_ != nullptr &&
      outcome.errorName == rd_kafka_err2name(RD_KAFKA_RESP_ERR__INVALID_ARG)) {
    outcome.errorMessage = *renderProblem_;  // which field, and the text that did not fit it
    renderProblem_ = nullptr;
  }
  appendClientError(outcome);
  storeMax(stats_.samplingEndEpochMicros, epochMicrosNow());
  return outcome;
}

ProduceOutcome ProducerSession::finish() {
  ProduceOutcome outcome;
  if (!completed_) {
    return outcome;
  }
  const auto reportBound = connection_->deliveryTimeout() + kReportGrace;
  if (settings_.dedicatedClient) {
    const auto wait = std::min(connection_->flushTimeout(), reportBound);
    drainCompleted(outcome, 0, wait, nullptr);
    if (inFlightBatches_ > 0) {
      purgeUnsent(outcome, wait);
    }
  } else {
    // The shared producer's queue holds other threads' messages too: it cannot be purged for
    // this one, and each of this session's batches must complete before it goes (their
    // reports land in its queue). The delivery timeout bounds them.
    drainCompleted(outcome, 0, reportBound, nullptr);
  }
  outcome.inFlight = inFlightMessages_;
  appendClientError(outcome);
  storeMax(stats_.samplingEndEpochMicros, epochMicrosNow());
  return outcome;
}

void ProducerSession::purgeUnsent(ProduceOutcome& outcome, std::chrono::milliseconds waited) {
  const auto undelivered = inFlightMessages_;
  // In flight too: every batch must complete before the session goes, and a purged request's
  // report comes at once (its messages may still be written by the broker).
  rd_kafka_purge(client_, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
  // The purge's reports come from the client's own poller; the grace is for a loaded machine.
  // (The first wait's time-out is what this error replaces.)
  drainCompleted(outcome, 0, kReportGrace, nullptr);
  outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__PURGE_QUEUE);
  outcome.errorMessage = std::to_string(undelivered) + " messages undelivered " +
                         std::to_string(waited.count()) +
                         " ms after the thread's end (the connection's flush timeout): purged "
                         "and counted as failed (those already in flight may still be written)";
}

void ProducerSession::sendBatch(DeliveryBatch& batch, std::uint32_t messages,
                                const InterruptCheck& interrupt) {
  const std::int64_t first = rateLimiter_ ? rateLimiter_->claim(messages) : 0;
  const std::int64_t interval = rateLimiter_ ? rateLimiter_->intervalNanos() : 0;
  for (std::uint32_t i = 0; i < messages; ++i) {
    const std::int64_t intended = rateLimiter_ ? first + interval * i : 0;
    if (rateLimiter_) {
      // Sleeps in short slices until the slot, so an interrupt is seen promptly.
      for (std::int64_t ahead = intended - RateLimiter::steadyNanos();
           ahead > kScheduleSlackNanos && !interrupt.requested();
           ahead = intended - RateLimiter::steadyNanos()) {
        std::this_thread::sleep_for(std::min(std::chrono::nanoseconds(ahead), kMaxSleep));
      }
    }
    const int error = interrupt.requested()
                          ? RD_KAFKA_RESP_ERR__INTR
                          : enqueue(batch.slot(i, intended), sequence_++, interrupt);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      // Later messages would be refused for the same reason (size, unknown topic, full queue).
      batch.onNotSent(messages - i, static_cast<rd_kafka_resp_err_t>(error));
      break;
    }
    batch.onSent();
  }
  connection_->timeline().now().sent.fetch_add(batch.sent(), std::memory_order_relaxed);
  if (rateLimiter_) {
    stats_.scheduleLagMicros = rateLimiter_->lagNanos() / 1000;
  }
}

std::int32_t ProducerSession::partitionFor(std::uint64_t sequence) {
  switch (settings_.partitioning) {
    case Partitioning::kFixed:
      return settings_.partition;
    case Partitioning::kRoundRobin:
      return static_cast<std::int32_t>(sequence % static_cast<std::uint64_t>(partitionCount_));
    case Partitioning::kByKey:
      return static_cast<std::int32_t>((murmur2(keyBuffer_) & 0x7fffffff) %
                                       static_cast<std::uint32_t>(partitionCount_));
    case Partitioning::kDefault:
      break;
  }
  if (!settings_.stampHeaders) {
    return RD_KAFKA_PARTITION_UA;  // librdkafka's partitioner decides
  }
  // The same choice librdkafka's default partitioner (consistent_random) would make.
  return !hasKey()
             ? static_cast<std::int32_t>(random_.below(static_cast<std::uint64_t>(partitionCount_)))
             : rd_kafka_msg_partitioner_consistent_random(
                   topic_, keyBuffer_.data(), keyBuffer_.size(), partitionCount_, nullptr, nullptr);
}

std::string_view ProducerSession::stampText(std::int64_t epochMicros, std::int32_t partition) {
  char number[24];
  const auto append = [&](auto value) {
    stampBuffer_.append(number, std::to_chars(number, number + sizeof number, value).ptr);
    stampBuffer_ += '/';
  };
  stampBuffer_.assign(StampHeaders::kValuePrefix);
  append(epochMicros);
  append(partitionSequences_[static_cast<std::size_t>(partition)]);
  stampBuffer_ += producerId_;
  return stampBuffer_;
}

int ProducerSession::renderMessage(const TemplateContext& context) {
  int error = RD_KAFKA_RESP_ERR_NO_ERROR;
  if (valueSchema_) {
    error = renderWithSchema(*valueSchema_, context, valueBuffer_, renderProblem_);
  } else {
    const bool fits = payloads_ ? MessageTemplate::fitToSize(
                                      valueBuffer_ = payloads_->pick(
                                          context.sequence, settings_.payloadRandom, random_),
                                      settings_.valueSize)
                                : value_.render(context, valueBuffer_);
    error = fits ? RD_KAFKA_RESP_ERR_NO_ERROR : RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE;
  }
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return error;
  }
  for (std::size_t i = 0; i < headers_.size(); ++i) {
    headers_[i].value.render(context, headerBuffers_[i]);
  }
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

int ProducerSession::renderKey(const TemplateContext& context) {
  if (keySchema_) {
    return renderWithSchema(*keySchema_, context, keyBuffer_, renderProblem_);
  }
  if (!key_.empty()) {
    key_.render(context, keyBuffer_);
  }
  return RD_KAFKA_RESP_ERR_NO_ERROR;
}

int ProducerSession::enqueue(void* opaque, std::uint64_t sequence,
                             const InterruptCheck& interrupt) {
  // One context for the whole message: its time is read once (TemplateContext::nowMicros).
  TemplateContext context{sequence, settings_.thread, random_};
  if (const int error = renderKey(context); error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return error;
  }
  const std::int32_t partition = partitionFor(sequence);
  // The stamp carries the message's time: read before the value that carries the stamp, or,
  // in headers alone, once the message is built (unless a placeholder read it already).
  if (stampsText_) {
    context.stamp = stampText(context.nowMicros(), partition);
  }
  if (const int error = renderMessage(context); error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return error;
  }
  rd_kafka_headers_t* headers = nullptr;
  if (!headers_.empty() || settings_.stampHeaders) {
    headers = rd_kafka_headers_new(headers_.size() + 4);
    for (std::size_t i = 0; i < headers_.size(); ++i) {
      rd_kafka_header_add(headers, headers_[i].name.data(),
                          static_cast<ssize_t>(headers_[i].name.size()), headerBuffers_[i].data(),
                          static_cast<ssize_t>(headerBuffers_[i].size()));
    }
  }
  if (settings_.stampHeaders) {
    const auto add = [headers](std::string_view name, std::string_view value) {
      rd_kafka_header_add(headers, name.data(), static_cast<ssize_t>(name.size()), value.data(),
                          static_cast<ssize_t>(value.size()));
    };
    char number[24];
    add(StampHeaders::kTimestampMicros,
        std::string_view(number,
                         std::to_chars(number, number + sizeof number, context.nowMicros()).ptr));
    add(StampHeaders::kProducerId, producerId_);
    add(StampHeaders::kSequence,
        std::string_view(number, std::to_chars(number, number + sizeof number, sequence).ptr));
    const auto partitionSequence = partitionSequences_[static_cast<std::size_t>(partition)];
    add(StampHeaders::kPartitionSequence,
        std::string_view(number,
                         std::to_chars(number, number + sizeof number, partitionSequence).ptr));
  }
  std::optional<std::chrono::steady_clock::time_point> deadline;
  while (true) {
    const auto error = rd_kafka_producev(
        client_, RD_KAFKA_V_RKT(topic_), RD_KAFKA_V_PARTITION(partition),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_VALUE(valueBuffer_.data(), valueBuffer_.size()),
        RD_KAFKA_V_KEY(hasKey() ? keyBuffer_.data() : nullptr, hasKey() ? keyBuffer_.size() : 0),
        RD_KAFKA_V_HEADERS(headers), RD_KAFKA_V_OPAQUE(opaque),
        // The message's time when something in it read one (0: librdkafka reads its clock).
        RD_KAFKA_V_TIMESTAMP(context.epochMicros / 1000), RD_KAFKA_V_END);
    if (error == RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (settings_.stampHeaders) {
        // Only messages that were queued take a number: a refused one leaves no gap.
        ++partitionSequences_[static_cast<std::size_t>(partition)];
      }
      return error;  // librdkafka owns the headers now
    }
    const auto now = std::chrono::steady_clock::now();
    if (!deadline) {
      deadline = now + connection_->deliveryTimeout();
    }
    if (error != RD_KAFKA_RESP_ERR__QUEUE_FULL || now > *deadline || interrupt.requested()) {
      if (headers != nullptr) {
        rd_kafka_headers_destroy(headers);
      }
      return error;
    }
    // The poller thread drains the queue; back off instead of spinning on a core.
    stats_.queueFullRetries.fetch_add(1, std::memory_order_relaxed);
    std::this_thread::sleep_for(kBackoff);
  }
}

void ProducerSession::drainCompleted(ProduceOutcome& outcome, std::size_t waitWhileAbove,
                                     std::chrono::milliseconds timeout,
                                     const InterruptCheck* interrupt) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (true) {
    DeliveryBatch* batch = nullptr;
    while (completed_->pop(batch)) {
      batch->addDeliveriesTo(outcome);
      --inFlightBatches_;
      inFlightMessages_ -= batch->requested();
      batch->release();
    }
    if (inFlightBatches_ <= waitWhileAbove) {
      return;
    }
    if (interrupt != nullptr && interrupt->requested()) {
      outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__INTR);
      outcome.errorMessage = "interrupted while waiting for room in the outcome queue";
      return;
    }
    if (std::chrono::steady_clock::now() > deadline) {
      outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__TIMED_OUT);
      outcome.errorMessage = std::to_string(inFlightMessages_) +
                             " messages without a delivery report after " +
                             std::to_string(timeout.count()) + " ms";
      return;
    }
    std::this_thread::sleep_for(kBackoff);
  }
}

void ProducerSession::appendClientError(ProduceOutcome& outcome) const {
  if (outcome.errorName.empty()) {
    return;
  }
  // Says why, e.g. "Connect to ipv4#127.0.0.1:1 failed: Connection refused".
  if (const std::string clientError = connection_->lastClientError(); !clientError.empty()) {
    outcome.errorMessage += "; last client error: " + clientError;
  }
}

}  // namespace kafkanative
