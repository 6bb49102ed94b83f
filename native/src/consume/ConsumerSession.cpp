#include "kafkanative/ConsumerSession.hpp"

#include "AtomicFigures.hpp"
#include "AwaitedTopics.hpp"
#include "Forwarder.hpp"
#include "InterruptCheck.hpp"
#include "Rebalance.hpp"
#include "RunTimeline.hpp"
#include "SchemaReader.hpp"
#include "TextStamp.hpp"
#include "TopicMetadata.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <charconv>
#include <optional>
#include <random>

#include "kafkanative/Connection.hpp"
#include "kafkanative/ConsumerStats.hpp"
#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"
#include "kafkanative/StampHeaders.hpp"

namespace kafkanative {

namespace {

void set(rd_kafka_conf_t* conf, const char* name, const std::string& value) {
  char error[512];
  if (rd_kafka_conf_set(conf, name, value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(std::string("consumer ") + name + ": " + error);
  }
}

/// The value of header `name` (one of the StampHeaders literals, so NUL-terminated), if any.
std::optional<std::string_view> header(rd_kafka_headers_t* headers, std::string_view name) {
  const void* value = nullptr;
  size_t size = 0;
  if (headers == nullptr ||
      rd_kafka_header_get_last(headers, name.data(), &value, &size) != RD_KAFKA_RESP_ERR_NO_ERROR ||
      value == nullptr) {
    return std::nullopt;
  }
  return std::string_view(static_cast<const char*>(value), size);
}

template <typename T>
std::optional<T> number(std::optional<std::string_view> text, int base = 10) {
  T value{};
  if (!text || text->empty() ||
      std::from_chars(text->data(), text->data() + text->size(), value, base).ptr !=
          text->data() + text->size()) {
    return std::nullopt;
  }
  return value;
}

/// Our producers' ids are 16 hex digits, then "@" and their engine; any other id is hashed, so
/// the check needs no per-message allocation either way.
std::uint64_t producerKey(std::string_view id) {
  const std::string_view random = id.substr(0, id.find('@'));
  if (const auto hex = number<std::uint64_t>(random, 16); hex && random.size() <= 16) {
    return *hex;
  }
  return std::hash<std::string_view>{}(id);
}

std::string_view view(const void* data, size_t size) {
  return data == nullptr ? std::string_view()
                         : std::string_view(static_cast<const char*>(data), size);
}

std::string text(const void* data, size_t size) {
  return data == nullptr ? std::string() : std::string(static_cast<const char*>(data), size);
}

std::string headerLines(const rd_kafka_message_t& message) {
  rd_kafka_headers_t* headers = nullptr;
  std::string lines;
  if (rd_kafka_message_headers(&message, &headers) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return lines;
  }
  const char* name = nullptr;
  const void* value = nullptr;
  size_t size = 0;
  for (size_t i = 0;
       rd_kafka_header_get_all(headers, i, &name, &value, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
       ++i) {
    lines += std::string(name) + "=" + text(value, size) + "\n";
  }
  return lines;
}

}  // namespace

struct ConsumerCallbacks {
  static void onRebalance(rd_kafka_t* handle, rd_kafka_resp_err_t error,
                          rd_kafka_topic_partition_list_t* list, void* opaque) {
    static_cast<ConsumerSession*>(opaque)->stats_.rebalances.fetch_add(1,
                                                                       std::memory_order_relaxed);
    const bool assign = error == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
    NativeLog::logSyslog(6, std::string(rd_kafka_name(handle)) +
                                " rebalance: " + (assign ? "assigned " : "revoked ") +
                                std::to_string(list->cnt) + " partitions");
    if (const std::string refusal = Rebalance::apply(handle, error, list); !refusal.empty()) {
      NativeLog::warn("rebalance failed: " + refusal);
    }
  }

  static void onError(rd_kafka_t* handle, int error, const char* reason, void* opaque) {
    auto* self = static_cast<ConsumerSession*>(opaque);
    self->lastClientError_ =
        std::string(rd_kafka_err2name(static_cast<rd_kafka_resp_err_t>(error))) + ": " + reason;
    NativeLog::logSyslog(4, std::string(rd_kafka_name(handle)) + " " + self->lastClientError_);
  }

  static void onThrottle(rd_kafka_t*, const char*, int32_t, int millis, void* opaque) {
    static_cast<ConsumerSession*>(opaque)->connection_->timeline().onThrottle(millis,
                                                                              epochMicrosNow());
  }
};

ConsumerSession::ConsumerSession(std::shared_ptr<Connection> connection,
                                 const ConsumerSettings& settings)
    : connection_(std::move(connection)),
      stats_(connection_->consumerStatsFor(settings.statsName)),
      settings_(settings),
      awaited_(std::make_unique<AwaitedTopics>(
          settings.assignments.empty() ? settings.topics : std::vector<std::string>{},
          settings.topicWait)) {
  if (settings_.topics.empty() && settings_.assignments.empty()) {
    throw KafkaError::invalidArgument("topics: name at least one topic or partition");
  }
  for (const auto& topic : settings_.topics) {
    if (topic.rfind('^', 0) != 0) {  // a name that can never exist fails at once
      TopicMetadata::validateName(topic, "topics");
    }
  }
  if (!settings_.forward.topic.empty()) {
    // A processor commits after its outputs are acknowledged, or inside their transaction.
    settings_.commit = settings_.forward.exactlyOnce ? CommitMode::kNone : CommitMode::kSync;
    forwarder_ = std::make_unique<Forwarder>(connection_, settings_.forward, settings_.statsName);
  }
  if (settings_.valueSchema.format != MessageFormat::kString) {
    valueReader_ =
        std::make_unique<SchemaReader>(settings_.valueSchema, connection_->schemaRegistry());
  }
  if (settings_.groupId.empty()) {
    std::random_device entropy;
    settings_.groupId = "jmeter-kafka-native-" + std::to_string(entropy());
  }
  rd_kafka_conf_t* conf = connection_->newConsumerConf();
  set(conf, "group.id", settings_.groupId);
  set(conf, "auto.offset.reset", settings_.autoOffsetReset);
  set(conf, "enable.auto.commit", settings_.commit == CommitMode::kAuto ? "true" : "false");
  rd_kafka_conf_set_opaque(conf, this);
  rd_kafka_conf_set_rebalance_cb(conf, &ConsumerCallbacks::onRebalance);
  rd_kafka_conf_set_error_cb(conf, &ConsumerCallbacks::onError);
  rd_kafka_conf_set_throttle_cb(conf, &ConsumerCallbacks::onThrottle);
  char error[512];
  consumer_ = rd_kafka_new(RD_KAFKA_CONSUMER, conf, error, sizeof error);
  if (consumer_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(error);
  }
  rd_kafka_poll_set_consumer(consumer_);
  try {
    start();
  } catch (...) {
    rd_kafka_destroy(consumer_);
    throw;
  }
}

void ConsumerSession::start() {
  const auto list = std::unique_ptr<rd_kafka_topic_partition_list_t,
                                    decltype(&rd_kafka_topic_partition_list_destroy)>(
      rd_kafka_topic_partition_list_new(
          static_cast<int>(settings_.topics.size() + settings_.assignments.size())),
      &rd_kafka_topic_partition_list_destroy);
  rd_kafka_resp_err_t error;
  if (settings_.assignments.empty()) {
    for (const auto& topic : settings_.topics) {
      rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), RD_KAFKA_PARTITION_UA);
    }
    error = rd_kafka_subscribe(consumer_, list.get());
  } else {
    for (const auto& assignment : settings_.assignments) {
      rd_kafka_topic_partition_list_add(list.get(), assignment.topic.c_str(), assignment.partition)
          ->offset = assignment.offset;
    }
    error = rd_kafka_assign(consumer_, list.get());
  }
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
    throw KafkaError(rd_kafka_err2name(error),
                     std::string("topics: cannot subscribe or assign: ") + rd_kafka_err2str(error));
  }
}

ConsumerSession::~ConsumerSession() {
  rd_kafka_consumer_close(consumer_);
  rd_kafka_destroy(consumer_);
}

std::size_t ConsumerSession::assignedPartitions() const {
  rd_kafka_topic_partition_list_t* assignment = nullptr;
  if (rd_kafka_assignment(consumer_, &assignment) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return 0;
  }
  const auto count = static_cast<std::size_t>(assignment->cnt);
  rd_kafka_topic_partition_list_destroy(assignment);
  return count;
}

ConsumeOutcome ConsumerSession::poll(std::uint32_t maxMessages, std::chrono::milliseconds timeout) {
  if (maxMessages == 0) {
    throw KafkaError::invalidArgument("messages per sample: must be at least 1");
  }
  ConsumeOutcome outcome;
  records_.clear();
  positions_.clear();
  rd_kafka_message_t* last = nullptr;
  std::int64_t firstArrival = 0;  // epoch µs of the poll's first and last messages
  std::int64_t lastArrival = 0;
  // Polls in slices of at most 100 ms, so an interrupt is seen promptly.
  constexpr std::chrono::milliseconds kSlice{100};
  const InterruptCheck interrupt{interrupts_};
  const auto start = std::chrono::steady_clock::now();
  const auto deadline = start + timeout;
  while (outcome.messages < maxMessages) {
    const auto remaining = std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now());
    if (remaining.count() <= 0) {
      break;
    }
    if (interrupt.requested()) {
      outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR__INTR);
      outcome.errorMessage = "interrupted";
      break;
    }
    rd_kafka_message_t* message =
        rd_kafka_consumer_poll(consumer_, static_cast<int>(std::min(remaining, kSlice).count()));
    if (message == nullptr) {
      lookForAwaitedTopics(outcome);  // only an idle or failing poll can be waiting for a topic
      continue;
    }
    if (message->err != RD_KAFKA_RESP_ERR_NO_ERROR) {
      if (awaitsSubscribedTopic(*message)) {
        rd_kafka_message_destroy(message);
        lookForAwaitedTopics(outcome);
        continue;
      }
      if (message->err != RD_KAFKA_RESP_ERR__PARTITION_EOF && outcome.errorName.empty()) {
        outcome.errorName = rd_kafka_err2name(message->err);
        outcome.errorMessage = rd_kafka_message_errstr(message);
        stats_.errors.fetch_add(1, std::memory_order_relaxed);
      }
      rd_kafka_message_destroy(message);
      continue;
    }
    const auto now = std::chrono::steady_clock::now();
    outcome.elapsedMicros =
        std::chrono::duration_cast<std::chrono::microseconds>(now - start).count();
    if (outcome.firstMessageMicros < 0) {
      outcome.firstMessageMicros = outcome.elapsedMicros;
    }
    const std::int64_t arrived = epochMicrosNow();
    if (firstArrival == 0) {
      firstArrival = arrived;
    }
    lastArrival = arrived;
    record(*message, outcome, arrived);
    if (forwarder_) {
      held_.push_back(message);
      continue;
    }
    if (last != nullptr) {
      rd_kafka_message_destroy(last);
    }
    last = message;
  }
  if (!held_.empty()) {
    last = held_.back();
  }
  if (outcome.messages == 0) {
    outcome.elapsedMicros = std::chrono::duration_cast<std::chrono::microseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
  }
  if (last != nullptr) {
    if (settings_.lastMessageBytes > 0) {
      outcome.lastKey = text(last->key, last->key_len);
      outcome.lastValue = text(last->payload, std::min(last->len, settings_.lastMessageBytes));
      if (valueReader_) {  // its JSON instead, when it decodes
        std::string json;
        if (valueReader_->read(view(last->payload, last->len), &json)) {
          outcome.lastValue = json.substr(0, settings_.lastMessageBytes);
        }
      }
      outcome.lastValueBytes = last->len;
      outcome.lastHeaders = headerLines(*last);
    }
    if (!forwarder_) {
      rd_kafka_message_destroy(last);
    }
  }
  const bool commitAllowed = !forwarder_ || forwardHeld(interrupt, outcome);
  finishPoll(outcome, firstArrival, lastArrival, commitAllowed);
  return outcome;
}

// librdkafka 2.8.0 (the jar's) reports a subscribed topic that does not exist yet as a
// consumer error, again at each metadata refresh: a wait (AwaitedTopics), not a failure.
bool ConsumerSession::awaitsSubscribedTopic(const rd_kafka_message_s& message) {
  if (message.err != RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART || !settings_.assignments.empty()) {
    return false;
  }
  awaited_->reported();
  return true;
}

void ConsumerSession::lookForAwaitedTopics(ConsumeOutcome& outcome) {
  if (awaited_->look(consumer_, outcome)) {
    stats_.errors.fetch_add(1, std::memory_order_relaxed);
  }
}

bool ConsumerSession::forwardHeld(const InterruptCheck& interrupt, ConsumeOutcome& outcome) {
  if (held_.empty()) {
    return true;
  }
  const bool forwarded = forwarder_->forward(held_, consumer_, interrupt, outcome);
  for (rd_kafka_message_t* message : held_) {
    rd_kafka_message_destroy(message);
  }
  held_.clear();
  return forwarded;
}

void ConsumerSession::record(const rd_kafka_message_t& message, ConsumeOutcome& outcome,
                             std::int64_t nowMicros) {
  ++outcome.messages;
  outcome.bytes += message.len + message.key_len;
  if (valueReader_ && !valueReader_->read(view(message.payload, message.len), nullptr)) {
    if (outcome.undecodable++ == 0) {
      outcome.decodeProblem = "partition " + std::to_string(message.partition) + " offset " +
                              std::to_string(message.offset) + ": " + valueReader_->problem();
    }
    stats_.undecodable.fetch_add(1, std::memory_order_relaxed);
  }
  const char* topic = rd_kafka_topic_name(message.rkt);
  const auto seen = std::find_if(positions_.begin(), positions_.end(), [&](const auto& p) {
    return p.partition == message.partition && p.topic == topic;
  });
  if (seen == positions_.end()) {
    positions_.push_back({topic, message.partition, message.offset + 1});
  } else {
    seen->nextOffset = message.offset + 1;
  }
  if (settings_.stampsFrom != StampSource::kHeaders) {
    const bool inValue = settings_.stampsFrom == StampSource::kValue;
    if (const auto stamp = TextStamp::find(inValue ? view(message.payload, message.len)
                                                   : view(message.key, message.key_len))) {
      recordLatency(stamp->epochMicros, outcome, nowMicros);
      records_.push_back({producerKey(stamp->producer), message.partition, stamp->partitionSequence,
                          message.offset});
    }
    return;
  }
  rd_kafka_headers_t* headers = nullptr;
  if (rd_kafka_message_headers(&message, &headers) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return;
  }
  // Either part may come alone: another tool may stamp times only, or sequences only.
  if (const auto stamp = number<std::int64_t>(header(headers, StampHeaders::kTimestampMicros))) {
    recordLatency(*stamp, outcome, nowMicros);
  }
  const auto producer = header(headers, StampHeaders::kProducerId);
  const auto sequence = number<std::uint64_t>(header(headers, StampHeaders::kPartitionSequence));
  if (producer && sequence) {
    records_.push_back({producerKey(*producer), message.partition, *sequence, message.offset});
  }
}

void ConsumerSession::recordLatency(std::int64_t epochMicros, ConsumeOutcome& outcome,
                                    std::int64_t nowMicros) {
  const auto latency = std::max<std::int64_t>(0, nowMicros - epochMicros);
  outcome.maxEndToEndMicros = std::max(outcome.maxEndToEndMicros, latency);
  stats_.endToEndLatency.record(static_cast<std::uint64_t>(latency));
  connection_->timeline().now().endToEndLatency.record(static_cast<std::uint64_t>(latency));
}

// The consumer's active span runs from its first message's arrival to its last: neither the
// group join before it nor the wait of a final, partly filled poll after it counts as consuming.
void ConsumerSession::finishPoll(ConsumeOutcome& outcome, std::int64_t firstArrival,
                                 std::int64_t lastArrival, bool commitAllowed) {
  if (outcome.messages > 0) {
    storeMinSet(stats_.firstConsumeEpochMicros, firstArrival);
    storeMax(stats_.lastConsumeEpochMicros, lastArrival);
    stats_.consumed.fetch_add(outcome.messages, std::memory_order_relaxed);
    stats_.bytes.fetch_add(outcome.bytes, std::memory_order_relaxed);
    auto& second = connection_->timeline().now();
    second.consumed.fetch_add(outcome.messages, std::memory_order_relaxed);
    second.consumedBytes.fetch_add(outcome.bytes, std::memory_order_relaxed);
  }
  // Lag from librdkafka's cached high watermarks: no broker round trip per sample.
  for (const auto& position : positions_) {
    std::int64_t low = 0;
    std::int64_t high = 0;
    if (rd_kafka_get_watermark_offsets(consumer_, position.topic.c_str(), position.partition, &low,
                                       &high) == RD_KAFKA_RESP_ERR_NO_ERROR &&
        high >= 0) {
      outcome.maxLag =
          std::max(outcome.maxLag, std::max<std::int64_t>(0, high - position.nextOffset));
    }
  }
  if (outcome.maxLag >= 0) {
    stats_.lastLag = outcome.maxLag;
    storeMax(stats_.maxLag, outcome.maxLag);
    storeMax(connection_->timeline().now().maxLag, outcome.maxLag);
  }
  if (!records_.empty()) {
    const auto findings = stats_.verifier.check(records_);
    outcome.missing = findings.missing;
    outcome.duplicates = findings.duplicates;
    outcome.reordered = findings.reordered;
    outcome.verificationProblem = findings.firstProblem;
  }
  if (outcome.messages > 0 && commitAllowed) {
    commit(outcome);
  }
  if (!outcome.errorName.empty() && !lastClientError_.empty()) {
    outcome.errorMessage += "; last client error: " + lastClientError_;
  }
}

void ConsumerSession::commit(ConsumeOutcome& outcome) {
  if (settings_.commit != CommitMode::kSync && settings_.commit != CommitMode::kAsync) {
    return;
  }
  const auto error = rd_kafka_commit(consumer_, nullptr, settings_.commit == CommitMode::kAsync);
  // A commit refused because the group is rebalancing is Kafka's at-least-once consumption at
  // work, not a failed sample: the messages were consumed; whoever gets the partitions reads
  // them again (counted as redelivered). Counted, and logged once per sampler.
  if (error == RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS ||
      error == RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION) {
    if (stats_.commitsRefusedInRebalance.fetch_add(1, std::memory_order_relaxed) == 0) {
      NativeLog::warn(std::string(rd_kafka_name(consumer_)) +
                      ": commit refused during a "
                      "rebalance (" +
                      rd_kafka_err2name(error) +
                      "); its messages will be read again by the partitions' next owner");
    }
    return;
  }
  if (error != RD_KAFKA_RESP_ERR_NO_ERROR && error != RD_KAFKA_RESP_ERR__NO_OFFSET &&
      outcome.errorName.empty()) {
    outcome.errorName = rd_kafka_err2name(error);
    outcome.errorMessage = std::string("commit failed: ") + rd_kafka_err2str(error);
  }
}

}  // namespace kafkanative
