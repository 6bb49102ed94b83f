#pragma once

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// The "flood" section of a run report (testplans/flood.jmx): `summary` is the well-behaved
/// clients' connection, `flood` the flooding client's (a connection of its own, so brokers see
/// its own client id and its quota). Gives the time from the flood's first message to the first
/// throttled response, throttling and client errors (connections refused or closed) second by
/// second, and the well-behaved producers' rate and acknowledgement latency before, during and
/// after the flood: the collateral damage.
nlohmann::json floodOf(const nlohmann::json& summary, const nlohmann::json& flood);

}  // namespace kafkanative::report
