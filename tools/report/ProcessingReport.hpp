#pragma once

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// The "processing" section of a run report: for each consumer group whose lag a Consumer
/// Group Lag sampler read (the summary's timeline.groups), how fast its input arrived, how fast
/// the group processed it, whether it kept up, how long it took to drain, and the end-to-end
/// latency through it. Readings are [epoch ms, end offsets, committed offsets, lag].
/// Seconds count from the run's start, as the report's other charts do. Rates are over the
/// active window: the readings from the first to the last in which the
/// input grew. Empty "groups" (and a reason) when the run read no group's lag.
nlohmann::json processingOf(const nlohmann::json& summary);

}  // namespace kafkanative::report
