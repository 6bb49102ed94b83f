#include "SharedSequence.hpp"

#include <map>
#include <mutex>

#include "kafkanative/KafkaError.hpp"

namespace kafkanative {

namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::string, std::shared_ptr<SharedSequence>, std::less<>> sequences;
};

Registry& registry() {
  static Registry instance;
  return instance;
}

}  // namespace

std::shared_ptr<SharedSequence> SharedSequence::named(const std::string& name, std::int64_t start,
                                                      std::int64_t step, const std::string& what) {
  Registry& shared = registry();
  std::lock_guard lock(shared.mutex);
  auto& sequence = shared.sequences[name];
  if (!sequence) {
    sequence = std::make_shared<SharedSequence>(start, step);
  } else if (sequence->start_ != start || sequence->step_ != step) {
    throw KafkaError::invalidArgument(
        what + ": sequence '" + name + "' already counts from " + std::to_string(sequence->start_) +
        " by " + std::to_string(sequence->step_) +
        " (another template named it so); one name has one start and step");
  }
  return sequence;
}

void SharedSequence::restartAll() {
  Registry& shared = registry();
  std::lock_guard lock(shared.mutex);
  shared.sequences.clear();
}

}  // namespace kafkanative
