#include "GroupVerification.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <utility>

#include "kafkanative/SequenceVerifier.hpp"

namespace kafkanative::report {

namespace {

using nlohmann::json;

/// Sequences first..last of one engine's run, within that run's offsets.
struct Piece {
  std::uint64_t first;
  std::uint64_t last;
  std::int64_t firstOffset;
  std::int64_t lastOffset;
  std::size_t engine;
};

using StreamKey = std::pair<std::uint64_t, std::int32_t>;  // producer, partition

/// Adds `consumer`'s runs to `streams`; false when it has no complete evidence.
bool addRuns(const json& consumer, std::size_t engine,
             std::map<StreamKey, std::vector<Piece>>& streams) {
  if (!consumer.contains("sequenceRuns")) {
    return false;
  }
  for (const auto& stream : consumer["sequenceRuns"]) {
    if (!stream.value("complete", false)) {
      return false;
    }
    const StreamKey key{std::stoull(stream.at("producer").get<std::string>(), nullptr, 16),
                        stream.at("partition").get<std::int32_t>()};
    for (const auto& run : stream.at("runs")) {
      streams[key].push_back({run.at(0).get<std::uint64_t>(), run.at(1).get<std::uint64_t>(),
                              run.at(2).get<std::int64_t>(), run.at(3).get<std::int64_t>(),
                              engine});
    }
  }
  return true;
}

/// `pieces` without the sequences `taken` holds; counts what it removes into `removed`.
std::vector<Piece> without(const std::vector<Piece>& pieces, const Piece& taken,
                           std::uint64_t& removed) {
  std::vector<Piece> rest;
  for (const Piece& piece : pieces) {
    const std::uint64_t from = std::max(piece.first, taken.first);
    const std::uint64_t to = std::min(piece.last, taken.last);
    if (from > to) {
      rest.push_back(piece);
      continue;
    }
    removed += to - from + 1;
    if (piece.first < from) {
      rest.push_back({piece.first, from - 1, piece.firstOffset, piece.lastOffset, piece.engine});
    }
    if (to < piece.last) {
      rest.push_back({to + 1, piece.last, piece.firstOffset, piece.lastOffset, piece.engine});
    }
  }
  return rest;
}

bool sameOffsets(const Piece& a, const Piece& b) {
  return a.engine != b.engine && a.firstOffset <= b.lastOffset && b.firstOffset <= a.lastOffset;
}

/// One stream's runs from every engine: what was read again is counted into `redelivered`,
/// the rest goes through `verifier` in offset order, as one consumer would have read it.
void replay(const StreamKey& key, std::vector<Piece> runs, SequenceVerifier& verifier,
            std::uint64_t& redelivered) {
  std::sort(runs.begin(), runs.end(), [](const Piece& a, const Piece& b) {
    return std::pair(a.firstOffset, a.engine) < std::pair(b.firstOffset, b.engine);
  });
  std::vector<Piece> kept;
  std::int64_t offset = 0;  // the replay's own: only the order matters
  std::vector<SequenceVerifier::Record> records;
  for (const Piece& run : runs) {
    std::vector<Piece> fresh{run};
    for (const Piece& earlier : kept) {
      if (sameOffsets(earlier, run)) {
        fresh = without(fresh, earlier, redelivered);
      }
    }
    for (const Piece& piece : fresh) {
      records.clear();
      for (std::uint64_t sequence = piece.first; sequence <= piece.last; ++sequence) {
        records.push_back({key.first, key.second, sequence, offset++});
      }
      verifier.check(records);
    }
    kept.insert(kept.end(), fresh.begin(), fresh.end());
  }
}

}  // namespace

json GroupVerification::merge(const std::vector<const json*>& engines) {
  std::map<StreamKey, std::vector<Piece>> streams;
  std::uint64_t redelivered = 0;  // within each engine, as the engines counted
  for (std::size_t engine = 0; engine < engines.size(); ++engine) {
    if (!addRuns(*engines[engine], engine, streams)) {
      return nullptr;
    }
    redelivered += engines[engine]->value("redelivered", std::uint64_t{0});
  }
  SequenceVerifier verifier;
  for (auto& [key, runs] : streams) {
    replay(key, std::move(runs), verifier, redelivered);
  }
  return {{"missing", verifier.missing()},
          {"duplicates", verifier.duplicates()},
          {"reordered", verifier.reordered()},
          {"redelivered", redelivered}};
}

}  // namespace kafkanative::report
