#include "AwaitedTopics.hpp"

#include <librdkafka/rdkafka.h>

#include <algorithm>

#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

namespace {

std::string quoted(const std::vector<std::string>& names) {
  std::string text;
  for (const auto& name : names) {
    text += (text.empty() ? "'" : ", '") + name + "'";
  }
  return text;
}

std::string seconds(std::chrono::milliseconds duration) {
  return std::to_string(duration.count() / 1000) + " s";
}

}  // namespace

AwaitedTopics::AwaitedTopics(const std::vector<std::string>& subscribed,
                             std::chrono::milliseconds patience)
    : patience_(patience) {
  std::copy_if(subscribed.begin(), subscribed.end(), std::back_inserter(names_),
               [](const std::string& name) { return name.rfind('^', 0) != 0; });
  looking_ = !names_.empty();
}

bool AwaitedTopics::look(rd_kafka_s* consumer, ConsumeOutcome& outcome) {
  constexpr std::chrono::milliseconds kFirstInterval{100};
  constexpr std::chrono::milliseconds kLongestInterval{1000};
  const auto now = std::chrono::steady_clock::now();
  if (!looking_ || now < nextLook_) {
    return false;
  }
  interval_ = std::clamp(interval_ * 2, kFirstInterval, kLongestInterval);
  nextLook_ = now + interval_;
  const auto missing = missingFrom(consumer);
  if (!missing) {
    return false;  // no answer: look again later
  }
  if (missing->empty()) {
    looking_ = false;
    return false;
  }
  return wait(consumer, *missing, outcome);
}

bool AwaitedTopics::wait(rd_kafka_s* consumer, const std::vector<std::string>& missing,
                         ConsumeOutcome& outcome) {
  const auto now = std::chrono::steady_clock::now();
  const std::string who = rd_kafka_name(consumer);
  if (!toldWaiting_) {
    toldWaiting_ = true;
    waitingSince_ = now;
    NativeLog::warn(who + ": subscribed topic " + quoted(missing) +
                    " does not exist yet; waiting up to " + seconds(patience_) +
                    " for it to be created");
  }
  if (toldGivingUp_ || now - waitingSince_ < patience_) {
    return false;
  }
  toldGivingUp_ = true;
  const std::string message =
      "subscribed topic " + quoted(missing) + " still does not exist after " + seconds(patience_) +
      ": check its name, or create it before the test (a producer's first message creates it "
      "only where the cluster has auto.create.topics.enable=true); the consumer goes on waiting";
  if (!outcome.errorName.empty()) {  // the sample fails for another reason: say it here
    NativeLog::warn(who + ": " + message);
    return true;
  }
  outcome.errorName = rd_kafka_err2name(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART);
  outcome.errorMessage = message;
  return true;
}

std::optional<std::vector<std::string>> AwaitedTopics::missingFrom(rd_kafka_s* consumer) const {
  const rd_kafka_metadata_t* metadata = nullptr;
  if (rd_kafka_metadata(consumer, 1, nullptr, &metadata, 1000) != RD_KAFKA_RESP_ERR_NO_ERROR) {
    return std::nullopt;
  }
  std::vector<std::string> missing;
  for (const auto& name : names_) {
    const rd_kafka_metadata_topic* begin = metadata->topics;
    const bool listed = std::any_of(begin, begin + metadata->topic_cnt, [&](const auto& t) {
      return name == t.topic && t.err != RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
    });
    if (!listed) {
      missing.push_back(name);
    }
  }
  rd_kafka_metadata_destroy(metadata);
  return missing;
}

}  // namespace kafkanative
