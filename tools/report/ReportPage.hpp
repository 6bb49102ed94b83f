#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace kafkanative::report {

/// The run report as one self-contained HTML page: the answers first (capacity, disk, keep-up,
/// failover, throttling), then the charts (inline SVG) and the cluster facts. Nothing is
/// fetched from the network.
std::string reportPage(const nlohmann::json& report);

}  // namespace kafkanative::report
