#pragma once

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// The "replication" section of a run report, from the cluster health readings (the summary's
/// health.readings: [epoch ms, brokers, partitions, under-replicated, offline], a row whenever
/// a figure changed): the spans during which partitions were under-replicated, had no leader,
/// or brokers were missing from the metadata; for each broker loss those spans show ("losses":
/// no fault schedule needed, so real failures count), when partitions became under-replicated,
/// when the broker returned and how long after that every partition was fully replicated
/// again; and the same for each injected fault. What the cluster did not tell (the embedded
/// cluster models no in-sync replicas) is said, never guessed.
nlohmann::json replicationOf(const nlohmann::json& summary);

}  // namespace kafkanative::report
