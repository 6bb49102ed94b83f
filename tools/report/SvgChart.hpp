#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace kafkanative::report {

/// A line chart as inline SVG: needs no script and nothing from the network to render.
/// Series share the x values; a missing y (nullopt) breaks the line. Bands shade x ranges
/// (fault and outage intervals).
class SvgChart {
 public:
  struct Series {
    std::string name;
    std::string color;
    std::vector<std::optional<double>> y;
  };

  struct Band {
    double from;
    double until;
    std::string label;
    std::string color;
  };

  SvgChart(std::string id, std::string title, std::string xLabel, std::string yLabel);

  void setX(std::vector<double> x) { x_ = std::move(x); }
  void add(Series series) { series_.push_back(std::move(series)); }
  void shade(Band band) { bands_.push_back(std::move(band)); }
  /// Logarithmic y axis (decades); non-positive values are left out.
  void useLogY() { logY_ = true; }
  /// Fixed x ticks (position, label) instead of evenly spaced numbers.
  void setXTicks(std::vector<std::pair<double, std::string>> ticks) { xTicks_ = std::move(ticks); }

  std::string svg() const;

 private:
  double yOf(double value, double low, double high) const;

  std::string id_;
  std::string title_;
  std::string xLabel_;
  std::string yLabel_;
  std::vector<double> x_;
  std::vector<Series> series_;
  std::vector<Band> bands_;
  std::vector<std::pair<double, std::string>> xTicks_;
  bool logY_ = false;
};

/// `text` with &, <, > and " escaped for HTML and SVG.
std::string escapeHtml(const std::string& text);

}  // namespace kafkanative::report
