// The floor for one-message waited samples: plain librdkafka (none of the core), T threads
// sharing one producer, each producing one message and waiting for its delivery report before
// the next — what a JMeter thread of a sync-1 plan does, without JMeter or the plugin.
// Delivery reports are served by a thread of their own that wakes the waiting thread, the way
// an application shares one producer between threads; the waiter blocks on an atomic (a futex),
// the cheapest wake-up there is. Prints msgs/s and ack-latency percentiles as JSON; ack latency
// is librdkafka's own (enqueue to delivery report, rd_kafka_message_latency), as the core
// records it, so the two are comparable.
#include <librdkafka/rdkafka.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

/// One thread's outstanding message: the report sets `done` and wakes the thread.
struct Waiter {
  std::atomic<int> done{0};
  rd_kafka_resp_err_t error = RD_KAFKA_RESP_ERR_NO_ERROR;
  std::int64_t latencyMicros = 0;
};

void onDelivery(rd_kafka_t*, const rd_kafka_message_t* message, void*) {
  auto* waiter = static_cast<Waiter*>(message->_private);
  waiter->error = message->err;
  waiter->latencyMicros = rd_kafka_message_latency(message);
  waiter->done.store(1, std::memory_order_release);
  waiter->done.notify_one();
}

void set(rd_kafka_conf_t* conf, const char* name, const std::string& value) {
  char error[256];
  if (rd_kafka_conf_set(conf, name, value.c_str(), error, sizeof error) != RD_KAFKA_CONF_OK) {
    std::cerr << "sync_floor: " << name << ": " << error << "\n";
    std::exit(2);
  }
}

double mean(const std::vector<std::int64_t>& values) {
  double sum = 0;
  for (const auto value : values) {
    sum += static_cast<double>(value);
  }
  return values.empty() ? 0 : sum / static_cast<double>(values.size());
}

double percentile(std::vector<std::int64_t>& values, double fraction) {
  if (values.empty()) {
    return 0;
  }
  const auto index = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index),
                   values.end());
  return static_cast<double>(values[index]);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::cerr << "usage: sync_floor BOOTSTRAP TOPIC MESSAGES_PER_THREAD SIZE ACKS THREADS "
                 "[key=value ...]\n";
    return 2;
  }
  const std::string topic = argv[2];
  const long perThread = std::atol(argv[3]);
  const std::string value(std::strtoul(argv[4], nullptr, 10), 'x');
  const int threads = std::atoi(argv[6]);
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  set(conf, "bootstrap.servers", argv[1]);
  set(conf, "acks", argv[5]);
  set(conf, "linger.ms", "0");
  for (int i = 7; i < argc; ++i) {
    const std::string pair = argv[i];
    const auto equals = pair.find('=');
    set(conf, pair.substr(0, equals).c_str(), pair.substr(equals + 1));
  }
  rd_kafka_conf_set_dr_msg_cb(conf, &onDelivery);
  char error[256];
  rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (producer == nullptr) {
    std::cerr << "sync_floor: " << error << "\n";
    return 1;
  }
  std::atomic<bool> stop{false};
  std::thread poller([&] {
    while (!stop.load()) {
      rd_kafka_poll(producer, 100);
    }
  });
  std::vector<std::vector<std::int64_t>> latencies(static_cast<std::size_t>(threads));
  std::atomic<long> failed{0};
  const auto start = Clock::now();
  std::vector<std::thread> senders;
  for (int t = 0; t < threads; ++t) {
    senders.emplace_back([&, t] {
      auto& mine = latencies[static_cast<std::size_t>(t)];
      mine.reserve(static_cast<std::size_t>(perThread));
      Waiter waiter;
      for (long i = 0; i < perThread; ++i) {
        waiter.done.store(0, std::memory_order_relaxed);
        const auto err = rd_kafka_producev(
            producer, RD_KAFKA_V_TOPIC(topic.c_str()),
            RD_KAFKA_V_VALUE(const_cast<char*>(value.data()), value.size()),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(&waiter), RD_KAFKA_V_END);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
          failed.fetch_add(1);
          continue;
        }
        waiter.done.wait(0, std::memory_order_acquire);
        if (waiter.error != RD_KAFKA_RESP_ERR_NO_ERROR) {
          failed.fetch_add(1);
        }
        mine.push_back(waiter.latencyMicros);
      }
    });
  }
  for (auto& sender : senders) {
    sender.join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stop.store(true);
  poller.join();
  rd_kafka_destroy(producer);
  std::vector<std::int64_t> all;
  for (const auto& mine : latencies) {
    all.insert(all.end(), mine.begin(), mine.end());
  }
  const double total = static_cast<double>(threads) * static_cast<double>(perThread);
  std::printf(
      "{\"messagesPerSecond\": %.0f, \"megabytesPerSecond\": %.2f, \"failed\": %ld, "
      "\"ackMeanMicros\": %.1f, \"ackP50Micros\": %.0f, \"ackP99Micros\": %.0f}\n",
      total / seconds, total * static_cast<double>(value.size()) / 1e6 / seconds, failed.load(),
      mean(all), percentile(all, 0.50), percentile(all, 0.99));
  return failed.load() == 0 ? 0 : 1;
}
