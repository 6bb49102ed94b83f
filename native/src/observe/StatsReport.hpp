#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "kafkanative/ConsumerStats.hpp"
#include "kafkanative/ProducerStats.hpp"

namespace kafkanative {

/// Count, mean, percentiles and max of `histogram`, µs, and its non-empty buckets.
nlohmann::json histogramJson(const LatencyHistogram& histogram);

/// Counters, rates (over first send to last ack) and latency percentiles of `stats` as JSON.
nlohmann::json statsJson(const ProducerStats& stats);

/// The same as one human-readable line, latencies in milliseconds.
std::string statsText(const ProducerStats& stats);

/// A consumer sampler's counts, rate, end-to-end latency, lag and verification, as JSON.
nlohmann::json consumerJson(const ConsumerStats& stats);

/// The same as one human-readable line.
std::string consumerText(const ConsumerStats& stats);

/// A producer sampler's live figures as one line of tab-separated `key=value` fields after
/// "producer\tNAME": cumulative counts, and histograms as `bound:count,...` over their
/// non-empty buckets, so a reader can subtract two readings for the figures of an interval.
std::string liveLine(const std::string& name, const ProducerStats& stats);
/// The same for a consumer sampler ("consumer\tNAME\t...").
std::string liveLine(const std::string& name, const ConsumerStats& stats);
/// One line per disruption the client saw (RunTimeline's list), empty without any.
std::string disruptionsText(const nlohmann::json& disruptions);

}  // namespace kafkanative
