// kns-report RESULTS_DIR [--retention-hours H]: reads RESULTS_DIR/summary.json (the Kafka
// Connection's native summary) and writes RESULTS_DIR/report.json and RESULTS_DIR/report.html.
// H is the retention to project disk for when the cluster does not report the topic's own.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>

#include "ReportPage.hpp"
#include "RunReport.hpp"

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
    std::ifstream in(dir + "/summary.json");
    if (!in) {
      std::cerr << "kns-report: cannot read " << dir << "/summary.json\n";
      return 2;
    }
    const auto report =
        kafkanative::report::RunReport::build(nlohmann::json::parse(in), retentionMs);
    std::ofstream(dir + "/report.json") << report.dump(2) << "\n";
    std::ofstream(dir + "/report.html") << kafkanative::report::reportPage(report);
    std::cout << "report: " << dir << "/report.html (figures in report.json)\n";
    return 0;
  } catch (const std::exception& error) {
    std::cerr << "kns-report: " << error.what() << "\n";
    return 1;
  }
}
