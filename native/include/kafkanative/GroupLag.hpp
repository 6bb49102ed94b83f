#pragma once

#include <cstdint>
#include <string>

namespace kafkanative {

/// One reading of a consumer group's lag on its topics (see GroupLagReader).
struct GroupLag {
  std::int64_t lag = -1;         ///< end offsets less committed offsets, summed; -1: unknown
  std::int64_t endOffsets = 0;   ///< the partitions' end offsets (high watermarks), summed
  std::int64_t committed = 0;    ///< the group's committed offsets, summed (the start offset
                                 ///< of a partition it has not committed on)
  std::int32_t partitions = 0;   ///< partitions read
  std::int32_t uncommitted = 0;  ///< of which the group has committed nothing yet
  std::int64_t elapsedMicros = 0;
  std::string errorName;  ///< empty when the reading is whole
  std::string errorMessage;
};

}  // namespace kafkanative
