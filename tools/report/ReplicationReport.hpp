#pragma once

#include <nlohmann/json.hpp>

namespace kafkanative::report {

/// The "replication" section of a run report, from the cluster health readings (the summary's
/// health.readings: [epoch ms, brokers, partitions, under-replicated, offline], a row whenever
/// a figure changed): the spans during which partitions were under-replicated, had no leader,
/// or brokers were missing from the metadata, and for each injected fault, how long until every
/// partition was fully replicated again and how long partitions went without a leader. Works
/// the same for a broker lost on a real cluster without a fault schedule. What the cluster did
/// not tell (the embedded cluster models no in-sync replicas) is said, never guessed.
nlohmann::json replicationOf(const nlohmann::json& summary);

}  // namespace kafkanative::report
