#pragma once

#include <librdkafka/rdkafka.h>

#include <string>

namespace kafkanative {

/// Applies a group rebalance the way its protocol requires (incremental for COOPERATIVE,
/// whole assignment for EAGER).
///
/// rd_kafka_rebalance_protocol() returns NULL once the group is going away, which is exactly
/// when rd_kafka_consumer_close() revokes the assignment; that case is handled as EAGER, so
/// closing a consumer never dereferences it.
struct Rebalance {
  static bool cooperative(rd_kafka_t* handle);
  /// Returns a description of librdkafka's refusal, or an empty string.
  static std::string apply(rd_kafka_t* handle, rd_kafka_resp_err_t event,
                           const rd_kafka_topic_partition_list_t* partitions);
};

}  // namespace kafkanative
