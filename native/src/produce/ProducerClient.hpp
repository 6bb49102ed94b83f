#pragma once

#include <librdkafka/rdkafka.h>

#include <atomic>
#include <chrono>
#include <thread>

namespace kafkanative {

/// One librdkafka producer handle and who serves its callbacks (delivery reports, errors,
/// statistics): a thread of its own, or — for a client that one waiting session owns — that
/// session, which polls while it waits, so a delivery report reaches the waiting thread without
/// a hand-off. At close the closing thread takes over: it flushes in-flight messages up to the
/// flush timeout and purges the rest, so every waiting sample gets its outcome.
class ProducerClient {
 public:
  /// Who runs the client's callbacks.
  enum class Serving { kOwnThread, kByOwner };

  /// Takes ownership of `conf`; throws KafkaError if librdkafka refuses it.
  ProducerClient(rd_kafka_conf_t* conf, std::chrono::milliseconds flushTimeout,
                 Serving serving = Serving::kOwnThread);
  ~ProducerClient();
  ProducerClient(const ProducerClient&) = delete;
  ProducerClient& operator=(const ProducerClient&) = delete;

  rd_kafka_t* handle() const noexcept { return handle_; }

 private:
  void pollUntilStopped();
  void flushAndPurge();

  std::chrono::milliseconds flushTimeout_;
  rd_kafka_t* handle_ = nullptr;
  std::atomic<bool> stopPolling_{false};
  std::thread poller_;
};

}  // namespace kafkanative
