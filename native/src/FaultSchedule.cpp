#include "FaultSchedule.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>

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

}  // namespace

std::vector<FaultSchedule::Fault> FaultSchedule::parse(const std::string& text, int brokers) {
  std::vector<Fault> faults;
  std::istringstream lines(text);
  int number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    std::istringstream words(line);
    std::vector<std::string> word{std::istream_iterator<std::string>(words), {}};
    if (word.empty() || word[0].front() == '#') {
      continue;
    }
    bool ok = word.size() >= 5;
    Fault fault{};
    if (ok) {
      fault.at = seconds(word[0], ok);
      if (word[1] == "errors" && word.size() == 5) {
        fault.apiKey = word[2] == "produce" ? 0 : word[2] == "fetch" ? 1 : -1;
        fault.count = static_cast<std::size_t>(std::atoi(word[3].c_str()));
        ok = ok && fault.apiKey >= 0 && fault.count > 0 && fault.count <= 10000 &&
             errorNamed(word[4], fault.error);
      } else {
        fault.broker = std::atoi(word[2].c_str());
        ok = ok && fault.broker >= 1 && fault.broker <= brokers;
        if (word[1] == "down" && word.size() == 5 && word[3] == "for") {
          fault.duration = seconds(word[4], ok);
        } else if (word[1] == "rtt" && word.size() == 6 && word[4] == "for") {
          fault.rtt = seconds(word[3], ok) / 1000;  // given in ms
          ok = ok && fault.rtt.count() > 0;
          fault.duration = seconds(word[5], ok);
        } else {
          ok = false;
        }
      }
    }
    if (!ok) {
      throw KafkaError::invalidArgument(
          "fault schedule, line " + std::to_string(number) +
          ": expected 'AT down BROKER for SECONDS', 'AT rtt BROKER MS for SECONDS' (BROKER from "
          "1 to " +
          std::to_string(brokers) + ") or 'AT errors produce|fetch COUNT ERROR'");
    }
    faults.push_back(fault);
  }
  return faults;
}

FaultSchedule::FaultSchedule(EmbeddedCluster& cluster, std::vector<Fault> faults)
    : cluster_(cluster), faults_(std::move(faults)) {
  thread_ = std::jthread([this](const std::stop_token& stop) { run(stop); });
}

FaultSchedule::~FaultSchedule() {
  thread_.request_stop();
  wake_.notify_all();
  thread_.join();
  for (const auto& fault : faults_) {
    apply(fault, false);  // whatever was under way, every broker is healthy again
  }
}

void FaultSchedule::run(const std::stop_token& stop) {
  struct Step {
    std::chrono::milliseconds at;
    std::size_t fault;
    bool start;
  };
  std::vector<Step> steps;
  for (std::size_t i = 0; i < faults_.size(); ++i) {
    steps.push_back({faults_[i].at, i, true});
    if (faults_[i].apiKey < 0) {  // request errors are used up, not undone
      steps.push_back({faults_[i].at + faults_[i].duration, i, false});
    }
  }
  std::sort(steps.begin(), steps.end(), [](const Step& a, const Step& b) { return a.at < b.at; });
  const auto start = std::chrono::steady_clock::now();
  std::unique_lock lock(mutex_);
  for (const auto& step : steps) {
    if (wake_.wait_until(lock, stop, start + step.at, [] { return false; }) ||
        stop.stop_requested()) {
      return;
    }
    apply(faults_[step.fault], step.start);
  }
}

void FaultSchedule::apply(const Fault& fault, bool start) {
  if (fault.apiKey >= 0) {
    if (start) {
      cluster_.failRequests(fault.apiKey, fault.count,
                            static_cast<rd_kafka_resp_err_t>(fault.error));
    }
  } else if (fault.rtt.count() > 0) {
    cluster_.setBrokerRtt(fault.broker, start ? fault.rtt : std::chrono::milliseconds(0));
  } else {
    cluster_.setBrokerDown(fault.broker, start);
  }
}

}  // namespace kafkanative
