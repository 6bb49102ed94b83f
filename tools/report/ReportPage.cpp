#include "ReportPage.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "JsonAccess.hpp"
#include "SvgChart.hpp"

namespace kafkanative::report {

namespace {

using nlohmann::json;

constexpr const char* kStyle = R"(
body{font-family:system-ui,sans-serif;margin:24px auto;max-width:820px;color:#222}
h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:4px 8px;border-bottom:1px solid #eee;vertical-align:top}
td.figure{font-weight:600;white-space:nowrap}.note{color:#666;font-size:.9em}
svg.chart{display:block;margin:12px 0}.chart-title{font-weight:600;font-size:13px}
.tick,.legend,.label{font-size:11px;fill:#444}.grid{stroke:#eee}.axis{stroke:#888}
)";

std::string format(const char* pattern, double value) {
  char text[64];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

std::string bytes(double value) {
  const char* units[] = {"B", "KB", "MB", "GB", "TB", "PB"};
  int unit = 0;
  while (std::fabs(value) >= 1000 && unit < 5) {
    value /= 1000;
    ++unit;
  }
  return format(value < 10 ? "%.2f " : "%.1f ", value) + units[unit];
}

std::string millis(const json& micros) {
  return micros.is_number() ? format("%.2f ms", micros.get<double>() / 1000) : "n/a";
}

std::string row(const std::string& question, const std::string& figure, const std::string& note) {
  return "<tr><th>" + escapeHtml(question) + "</th><td class=\"figure\">" + escapeHtml(figure) +
         "</td><td class=\"note\">" + escapeHtml(note) + "</td></tr>";
}

std::vector<std::optional<double>> values(const json& list, double scale = 1) {
  std::vector<std::optional<double>> out;
  for (const auto& value : list) {
    out.push_back(value.is_number() ? std::optional<double>(value.get<double>() * scale)
                                    : std::nullopt);
  }
  return out;
}

/// Fault and disruption intervals, shaded on every time chart.
void shadeIntervals(SvgChart& chart, const json& failover) {
  for (const auto& fault : failover["faults"]) {
    if (fault.contains("untilSecond") && fault["untilSecond"] != fault["fromSecond"]) {
      chart.shade({fault["fromSecond"].get<double>(), fault["untilSecond"].get<double>(),
                   "fault: " + fault["kind"].get<std::string>(), "#f0a020"});
    }
  }
  for (const auto& disruption : failover["disruptions"]) {
    chart.shade({disruption["fromSecond"].get<double>(), disruption["untilSecond"].get<double>(),
                 "client saw: " + disruption["kind"].get<std::string>(), "#d03030"});
  }
}

/// A flood's first throttle and the well-behaved producers' rate and latency around it.
std::string floodRow(const json& report) {
  const std::string question = "Flood: does the cluster push back, and at what cost?";
  if (!report.contains("flood")) {
    return row(question, "not available",
               "testplans/flood.jmx floods from a client of its own (flood-summary.json next to "
               "the summary) against a cluster with client quotas");
  }
  const json& flood = report["flood"];
  if (flood.contains("notAvailable")) {
    return row(question, "not available", flood["notAvailable"].get<std::string>());
  }
  const std::string figure = flood["firstThrottleAfterSeconds"].is_number()
                                 ? format("first throttled %.1f s after the flood began",
                                          flood["firstThrottleAfterSeconds"].get<double>())
                                 : flood["noThrottle"].get<std::string>();
  std::string note = format("flood %.0f msgs/s", flood["floodMessagesPerSecond"].get<double>()) +
                     ", throttled " +
                     std::to_string(flood["floodThrottledMillis"].get<std::uint64_t>()) + " ms, " +
                     std::to_string(flood["floodClientErrors"].get<std::uint64_t>()) +
                     " client errors (connections refused or closed); well-behaved producers";
  for (const char* phase : {"before", "during", "after"}) {
    const json& figures = flood["wellBehaved"][phase];
    note += std::string(phase == std::string("before") ? " " : "; ") + phase + ": ";
    note += figures.contains("ackLatencyMicros")
                ? format("%.0f msgs/s, ack p99 ", figures["ackedPerSecond"].get<double>()) +
                      millis(figures["ackLatencyMicros"]["p99"])
                : "no acknowledgement";
  }
  return row(question, figure, note);
}

/// Over several engines: whether their consumers were checked as one group or each alone.
std::string acrossEnginesText(const json& consumers) {
  if (!consumers.contains("verifiedAcrossEngines")) {
    return "";
  }
  return consumers["verifiedAcrossEngines"].get<bool>()
             ? " over all engines as one group"
             : ", each engine alone (an engine's summary lacks the evidence to join them)";
}

/// One broker loss the metadata showed: when, and how long until full replication.
std::string lossText(const json& loss) {
  std::string text = format("; broker lost at %.0f s", loss["lostAtSecond"].get<double>());
  if (loss["underReplicatedFromSecond"].is_number()) {
    text +=
        format(", under-replicated from %.0f s", loss["underReplicatedFromSecond"].get<double>());
  }
  if (!loss.contains("returnedAtSecond")) {
    return text + ", not back by the end of the run";
  }
  text += format(", back at %.0f s", loss["returnedAtSecond"].get<double>());
  if (loss["underReplicatedFromSecond"].is_null()) {
    return text + " before any partition was under-replicated";
  }
  return text + (loss.contains("fullyReplicatedAfterReturnSeconds")
                     ? format(", fully replicated %.1f s after its return",
                              loss["fullyReplicatedAfterReturnSeconds"].get<double>())
                     : std::string(", still under-replicated at the end of the run"));
}

/// How long partitions stayed under-replicated or leaderless after failures.
std::string replicationRow(const json& replication) {
  const std::string question = "Replication after a failure";
  if (replication.contains("notAvailable")) {
    return row(question, "not available",
               replication["notAvailable"].get<std::string>() +
                   "; testplans/failover-drill.jmx against a real cluster answers it");
  }
  const json& spans = replication["spans"];
  const auto longest = [](const json& list) {
    double most = 0;
    for (const auto& span : list) {
      most = std::max(most, span.value("durationSeconds", 0.0));
    }
    return most;
  };
  if (spans["underReplicated"].empty() && spans["withoutLeader"].empty()) {
    return row(question, "fully replicated throughout",
               "no partition the run wrote was under-replicated or leaderless in the cluster's "
               "metadata, read once a second");
  }
  std::string note = "spans in the cluster's metadata, read once a second";
  for (const auto& loss : replication.value("losses", json::array())) {
    note += lossText(loss);
  }
  if (replication.value("losses", json::array()).empty()) {
    for (const auto& fault : replication["faults"]) {
      if (fault["fullyReplicatedAfterReturnSeconds"].is_number()) {
        note += format("; fault at %.0f s: ", fault["fromSecond"].get<double>()) +
                format("fully replicated %.1f s after the broker returned",
                       fault["fullyReplicatedAfterReturnSeconds"].get<double>());
      }
    }
  }
  for (const auto& span : spans["underReplicated"]) {
    if (!span.contains("untilSecond")) {
      note += format("; still under-replicated at the end of the run (since %.0f s)",
                     span["fromSecond"].get<double>());
    }
  }
  return row(question,
             format("under-replicated up to %.1f s", longest(spans["underReplicated"])) +
                 format(", without a leader up to %.1f s", longest(spans["withoutLeader"])),
             note);
}

/// Per group whose lag was read: its processing rate; then the latency through the pipeline.
std::string processingRows(const json& processing) {
  std::string rows;
  for (const auto& group : processing["groups"]) {
    const std::string label = "Processing rate (group " + group["group"].get<std::string>() + ")";
    if (!group.contains("processingMessagesPerSecond")) {
      rows += row(label, "not available", group["note"].get<std::string>());
      continue;
    }
    std::string note =
        format("input %.0f msgs/s; ", group["inputMessagesPerSecond"].get<double>()) +
        (group["keepsUp"].get<bool>() ? "keeps up" : "falls behind") +
        format(" (%.1f s of input behind when the input ended",
               group["behindSecondsAtInputEnd"].get<double>()) +
        (group.contains("lagGrowthPerSecond")
             ? format(", lag trend %+.0f msgs/s", group["lagGrowthPerSecond"].get<double>())
             : std::string()) +
        format(", lag at most %.0f)", group["maxLag"].get<double>());
    if (group["sustainedProcessingMessagesPerSecond"].is_number()) {
      note += format("; %.0f msgs/s while the lag did not grow",
                     group["sustainedProcessingMessagesPerSecond"].get<double>());
    }
    note += group["drainSeconds"].is_number() ? format("; drained %.1f s after the input stopped",
                                                       group["drainSeconds"].get<double>())
                                              : "; not drained by the end of the run";
    if (group.contains("note")) {
      note += "; " + group["note"].get<std::string>();
    }
    rows += row(label, format("%.0f msgs/s", group["processingMessagesPerSecond"].get<double>()),
                note + ". " + group["formula"].get<std::string>());
  }
  if (processing["groups"].empty()) {
    rows += row("Processing rate of your application", "not available",
                processing["note"].get<std::string>());
  } else {
    for (const auto& [consumer, latency] : processing["downstream"].items()) {
      rows += row("Latency to " + consumer + " p50 / p99",
                  millis(latency["p50"]) + " / " + millis(latency["p99"]),
                  format("it consumed %.0f msgs/s; ", latency["messagesPerSecond"].get<double>()) +
                      "producer send to consumed there; the producer's acknowledgement alone: " +
                      millis(processing["ackMicros"]["p50"]) + " / " +
                      millis(processing["ackMicros"]["p99"]) +
                      " (the difference is what the application and its output add)");
    }
  }
  return rows;
}

std::string answers(const json& report) {
  const json& produce = report["produce"];
  const json& capacity = report["capacity"];
  const json& disk = report["disk"];
  std::string rows;
  if (capacity.contains("rateSteps")) {
    const json& held = capacity["rateSteps"]["highestHeldMessagesPerSecond"];
    rows += row("Capacity (highest rate held)",
                held.is_number() ? format("%.0f msgs/s", held.get<double>()) : "no step held",
                capacity["rateSteps"]["rule"].get<std::string>() + "; see Rate steps");
  } else {
    rows += row("Capacity (highest rate held)", "not available",
                "this run held one rate; testplans/capacity-ramp.jmx steps through five");
  }
  rows += row("Sustained produce rate",
              capacity["sustainedMessagesPerSecond"].is_number()
                  ? format("%.0f msgs/s", capacity["sustainedMessagesPerSecond"].get<double>()) +
                        ", " + bytes(capacity["sustainedBytesPerSecond"].get<double>()) + "/s"
                  : "n/a",
              "median of the run's full seconds; " + capacity["note"].get<std::string>());
  rows += row("Whole run", format("%.0f msgs/s", produce["messagesPerSecond"].get<double>()),
              std::to_string(produce["acked"].get<std::uint64_t>()) + " acknowledged, " +
                  std::to_string(produce["failed"].get<std::uint64_t>()) + " failed, " +
                  bytes(produce["ackedBytes"].get<double>()) + " of payload");
  rows += row("Bytes per message",
              format("%.1f B payload", produce["payloadBytesPerMessage"].get<double>()),
              produce["sentBytesPerMessage"].is_number()
                  ? format("%.1f B sent to brokers (batch framing, compression, requests)",
                           produce["sentBytesPerMessage"].get<double>())
                  : "bytes as sent: not available");
  rows += row("Ack latency p50 / p99 / p99.9",
              millis(produce["ackLatencyMicros"]["p50"]) + " / " +
                  millis(produce["ackLatencyMicros"]["p99"]) + " / " +
                  millis(produce["ackLatencyMicros"]["p99_9"]),
              "queued to acknowledged, per message");
  if (disk.contains("growthBytesPerDay")) {
    rows += row("Disk growth",
                bytes(disk["growthBytesPerHour"].get<double>()) + "/hour, " +
                    bytes(disk["growthBytesPerDay"].get<double>()) + "/day",
                disk["formula"].get<std::string>() +
                    format(" (replication factor %.0f", disk["replicationFactor"].get<double>()) +
                    format(", framing %.3f", disk["framingFactor"].get<double>()) + ")");
  } else {
    rows += row("Disk growth", "not available", "no replication factor from the cluster");
  }
  if (disk.contains("neededForRetentionBytes") && disk["neededForRetentionBytes"].is_number()) {
    std::string note = disk["retentionFormula"].get<std::string>();
    if (disk["openSegmentsMarginBytes"].is_number()) {
      note += "; open segments up to " + bytes(disk["openSegmentsMarginBytes"].get<double>());
    }
    if (disk.contains("label")) {
      note = disk["label"].get<std::string>() + ". " + note;
    }
    note = "retention: " + disk["retentionSource"].get<std::string>() + ". " + note;
    rows += row("Disk needed for retention", bytes(disk["neededForRetentionBytes"].get<double>()),
                note);
  } else {
    rows += row("Disk needed for retention", "not available",
                "the cluster did not report the topic's retention (see below)");
  }
  const json& consumers = report["consumers"];
  if (consumers.is_object()) {
    rows += row("Consumers keep up?",
                consumers.contains("keepsUp") ? (consumers["keepsUp"].get<bool>() ? "yes" : "no")
                                              : "not available",
                format("consumed %.0f msgs/s", consumers["messagesPerSecond"].get<double>()) +
                    format(" vs produced %.0f msgs/s; lag ",
                           consumers["productionMessagesPerSecond"].get<double>()) +
                    consumers["lagTrend"].get<std::string>());
    rows += row("Lost / duplicated",
                std::to_string(consumers["missing"].get<std::uint64_t>()) + " / " +
                    std::to_string(consumers["duplicates"].get<std::uint64_t>()),
                "from the consumers' sequence check" + acrossEnginesText(consumers) + "; " +
                    std::to_string(consumers["redelivered"].get<std::uint64_t>()) +
                    " read again after rebalances");
  }
  rows += processingRows(report["processing"]);
  rows += replicationRow(report["replication"]);
  rows += row("How many brokers?", "not available from one run",
              "scripts/ha-sizing runs the failover drill once per cluster size with a broker "
              "taken down, and names the smallest that meets your rule");
  rows += floodRow(report);
  double longest = 0;
  for (const auto& disruption : report["failover"]["disruptions"]) {
    longest = std::max(longest, disruption["durationSeconds"].get<double>());
  }
  rows += row("Longest disruption seen by the client",
              report["failover"]["disruptions"].empty() ? "none" : format("%.1f s", longest),
              "first failure to first success, or no acknowledgement for 1 s or more");
  const json& throttling = report["throttling"];
  rows += row(
      "Throttling",
      throttling["events"].get<std::uint64_t>() == 0
          ? "none"
          : format("first after %.1f s of load", throttling["firstAfterLoadSeconds"].get<double>()),
      std::to_string(throttling["throttledMillis"].get<std::uint64_t>()) + " ms throttled in " +
          std::to_string(throttling["events"].get<std::uint64_t>()) + " broker responses");
  return "<h2>Answers</h2><table>" + rows + "</table>";
}

std::string rateStepsTable(const json& capacity) {
  if (!capacity.contains("rateSteps")) {
    return "";
  }
  const json& ramp = capacity["rateSteps"];
  std::string rows;
  for (const auto& step : ramp["steps"]) {
    rows += "<tr><td>" + escapeHtml(step["sampler"].get<std::string>()) + "</td><td>" +
            format("%.0f", step["targetMessagesPerSecond"].get<double>()) + "</td><td>" +
            format("%.0f", step["messagesPerSecond"].get<double>()) + "</td><td>" +
            millis(step["intendedP99Micros"]) + "</td><td>" +
            std::to_string(step["failed"].get<std::uint64_t>()) + "</td><td>" +
            (step["held"].get<bool>() ? "held" : "<b>not held</b>") + "</td></tr>";
  }
  const json& held = ramp["highestHeldMessagesPerSecond"];
  return "<h2>Rate steps</h2><p>Capacity: " +
         (held.is_number() ? format("<b>%.0f msgs/s</b>", held.get<double>()) +
                                 " is the highest target rate held"
                           : std::string("no step was held")) +
         ". " + escapeHtml(ramp["rule"].get<std::string>()) +
         ".</p><table><tr><th>step</th><th>target msgs/s</th><th>achieved msgs/s</th>"
         "<th>intended-time p99</th><th>failed</th><th></th></tr>" +
         rows + "</table>";
}

std::string timeCharts(const json& report) {
  const json& series = report["series"];
  std::vector<double> x;
  for (const auto& second : series["second"]) {
    x.push_back(second.get<double>());
  }
  SvgChart throughput("throughput", "Throughput", "seconds since start", "messages per second");
  throughput.setX(x);
  throughput.add({"sent", "#8888cc", values(series["sent"])});
  throughput.add({"acknowledged", "#2060c0", values(series["acked"])});
  if (report["consumers"].is_object()) {
    throughput.add({"consumed", "#20a050", values(series["consumed"])});
  }
  throughput.add({"failed", "#d03030", values(series["failed"])});
  shadeIntervals(throughput, report["failover"]);

  SvgChart latency("latency", "Latency per second", "seconds since start", "milliseconds (log)");
  latency.setX(x);
  latency.useLogY();
  latency.add({"ack p50", "#80a8e0", values(series["ackP50Micros"], 1e-3)});
  latency.add({"ack p99", "#2060c0", values(series["ackP99Micros"], 1e-3)});
  latency.add({"ack p99.9", "#102060", values(series["ackP999Micros"], 1e-3)});
  latency.add({"end-to-end p99", "#20a050", values(series["endToEndP99Micros"], 1e-3)});
  shadeIntervals(latency, report["failover"]);

  std::string out = "<h2>Over time</h2>" + throughput.svg() + latency.svg();
  if (report["consumers"].is_object()) {
    SvgChart lag("lag", "Consumer lag (worst member)", "seconds since start", "messages");
    lag.setX(x);
    lag.add({"lag", "#a06020", values(series["maxLag"])});
    shadeIntervals(lag, report["failover"]);
    out += lag.svg();
  }
  return out;
}

/// Each watched group's lag, and a flood's throttling, over the run's seconds.
std::string pipelineCharts(const json& report) {
  std::string out;
  int index = 0;
  for (const auto& group : report["processing"]["groups"]) {
    std::vector<double> x;
    std::vector<std::optional<double>> lag;
    for (const auto& point : group["lagSeries"]) {
      x.push_back(point[0].get<double>());
      lag.emplace_back(point[1].get<double>());
    }
    const std::string name = group["group"].get<std::string>();
    SvgChart chart("group-lag-" + std::to_string(++index), "Application lag (group " + name + ")",
                   "seconds since start", "messages");
    chart.setX(std::move(x));
    chart.add({"lag", "#a06020", std::move(lag)});
    out += chart.svg();
  }
  if (report.contains("flood") && report["flood"].contains("floodSeries")) {
    std::vector<double> x;
    std::vector<std::optional<double>> throttled;
    std::vector<std::optional<double>> errors;
    for (const auto& point : report["flood"]["floodSeries"]) {
      x.push_back(point[0].get<double>());
      throttled.emplace_back(point[1].get<double>());
      errors.emplace_back(point[2].get<double>());
    }
    SvgChart chart("flood", "Flood: throttled time and client errors", "seconds since start",
                   "ms throttled / errors per second");
    chart.setX(std::move(x));
    chart.add({"throttled ms", "#d03030", std::move(throttled)});
    chart.add({"client errors", "#606060", std::move(errors)});
    out += chart.svg();
  }
  return out;
}

std::string distributionChart(const json& report) {
  // x = number of nines: 0 at p0, 1 at p90, 2 at p99 ... so the tail gets the room.
  const auto nines = [](double percent) {
    return std::min(5.0, -std::log10(1 - percent / 100 + 1e-5));
  };
  SvgChart chart("distribution", "Latency distribution", "percentile", "milliseconds (log)");
  chart.useLogY();
  chart.setXTicks({{0, "0"},
                   {nines(90), "90"},
                   {nines(99), "99"},
                   {nines(99.9), "99.9"},
                   {nines(99.99), "99.99"},
                   {5, "max"}});
  const json& ack = report["produce"]["ackLatencyPercentiles"];
  std::vector<double> x;
  std::vector<std::optional<double>> ackY;
  for (const auto& point : ack) {
    x.push_back(nines(point[0].get<double>()));
    ackY.push_back(point[1].get<double>() / 1000);
  }
  chart.add({"acknowledgement", "#2060c0", ackY});
  if (report["consumers"].is_object()) {
    std::vector<std::optional<double>> e2e;
    for (const auto& point : report["consumers"]["endToEndPercentiles"]) {
      e2e.push_back(point[1].get<double>() / 1000);
    }
    e2e.resize(x.size());
    chart.add({"end-to-end", "#20a050", e2e});
  }
  chart.setX(x);
  return "<h2>Distribution</h2>" + chart.svg();
}

std::string failoverTable(const json& failover) {
  std::string rows;
  for (const auto& fault : failover["faults"]) {
    rows +=
        "<tr><td>injected " + escapeHtml(fault["kind"].get<std::string>()) +
        (fault.contains("broker") ? " broker " + std::to_string(fault["broker"].get<int>()) : "") +
        "</td><td>" + format("%.1f s", fault["fromSecond"].get<double>()) + "</td><td>" +
        (fault.contains("untilSecond") ? format("%.1f s", fault["untilSecond"].get<double>())
                                       : "under way") +
        "</td><td></td></tr>";
  }
  for (const auto& disruption : failover["disruptions"]) {
    rows += "<tr><td>client saw: " + escapeHtml(disruption["kind"].get<std::string>()) +
            "</td><td>" + format("%.1f s", disruption["fromSecond"].get<double>()) + "</td><td>" +
            format("%.1f s", disruption["untilSecond"].get<double>()) + "</td><td>" +
            format("%.2f s, ", disruption["durationSeconds"].get<double>()) +
            std::to_string(disruption["failedMessages"].get<std::uint64_t>()) +
            " messages failed</td></tr>";
  }
  if (rows.empty()) {
    return "<h2>Failover</h2><p>No fault was injected and the client saw no disruption.</p>";
  }
  return "<h2>Failover</h2><table><tr><th>what</th><th>from</th><th>until</th><th>effect</th></"
         "tr>" +
         rows + "</table>";
}

std::string clusterTable(const json& cluster) {
  std::string rows;
  for (const auto& [name, topic] : objectAt(cluster, "topics").items()) {
    std::string facts;
    if (topic.contains("unavailable")) {
      facts = "not available: " + topic["unavailable"].get<std::string>();
    } else {
      facts = std::to_string(topic["partitions"].get<int>()) + " partitions, replication factor " +
              std::to_string(topic["replicationFactor"].get<int>()) +
              "; configs: " + topic["configs"].dump();
    }
    rows += "<tr><td>" + escapeHtml(name) + "</td><td>" + escapeHtml(facts) + "</td></tr>";
  }
  return "<h2>Cluster</h2><p>" +
         (cluster.contains("brokers") ? std::to_string(cluster["brokers"].get<int>()) + " brokers"
                                      : std::string("broker count not available")) +
         "</p><table>" + rows + "</table>";
}

/// Marks every chart with its rendered size, so a headless browser can tell it rendered.
constexpr const char* kSizeProbe = R"(<script>
addEventListener('load', () => {
  document.body.dataset.chartSizes = [...document.querySelectorAll('svg.chart')]
    .map(c => { const r = c.getBoundingClientRect(); return c.id + ':' + Math.round(r.width) + 'x' + Math.round(r.height) + ':' + c.querySelectorAll('path.series[d*="L"]').length; })
    .join(' ');
});
</script>)";

/// Each engine's share, when the summary was merged from several.
std::string enginesTable(const json& run) {
  if (!run.contains("engines")) {
    return "";
  }
  std::string rows;
  for (const auto& engine : run["engines"]) {
    char shares[64];
    std::snprintf(shares, sizeof shares, "%.1f %%</td><td>%.1f %%",
                  100 * engine["ackedShare"].get<double>(),
                  100 * engine["consumedShare"].get<double>());
    rows += "<tr><td>" + escapeHtml(engine["engine"].get<std::string>()) + "</td><td>" +
            std::to_string(engine["acked"].get<std::uint64_t>()) + "</td><td>" +
            std::to_string(engine["consumed"].get<std::uint64_t>()) + "</td><td>" + shares +
            "</td></tr>";
  }
  return "<h2>Engines</h2><p>Merged from " + std::to_string(run["engines"].size()) +
         " engines' summaries: counts added, percentiles from merged histograms, seconds aligned "
         "by wall clock.</p><table><tr><th>engine</th><th>acknowledged</th><th>consumed</th>"
         "<th>share acknowledged</th><th>share consumed</th></tr>" +
         rows + "</table>";
}

}  // namespace

std::string reportPage(const json& report) {
  const auto start =
      static_cast<std::time_t>(report["run"]["startEpochMicros"].get<std::int64_t>() / 1000000);
  char when[64];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&start));
  std::string notAvailable;
  for (const auto& item : report["notAvailable"]) {
    notAvailable += "<li>" + escapeHtml(item.get<std::string>()) + "</li>";
  }
  return std::string(
             "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Kafka run "
             "report</title><style>") +
         kStyle + "</style></head><body><h1>Kafka run report</h1><p>" + when + ", " +
         std::to_string(report["run"]["seconds"].get<std::size_t>()) + " s against " +
         escapeHtml(report["run"]["bootstrapServers"].get<std::string>()) +
         (report["run"]["embedded"].get<bool>() ? " (embedded cluster)" : "") + "</p>" +
         answers(report) + rateStepsTable(report["capacity"]) + timeCharts(report) +
         pipelineCharts(report) + distributionChart(report) + failoverTable(report["failover"]) +
         clusterTable(report["cluster"]) + enginesTable(report["run"]) +
         (notAvailable.empty() ? "" : "<h2>Not available</h2><ul>" + notAvailable + "</ul>") +
         "<p class=\"note\">Every figure is in report.json beside this page.</p>" + kSizeProbe +
         "</body></html>\n";
}

}  // namespace kafkanative::report
