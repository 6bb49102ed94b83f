#pragma once

#include <nlohmann/json.hpp>
#include <vector>

namespace kafkanative::report {

/// Several JMeter engines' native summaries of one test (JMeter's distributed mode: each
/// engine writes its own) as one summary of the same form, so the run report reads it as it
/// reads one engine's. Counts add up; latency percentiles come from merged histogram buckets,
/// never from averaging percentiles; the per-second timelines are aligned by wall clock; and
/// "engines" lists each engine's share.
struct SummaryMerge {
  static nlohmann::json merge(const std::vector<nlohmann::json>& engines);
};

}  // namespace kafkanative::report
