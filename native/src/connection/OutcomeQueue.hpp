#pragma once

#include <boost/lockfree/spsc_queue.hpp>
#include <cstddef>

namespace kafkanative {

class DeliveryBatch;

/// Completed tracked batches on their way from the thread serving delivery reports (the
/// single producer) to the session's JMeter thread (the single consumer). Lock-free and
/// bounded: the session never has more batches in flight than the queue holds, so a push
/// from a delivery callback always succeeds.
class OutcomeQueue
    : public boost::lockfree::spsc_queue<DeliveryBatch*, boost::lockfree::capacity<4096>> {
 public:
  static constexpr std::size_t kCapacity = 4096;
};

}  // namespace kafkanative
