// kns-report RESULTS_DIR [--retention-hours H]: reads RESULTS_DIR/summary.json (the Kafka
// Connection's native summary) and writes RESULTS_DIR/report.json and RESULTS_DIR/report.html.
// Without summary.json it merges every RESULTS_DIR/summary-*.json: the summaries of one test's
// engines (JMeter's distributed mode), one per engine. H is the retention to project disk for
// when the cluster does not report the topic's own. RESULTS_DIR/flood-summary.json, when there,
// is the flooding client's connection of testplans/flood.jmx.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "FloodReport.hpp"
#include "ReportPage.hpp"
#include "RunReport.hpp"
#include "SummaryMerge.hpp"

namespace {

/// RESULTS_DIR/summary.json, or else every RESULTS_DIR/summary-*.json (one per engine).
std::vector<nlohmann::json> summariesIn(const std::string& dir) {
  std::vector<nlohmann::json> summaries;
  if (std::ifstream single(dir + "/summary.json"); single) {
    summaries.push_back(nlohmann::json::parse(single));
    return summaries;
  }
  std::vector<std::filesystem::path> engines;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    const std::string name = entry.path().filename().string();
    if (name.rfind("summary-", 0) == 0 && entry.path().extension() == ".json") {
      engines.push_back(entry.path());
    }
  }
  std::sort(engines.begin(), engines.end());
  for (const auto& path : engines) {
    std::ifstream in(path);
    summaries.push_back(nlohmann::json::parse(in));
  }
  return summaries;
}

}  // namespace

int main(int argc, char** argv) {
  const bool stated = argc == 4 && std::string(argv[2]) == "--retention-hours";
  if (argc != 2 && !stated) {
    std::cerr << "usage: kns-report RESULTS_DIR [--retention-hours H]\n";
    return 2;
  }
  const std::string dir = argv[1];
  try {
    std::optional<double> retentionMs;
    if (stated) {
      std::size_t used = 0;
      double hours = 0;
      try {
        hours = std::stod(argv[3], &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (used == 0 || argv[3][used] != '\0' || !(hours > 0)) {
        throw std::invalid_argument("--retention-hours: expected a positive number of hours");
      }
      retentionMs = hours * 3600 * 1000;
    }
    const std::vector<nlohmann::json> summaries = summariesIn(dir);
    if (summaries.empty()) {
      std::cerr << "kns-report: neither " << dir << "/summary.json nor " << dir
                << "/summary-*.json\n";
      return 2;
    }
    const auto merged = kafkanative::report::SummaryMerge::merge(summaries);
    auto report = kafkanative::report::RunReport::build(merged, retentionMs);
    if (std::ifstream flood(dir + "/flood-summary.json"); flood) {
      report["flood"] = kafkanative::report::floodOf(merged, nlohmann::json::parse(flood));
    }
    std::ofstream(dir + "/report.json") << report.dump(2) << "\n";
    std::ofstream(dir + "/report.html") << kafkanative::report::reportPage(report);
    std::cout << "report: " << dir << "/report.html (figures in report.json)\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "kns-report: " << error.what() << "\n";
    return 1;
  }
}
