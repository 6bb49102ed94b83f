// The floor for one-message waited samples: plain librdkafka (none of the core), T threads each
// producing one message and waiting for its delivery report before the next — what a JMeter
// thread of a sync-1 plan does, without JMeter or the plugin. Two ways to share producers:
// - shared: one producer for all threads; a thread of its own serves the delivery reports and
//   wakes the waiting sender (an atomic wait, i.e. a futex: the cheapest wake-up there is);
// - per-thread: a producer per thread, which polls it itself until its report arrives (no
//   hand-off at all — the fastest shape plain librdkafka has).
// Prints msgs/s and ack-latency figures as JSON; ack latency is librdkafka's own (enqueue to
// delivery report, rd_kafka_message_latency), as the core records it, so the two compare.
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

struct Options {
  std::string bootstrap;
  std::string topic;
  long perThread = 0;
  std::string value;
  std::string acks;
  int threads = 0;
  bool perThreadProducers = false;
  std::vector<std::string> properties;  ///< key=value
};

void set(rd_kafka_conf_t* conf, const std::string& name, const std::string& value) {
  char error[256];
  if (rd_kafka_conf_set(conf, name.c_str(), value.c_str(), error, sizeof error) !=
      RD_KAFKA_CONF_OK) {
    std::cerr << "sync_floor: " << name << ": " << error << "\n";
    std::exit(2);
  }
}

rd_kafka_t* newProducer(const Options& options) {
  rd_kafka_conf_t* conf = rd_kafka_conf_new();
  set(conf, "bootstrap.servers", options.bootstrap);
  set(conf, "acks", options.acks);
  set(conf, "linger.ms", "0");                // the plugin's for waited samples
  set(conf, "socket.nagle.disable", "true");  // the plugin's for every client
  for (const auto& pair : options.properties) {
    const auto equals = pair.find('=');
    set(conf, pair.substr(0, equals), pair.substr(equals + 1));
  }
  rd_kafka_conf_set_dr_msg_cb(conf, &onDelivery);
  char error[256];
  rd_kafka_t* producer = rd_kafka_new(RD_KAFKA_PRODUCER, conf, error, sizeof error);
  if (producer == nullptr) {
    std::cerr << "sync_floor: " << error << "\n";
    std::exit(1);
  }
  return producer;
}

/// One sender: `perThread` messages, each waited for; `servesItself` polls the producer
/// while waiting instead of sleeping until another thread wakes it.
void send(const Options& options, rd_kafka_t* producer, bool servesItself,
          std::vector<std::int64_t>& latencies, std::atomic<long>& failed) {
  latencies.reserve(static_cast<std::size_t>(options.perThread));
  Waiter waiter;
  for (long i = 0; i < options.perThread; ++i) {
    waiter.done.store(0, std::memory_order_relaxed);
    const auto error = rd_kafka_producev(
        producer, RD_KAFKA_V_TOPIC(options.topic.c_str()),
        RD_KAFKA_V_VALUE(const_cast<char*>(options.value.data()), options.value.size()),
        RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_OPAQUE(&waiter), RD_KAFKA_V_END);
    if (error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      failed.fetch_add(1);
      continue;
    }
    if (servesItself) {
      while (waiter.done.load(std::memory_order_acquire) == 0) {
        rd_kafka_poll(producer, 100);
      }
    } else {
      waiter.done.wait(0, std::memory_order_acquire);
    }
    if (waiter.error != RD_KAFKA_RESP_ERR_NO_ERROR) {
      failed.fetch_add(1);
    }
    latencies.push_back(waiter.latencyMicros);
  }
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

Options parse(int argc, char** argv) {
  if (argc < 8 || (std::string(argv[7]) != "shared" && std::string(argv[7]) != "per-thread")) {
    std::cerr << "usage: sync_floor BOOTSTRAP TOPIC MESSAGES_PER_THREAD SIZE ACKS THREADS "
                 "shared|per-thread [key=value ...]\n";
    std::exit(2);
  }
  Options options;
  options.bootstrap = argv[1];
  options.topic = argv[2];
  options.perThread = std::atol(argv[3]);
  options.value.assign(std::strtoul(argv[4], nullptr, 10), 'x');
  options.acks = argv[5];
  options.threads = std::atoi(argv[6]);
  options.perThreadProducers = std::string(argv[7]) == "per-thread";
  options.properties.assign(argv + 8, argv + argc);
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parse(argc, argv);
  std::vector<rd_kafka_t*> producers;
  for (int i = 0; i < (options.perThreadProducers ? options.threads : 1); ++i) {
    producers.push_back(newProducer(options));
  }
  std::atomic<bool> stop{false};
  std::thread poller;  // serves the shared producer's delivery reports
  if (!options.perThreadProducers) {
    poller = std::thread([&] {
      while (!stop.load()) {
        rd_kafka_poll(producers.front(), 100);
      }
    });
  }
  std::vector<std::vector<std::int64_t>> latencies(static_cast<std::size_t>(options.threads));
  std::atomic<long> failed{0};
  const auto start = Clock::now();
  std::vector<std::thread> senders;
  for (std::size_t t = 0; t < latencies.size(); ++t) {
    senders.emplace_back([&, t] {
      send(options, producers[options.perThreadProducers ? t : 0], options.perThreadProducers,
           latencies[t], failed);
    });
  }
  for (auto& sender : senders) {
    sender.join();
  }
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  stop.store(true);
  if (poller.joinable()) {
    poller.join();
  }
  for (auto* producer : producers) {
    rd_kafka_destroy(producer);
  }
  std::vector<std::int64_t> all;
  for (const auto& mine : latencies) {
    all.insert(all.end(), mine.begin(), mine.end());
  }
  const double total = static_cast<double>(all.size());
  std::printf(
      "{\"messagesPerSecond\": %.0f, \"megabytesPerSecond\": %.2f, \"failed\": %ld, "
      "\"ackP50Micros\": %.0f, \"ackP99Micros\": %.0f}\n",
      total / seconds, total * static_cast<double>(options.value.size()) / 1e6 / seconds,
      failed.load(), percentile(all, 0.50), percentile(all, 0.99));
  return failed.load() == 0 ? 0 : 1;
}
