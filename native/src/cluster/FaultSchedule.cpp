#include "FaultSchedule.hpp"

#include <algorithm>
#include <iterator>
#include <nlohmann/json.hpp>
#include <sstream>
#include "AtomicFigures.hpp"

#include "EmbeddedCluster.hpp"
#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

std::chrono::milliseconds seconds(const std::string& text, bool& ok) {
  try {
    std::size_t used = 0;
    const double value = std::stod(text, &used);
    constexpr double kMaxSeconds = 7 * 24 * 3600;  // a week: longer than any drill
    ok = ok && used == text.size() && value >= 0 && value <= kMaxSeconds;
    return ok ? std::chrono::milliseconds(static_cast<long long>(value * 1000))
              : std::chrono::milliseconds(0);
  } catch (const std::exception&) {
    ok = false;
    return {};
  }
}

/// The Kafka error called `name` (librdkafka's names, e.g. NOT_LEADER_FOR_PARTITION), if any.
bool errorNamed(const std::string& name, int& code) {
  const struct rd_kafka_err_desc* descriptions = nullptr;
  size_t count = 0;
  rd_kafka_get_err_descs(&descriptions, &count);
  for (size_t i = 0; i < count; ++i) {
    if (descriptions[i].name != nullptr && name == descriptions[i].name) {
      code = descriptions[i].code;
      return true;
    }
  }
  return false;
}

int broker(const std::string& text, int brokers, bool& ok) {
  const int number = std::atoi(text.c_str());
  ok = ok && number >= 1 && number <= brokers;
  return number;
}

using Words = std::vector<std::string>;
using Fault = FaultSchedule::Fault;

/// Fills the kind-specific part of `fault` from `word` (word[0] is the time, word[1] the
/// kind); false when the words do not fit the kind.
bool parseKind(const Words& word, int brokers, Fault& fault) {
  bool ok = true;
  const std::string& kind = word[1];
  if (kind == "down" && word.size() == 5 && word[3] == "for") {
    fault.kind = FaultSchedule::Kind::kDown;
    fault.broker = broker(word[2], brokers, ok);
    fault.duration = seconds(word[4], ok);
  } else if (kind == "rtt" && word.size() == 6 && word[4] == "for") {
    fault.kind = FaultSchedule::Kind::kRtt;
    fault.broker = broker(word[2], brokers, ok);
    fault.rtt = seconds(word[3], ok) / 1000;  // given in ms
    ok = ok && fault.rtt.count() > 0;
    fault.duration = seconds(word[5], ok);
  } else if (kind == "errors" && word.size() == 5) {
    fault.kind = FaultSchedule::Kind::kErrors;
    fault.apiKey = word[2] == "produce" ? 0 : word[2] == "fetch" ? 1 : -1;
    fault.count = static_cast<std::size_t>(std::atoi(word[3].c_str()));
    ok = fault.apiKey >= 0 && fault.count > 0 && fault.count <= 10000 &&
         errorNamed(word[4], fault.error);
  } else if (kind == "leader" && word.size() == 5) {
    fault.kind = FaultSchedule::Kind::kLeader;
    fault.topic = word[2];
    fault.partition = std::atoi(word[3].c_str());
    ok = word[3].find_first_not_of("0123456789") == std::string::npos && word[3].size() < 7;
    fault.broker = broker(word[4], brokers, ok);
  } else {
    ok = false;
  }
  return ok;
}

const char* kindName(FaultSchedule::Kind kind) {
  switch (kind) {
    case FaultSchedule::Kind::kDown:
      return "down";
    case FaultSchedule::Kind::kRtt:
      return "rtt";
    case FaultSchedule::Kind::kErrors:
      return "errors";
    case FaultSchedule::Kind::kLeader:
      return "leader";
  }
  return "?";
}

}  // namespace

std::vector<FaultSchedule::Fault> FaultSchedule::parse(const std::string& text, int brokers) {
  std::vector<Fault> faults;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    std::istringstream words(line);
    const Words word{std::istream_iterator<std::string>(words), {}};
    if (word.empty() || word[0].front() == '#') {
      continue;
    }
    Fault fault;
    bool ok = word.size() >= 5 && parseKind(word, brokers, fault);
    fault.at = seconds(word[0], ok);
    if (!ok) {
      throw KafkaError::invalidArgument(
          "fault schedule, line " + std::to_string(number) +
          ": expected 'AT down BROKER for SECONDS', 'AT rtt BROKER MS for SECONDS', 'AT errors "
          "produce|fetch COUNT ERROR' or 'AT leader TOPIC PARTITION BROKER' (BROKER from 1 to " +
          std::to_string(brokers) + ")");
    }
    faults.push_back(std::move(fault));
  }
  return faults;
}

FaultSchedule::FaultSchedule(EmbeddedCluster& cluster, std::vector<Fault> faults)
    : cluster_(cluster), faults_(std::move(faults)) {
  worker_.start([this] { run(); });
}

FaultSchedule::~FaultSchedule() {
  worker_.stop();
  for (const auto& fault : faults_) {
    if (fault.kind == Kind::kDown || fault.kind == Kind::kRtt) {
      apply(fault, false);  // whatever was under way, every broker is healthy again
    }
  }
}

void FaultSchedule::run() {
  struct Step {
    std::chrono::milliseconds at;
    std::size_t fault;
    bool start;
  };
  std::vector<Step> steps;
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    steps.push_back({faults_[i].at, i, true});
    if (faults_[i].kind == Kind::kDown || faults_[i].kind == Kind::kRtt) {
      steps.push_back({faults_[i].at + faults_[i].duration, i, false});
    }  // request errors are used up and leader moves stay: neither is undone
  }
  std::stable_sort(steps.begin(), steps.end(),
                   [](const Step& a, const Step& b) { return a.at < b.at; });
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  for (const auto& step : steps) {
    if (!worker_.sleepUntil(lock, start + step.at)) {
      return;
    }
    apply(faults_[step.fault], step.start);
    remember(step.fault, step.start);
  }
}

void FaultSchedule::apply(const Fault& fault, bool start) {
  switch (fault.kind) {
    case Kind::kErrors:
      cluster_.failRequests(fault.apiKey, fault.count,
                            static_cast<rd_kafka_resp_err_t>(fault.error));
      break;
    case Kind::kRtt:
      cluster_.setBrokerRtt(fault.broker, start ? fault.rtt : std::chrono::milliseconds(0));
      break;
    case Kind::kDown:
      cluster_.setBrokerDown(fault.broker, start);
      break;
    case Kind::kLeader:
      cluster_.moveLeader(fault.topic, fault.partition, fault.broker);
      break;
  }
}

void FaultSchedule::remember(std::size_t fault, bool start) {  // called with mutex_ held
  const auto now = epochMicrosNow();
  const bool oneShot = faults_[fault].kind == Kind::kErrors || faults_[fault].kind == Kind::kLeader;
  if (start) {
    applied_.push_back({fault, now, oneShot ? now : 0});
    return;
  }
  for (auto& applied : applied_) {
    if (applied.fault == fault && applied.untilEpochMicros == 0) {
      applied.untilEpochMicros = now;
    }
  }
}

nlohmann::json FaultSchedule::appliedJson() const {
  nlohmann::json list = nlohmann::json::array();
  std::lock_guard lock(mutex_);
  for (const auto& applied : applied_) {
    const Fault& fault = faults_[applied.fault];
    nlohmann::json entry = {{"kind", kindName(fault.kind)},
                            {"fromEpochMicros", applied.fromEpochMicros}};
    if (applied.untilEpochMicros != 0) {
      entry["untilEpochMicros"] = applied.untilEpochMicros;
    }
    if (fault.kind != Kind::kErrors) {
      entry["broker"] = fault.broker;
    }
    if (fault.kind == Kind::kLeader) {
      entry["topic"] = fault.topic;
      entry["partition"] = fault.partition;
    }
    list.push_back(std::move(entry));
  }
  return list;
}

}  // namespace kafkanative
