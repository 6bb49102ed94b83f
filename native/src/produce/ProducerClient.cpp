#include "ProducerClient.hpp"

#ifndef _WIN32
#include <pthread.h>
#endif

#include "kafkanative/KafkaError.hpp"
#include "kafkanative/NativeLog.hpp"

namespace kafkanative {

namespace {
constexpr std::chrono::milliseconds kPollInterval{100};
}

ProducerClient::ProducerClient(rd_kafka_conf_t* conf, std::chrono::milliseconds flushTimeout,
                               Serving serving)
    : flushTimeout_(flushTimeout) {
  char error[512];
  handle_ = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (handle_ == nullptr) {
    rd_kafka_conf_destroy(conf);
    throw KafkaError::invalidArgument(error);
  }
  if (serving == Serving::kOwnThread) {
    poller_ = std::thread([this] { pollUntilStopped(); });
  }
}

ProducerClient::~ProducerClient() {
  if (poller_.joinable()) {
    stopPolling_.store(true, std::memory_order_relaxed);
    poller_.join();
  }
  flushAndPurge();
  rd_kafka_destroy(handle_);
}

void ProducerClient::pollUntilStopped() {
  // Named, so profiles and `top -H` tell it from the JMeter thread that started it.
#if defined(__linux__)
  pthread_setname_np(pthread_self(), "kn-producer-dr");
#elif defined(__APPLE__)
  pthread_setname_np("kn-producer-dr");
#endif
  while (!stopPolling_.load(std::memory_order_relaxed)) {
    rd_kafka_poll(handle_, static_cast<int>(kPollInterval.count()));
  }
}

void ProducerClient::flushAndPurge() {
  if (rd_kafka_flush(handle_, static_cast<int>(flushTimeout_.count())) ==
      RD_KAFKA_RESP_ERR_NO_ERROR) {
    return;
  }
  NativeLog::warn(std::string(rd_kafka_name(handle_)) + ": " +
                  std::to_string(rd_kafka_outq_len(handle_)) +
                  " messages still in flight after the flush timeout of " +
                  std::to_string(flushTimeout_.count()) + " ms; purging them");
  rd_kafka_purge(handle_, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
  // Serves the purge's delivery reports so every waiting sample completes.
  rd_kafka_flush(handle_, static_cast<int>(kPollInterval.count()));
}

}  // namespace kafkanative
