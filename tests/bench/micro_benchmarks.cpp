// Hot paths of the core, timed by Google Benchmark (never asserted on): what one message
// costs before librdkafka sees it.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "OutcomeQueue.hpp"
#include "RecordSchema.hpp"
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
void BM_TemplateRandomChars100(benchmark::State& state) {
  renderTemplate(state, "{{random_chars:100:ABCDEFGHJKLMNPQRSTUVWXYZ23456789}}", 0);
}
// The session's own {{seq}} against one engine-wide counter that every thread draws from (one
// atomic add per message): run on 1 and 2 threads, the second shows the contention.
void BM_TemplateSeq(benchmark::State& state) { renderTemplate(state, "{{seq}}", 0); }
void BM_TemplateSharedSequence(benchmark::State& state) {
  renderTemplate(state, "{{sequence:bench:1:1}}", 0);
}

/// testplans/schemas/FILE: the worked example's Order schema and its benchmark template.
std::string exampleFile(const char* name) {
  std::ifstream file(std::string(KNS_SCHEMAS_DIR) + "/" + name);
  std::ostringstream text;
  text << file.rdbuf();
  return text.str();
}

/// One Order per iteration in `format` (its schema testplans/schemas/SCHEMA), from the
/// template (or at random, `templateText` empty).
void renderRecord(benchmark::State& state, MessageFormat format, const char* schemaFile,
                  const std::string& templateText) {
  const auto schema = RecordSchema::parse(format, exampleFile(schemaFile), schemaFile);
  const auto compiled = schema->compile(templateText, "value");
  FastRandom random(1);
  std::string out;
  std::uint64_t sequence = 0;
  std::size_t bytes = 0;
  for (auto _ : state) {
    out.clear();
    compiled->render(TemplateContext{sequence++, 1, random}, out);
    bytes += out.size();
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

// The same record as JSON text through the string path, for comparison.
void BM_TemplateOrderAsJsonText(benchmark::State& state) {
  const std::string text = exampleFile("order.template.json");
  renderTemplate(state, text.c_str(), 0);
}
void BM_AvroOrderFromTemplate(benchmark::State& state) {
  renderRecord(state, MessageFormat::kAvro, "order.avsc", exampleFile("order.template.json"));
}
void BM_AvroOrderRandom(benchmark::State& state) {
  renderRecord(state, MessageFormat::kAvro, "order.avsc", "");
}
void BM_ProtobufOrderFromTemplate(benchmark::State& state) {
  renderRecord(state, MessageFormat::kProtobuf, "order.proto", exampleFile("order.template.json"));
}
void BM_ProtobufOrderRandom(benchmark::State& state) {
  renderRecord(state, MessageFormat::kProtobuf, "order.proto", "");
}
void BM_JsonSchemaOrderFromTemplate(benchmark::State& state) {
  renderRecord(state, MessageFormat::kJsonSchema, "order.schema.json",
               exampleFile("order.template.json"));
}
void BM_JsonSchemaOrderRandom(benchmark::State& state) {
  renderRecord(state, MessageFormat::kJsonSchema, "order.schema.json", "");
}

/// Checks one Order (as a consumer does every value) per iteration, without building JSON.
void decodeRecord(benchmark::State& state, MessageFormat format, const char* schemaFile) {
  const auto schema = RecordSchema::parse(format, exampleFile(schemaFile), schemaFile);
  FastRandom random(1);
  std::string record;
  schema->compile(exampleFile("order.template.json"), "value")
      ->render(TemplateContext{1, 1, random}, record);
  std::string problem;
  for (auto _ : state) {
    benchmark::DoNotOptimize(schema->decode(record, false, nullptr, problem));
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * record.size()));
}
void BM_AvroOrderDecode(benchmark::State& state) {
  decodeRecord(state, MessageFormat::kAvro, "order.avsc");
}
void BM_ProtobufOrderDecode(benchmark::State& state) {
  decodeRecord(state, MessageFormat::kProtobuf, "order.proto");
}
void BM_JsonSchemaOrderDecode(benchmark::State& state) {
  decodeRecord(state, MessageFormat::kJsonSchema, "order.schema.json");
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
BENCHMARK(BM_TemplateRandomChars100);
BENCHMARK(BM_TemplateSeq)->Threads(1)->Threads(2);
BENCHMARK(BM_TemplateSharedSequence)->Threads(1)->Threads(2);
BENCHMARK(BM_TemplateOrderAsJsonText);
BENCHMARK(BM_AvroOrderFromTemplate);
BENCHMARK(BM_AvroOrderRandom);
BENCHMARK(BM_AvroOrderDecode);
BENCHMARK(BM_ProtobufOrderFromTemplate);
BENCHMARK(BM_ProtobufOrderRandom);
BENCHMARK(BM_ProtobufOrderDecode);
BENCHMARK(BM_JsonSchemaOrderFromTemplate);
BENCHMARK(BM_JsonSchemaOrderRandom);
BENCHMARK(BM_JsonSchemaOrderDecode);
BENCHMARK(BM_HistogramRecord);
BENCHMARK(BM_OutcomeQueuePushPop);
BENCHMARK(BM_RateLimiterClaim);
BENCHMARK_MAIN();
