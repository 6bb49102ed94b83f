// Hot paths of the core, timed by Google Benchmark (never asserted on): what one message
// costs before librdkafka sees it.
#include <benchmark/benchmark.h>

#include <string>

#include "OutcomeQueue.hpp"
#include "kafkanative/LatencyHistogram.hpp"
#include "kafkanative/MessageTemplate.hpp"
#include "kafkanative/RateLimiter.hpp"

using namespace kafkanative;

namespace {

void renderTemplate(benchmark::State& state, const char* text, std::size_t size) {
  const MessageTemplate compiled(text, size, "value");
  FastRandom random(1);
  std::string out;
  std::uint64_t sequence = 0;
  for (auto _ : state) {
    compiled.render(TemplateContext{sequence++, 1, random}, out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * out.size()));
}

void BM_TemplateSeqPadded100(benchmark::State& state) { renderTemplate(state, "{{seq}} ", 100); }
void BM_TemplateSeqPadded1024(benchmark::State& state) { renderTemplate(state, "{{seq}} ", 1024); }
void BM_TemplateUuidTimestamp(benchmark::State& state) {
  renderTemplate(state, "{\"id\":\"{{uuid}}\",\"ts\":{{timestamp_us}},\"n\":{{random_int:1:100}}}",
                 0);
}
void BM_TemplateRandomString100(benchmark::State& state) {
  renderTemplate(state, "{{random_string:100}}", 0);
}

void BM_HistogramRecord(benchmark::State& state) {
  LatencyHistogram histogram;
  std::uint64_t value = 1;
  for (auto _ : state) {
    histogram.record(value);
    value = value * 7 % 1'000'003;
  }
  benchmark::DoNotOptimize(histogram.count());
}

void BM_OutcomeQueuePushPop(benchmark::State& state) {
  OutcomeQueue queue;
  DeliveryBatch* item = nullptr;
  for (auto _ : state) {
    queue.push(item);
    queue.pop(item);
  }
  benchmark::DoNotOptimize(item);
}

void BM_RateLimiterClaim(benchmark::State& state) {
  RateLimiter limiter(1e9);
  for (auto _ : state) {
    benchmark::DoNotOptimize(limiter.claim(1));
  }
}

}  // namespace

BENCHMARK(BM_TemplateSeqPadded100);
BENCHMARK(BM_TemplateSeqPadded1024);
BENCHMARK(BM_TemplateUuidTimestamp);
BENCHMARK(BM_TemplateRandomString100);
BENCHMARK(BM_HistogramRecord);
BENCHMARK(BM_OutcomeQueuePushPop);
BENCHMARK(BM_RateLimiterClaim);
BENCHMARK_MAIN();
