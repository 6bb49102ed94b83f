#include "Rebalance.hpp"

#include <memory>
#include <string_view>

namespace kafkanative {

bool Rebalance::cooperative(rd_kafka_t* handle) {
  const char* protocol = rd_kafka_rebalance_protocol(handle);
  return protocol != nullptr && std::string_view(protocol) == "COOPERATIVE";
}

std::string Rebalance::apply(rd_kafka_t* handle, rd_kafka_resp_err_t event,
                             const rd_kafka_topic_partition_list_t* partitions) {
  const bool assign = event == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS;
  if (!cooperative(handle)) {
    const rd_kafka_resp_err_t error = rd_kafka_assign(handle, assign ? partitions : nullptr);
    return error == RD_KAFKA_RESP_ERR_NO_ERROR ? std::string() : rd_kafka_err2str(error);
  }
  const std::unique_ptr<rd_kafka_error_t, decltype(&rd_kafka_error_destroy)> error(
      assign ? rd_kafka_incremental_assign(handle, partitions)
             : rd_kafka_incremental_unassign(handle, partitions),
      &rd_kafka_error_destroy);
  return error == nullptr ? std::string() : rd_kafka_error_string(error.get());
}

}  // namespace kafkanative
