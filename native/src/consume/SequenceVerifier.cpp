#include "kafkanative/SequenceVerifier.hpp"

#include <cstdio>

namespace kafkanative {

namespace {
std::string describe(const char* what, const SequenceVerifier::Record& record) {
  char producer[17];
  std::snprintf(producer, sizeof producer, "%016llx",
                static_cast<unsigned long long>(record.producer));
  return std::string(what) + " at partition " + std::to_string(record.partition) + " offset " +
         std::to_string(record.offset) + " (producer " + producer + ", sequence " +
         std::to_string(record.sequence) + ")";
}
}  // namespace

SequenceVerifier::Findings SequenceVerifier::check(const std::vector<Record>& batch) {
  Findings findings;
  std::lock_guard lock(mutex_);
  for (const Record& record : batch) {
    checkOne(record, findings);
  }
  return findings;
}

void SequenceVerifier::checkOne(const Record& record, Findings& findings) {
  auto [entry, first] = streams_.try_emplace({record.producer, record.partition});
  Stream& stream = entry->second;
  const auto problem = [&](const char* what) {
    if (findings.firstProblem.empty()) {
      findings.firstProblem = describe(what, record);
    }
  };
  if (!first && record.offset <= stream.highestOffset) {
    ++findings.redelivered;
    ++redelivered_;
    return;
  }
  stream.highestOffset = record.offset;
  extendRuns(stream, record);
  if (first || record.sequence == stream.next) {
    stream.next = record.sequence + 1;
    return;
  }
  if (record.sequence > stream.next) {
    const std::uint64_t skipped = record.sequence - stream.next;
    for (std::uint64_t gap = stream.next; gap < record.sequence; ++gap) {
      if (stream.gaps.size() >= kMaxTrackedGaps) {
        stream.untrackedGaps += record.sequence - gap;
        break;
      }
      stream.gaps.insert(gap);
    }
    findings.missing += skipped;
    problem("gap");
    stream.next = record.sequence + 1;
  } else if (stream.gaps.erase(record.sequence) == 1) {
    ++findings.reordered;
    ++reordered_;
    problem("reordered");
  } else {
    ++findings.duplicates;
    ++duplicates_;
    problem("duplicate");
  }
}

void SequenceVerifier::extendRuns(Stream& stream, const Record& record) {
  if (!stream.runsComplete) {
    return;
  }
  if (!stream.runs.empty() && stream.runs.back().lastSequence + 1 == record.sequence) {
    stream.runs.back().lastSequence = record.sequence;
    stream.runs.back().lastOffset = record.offset;
  } else if (stream.runs.size() < kMaxRuns) {
    stream.runs.push_back({record.sequence, record.sequence, record.offset, record.offset});
  } else {
    stream.runsComplete = false;
  }
}

std::vector<SequenceVerifier::StreamRuns> SequenceVerifier::runs() const {
  std::lock_guard lock(mutex_);
  std::vector<StreamRuns> all;
  all.reserve(streams_.size());
  for (const auto& [key, stream] : streams_) {
    all.push_back({key.first, key.second, stream.runs, stream.runsComplete});
  }
  return all;
}

std::uint64_t SequenceVerifier::missing() const {
  std::lock_guard lock(mutex_);
  std::uint64_t total = 0;
  for (const auto& [key, stream] : streams_) {
    total += stream.gaps.size() + stream.untrackedGaps;
  }
  return total;
}

std::uint64_t SequenceVerifier::duplicates() const {
  std::lock_guard lock(mutex_);
  return duplicates_;
}

std::uint64_t SequenceVerifier::redelivered() const {
  std::lock_guard lock(mutex_);
  return redelivered_;
}

std::uint64_t SequenceVerifier::reordered() const {
  std::lock_guard lock(mutex_);
  return reordered_;
}

}  // namespace kafkanative
