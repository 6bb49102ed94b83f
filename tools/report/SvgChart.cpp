#include "SvgChart.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

namespace kafkanative::report {

namespace {

constexpr double kWidth = 760;
constexpr double kHeight = 280;
constexpr double kLeft = 70;
constexpr double kRight = 20;
constexpr double kTop = 30;
constexpr double kBottom = 45;

std::string number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

/// A short axis label: 1.5k, 2M, 0.25.
std::string compact(double value) {
  char text[32];
  const double magnitude = std::fabs(value);
  if (magnitude >= 1e9) {
    std::snprintf(text, sizeof text, "%gG", value / 1e9);
  } else if (magnitude >= 1e6) {
    std::snprintf(text, sizeof text, "%gM", value / 1e6);
  } else if (magnitude >= 1e3) {
    std::snprintf(text, sizeof text, "%gk", value / 1e3);
  } else {
    std::snprintf(text, sizeof text, "%g", value);
  }
  return text;
}

/// A round step giving about `count` intervals over `span`.
double niceStep(double span, int count) {
  const double raw = span / count;
  const double power = std::pow(10, std::floor(std::log10(raw)));
  for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= factor * power) {
      return factor * power;
    }
  }
  return 10 * power;
}

}  // namespace

std::string escapeHtml(const std::string& text) {
  std::string escaped;
  for (const char c : text) {
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      default:
        escaped += c;
    }
  }
  return escaped;
}

SvgChart::SvgChart(std::string id, std::string title, std::string xLabel, std::string yLabel)
    : id_(std::move(id)),
      title_(std::move(title)),
      xLabel_(std::move(xLabel)),
      yLabel_(std::move(yLabel)) {}

double SvgChart::yOf(double value, double low, double high) const {
  const double plot = kHeight - kTop - kBottom;
  const double share = logY_ ? (std::log10(value) - std::log10(low)) /
                                   std::max(1e-12, std::log10(high) - std::log10(low))
                             : (value - low) / std::max(1e-12, high - low);
  return kTop + plot * (1 - share);
}

std::string SvgChart::svg() const {
  double xLow = x_.empty() ? 0 : *std::min_element(x_.begin(), x_.end());
  double xHigh = x_.empty() ? 1 : *std::max_element(x_.begin(), x_.end());
  xHigh = std::max(xHigh, xLow + 1);
  double yLow = logY_ ? std::numeric_limits<double>::max() : 0;
  double yHigh = 0;
  for (const auto& series : series_) {
    for (const auto& y : series.y) {
      if (y && (!logY_ || *y > 0)) {
        yHigh = std::max(yHigh, *y);
        yLow = logY_ ? std::min(yLow, *y) : yLow;
      }
    }
  }
  if (logY_) {
    yLow = yHigh > 0 ? std::pow(10, std::floor(std::log10(yLow))) : 1;
    yHigh = std::pow(10, std::ceil(std::log10(std::max(yHigh, yLow * 10))));
  } else {
    yHigh = yHigh > 0 ? std::ceil(yHigh / niceStep(yHigh, 5)) * niceStep(yHigh, 5) : 1;
  }
  const double plotWidth = kWidth - kLeft - kRight;
  const auto xOf = [&](double x) { return kLeft + plotWidth * (x - xLow) / (xHigh - xLow); };

  std::string out = "<svg class=\"chart\" id=\"" + id_ +
                    "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + number(kWidth) +
                    "\" height=\"" + number(kHeight) + "\" viewBox=\"0 0 " + number(kWidth) + " " +
                    number(kHeight) + "\" role=\"img\">";
  out += "<title>" + escapeHtml(title_) + "</title>";
  out += "<text x=\"" + number(kLeft) + "\" y=\"18\" class=\"chart-title\">" + escapeHtml(title_) +
         "</text>";
  for (const auto& band : bands_) {
    const double from = xOf(std::clamp(band.from, xLow, xHigh));
    const double until = xOf(std::clamp(band.until, xLow, xHigh));
    out += "<rect class=\"band\" x=\"" + number(from) + "\" y=\"" + number(kTop) + "\" width=\"" +
           number(std::max(1.0, until - from)) + "\" height=\"" + number(kHeight - kTop - kBottom) +
           "\" fill=\"" + band.color + "\" fill-opacity=\"0.18\"><title>" + escapeHtml(band.label) +
           "</title></rect>";
  }
  // Axes, grid and ticks.
  std::vector<double> yTicks;
  if (logY_) {
    for (double tick = yLow; tick <= yHigh * 1.001; tick *= 10) {
      yTicks.push_back(tick);
    }
  } else {
    for (double tick = 0; tick <= yHigh * 1.001; tick += niceStep(yHigh, 5)) {
      yTicks.push_back(tick);
    }
  }
  for (const double tick : yTicks) {
    const double y = yOf(logY_ ? tick : std::max(tick, 0.0), yLow, yHigh);
    out += "<line class=\"grid\" x1=\"" + number(kLeft) + "\" x2=\"" + number(kWidth - kRight) +
           "\" y1=\"" + number(y) + "\" y2=\"" + number(y) + "\"/>";
    out += "<text class=\"tick\" x=\"" + number(kLeft - 6) + "\" y=\"" + number(y + 4) +
           "\" text-anchor=\"end\">" + compact(tick) + "</text>";
  }
  auto xTicks = xTicks_;
  if (xTicks.empty()) {
    const double step = niceStep(xHigh - xLow, 8);
    for (double tick = std::ceil(xLow / step) * step; tick <= xHigh; tick += step) {
      xTicks.emplace_back(tick, compact(tick));
    }
  }
  for (const auto& [tick, label] : xTicks) {
    out += "<text class=\"tick\" x=\"" + number(xOf(tick)) + "\" y=\"" +
           number(kHeight - kBottom + 16) + "\" text-anchor=\"middle\">" + escapeHtml(label) +
           "</text>";
  }
  out += "<line class=\"axis\" x1=\"" + number(kLeft) + "\" x2=\"" + number(kWidth - kRight) +
         "\" y1=\"" + number(kHeight - kBottom) + "\" y2=\"" + number(kHeight - kBottom) + "\"/>";
  out += "<text class=\"label\" x=\"" + number(kLeft + plotWidth / 2) + "\" y=\"" +
         number(kHeight - 8) + "\" text-anchor=\"middle\">" + escapeHtml(xLabel_) + "</text>";
  out += "<text class=\"label\" transform=\"rotate(-90)\" x=\"" +
         number(-(kTop + (kHeight - kTop - kBottom) / 2)) + "\" y=\"16\" text-anchor=\"middle\">" +
         escapeHtml(yLabel_) + "</text>";
  // Lines, broken where a value is missing; later series are drawn over earlier ones.
  double legendX = kLeft + 7.5 * static_cast<double>(title_.size()) + 24;  // after the title
  for (auto series = series_.begin(); series != series_.end(); ++series) {
    std::string path;
    bool drawing = false;
    for (std::size_t i = 0; i < x_.size() && i < series->y.size(); ++i) {
      const auto& y = series->y[i];
      if (!y || (logY_ && *y <= 0)) {
        drawing = false;
        continue;
      }
      path += (drawing ? " L" : " M") + number(xOf(x_[i])) + " " + number(yOf(*y, yLow, yHigh));
      drawing = true;
    }
    out += "<path class=\"series\" fill=\"none\" stroke=\"" + series->color +
           "\" stroke-width=\"1.8\" d=\"" + path + "\"><title>" + escapeHtml(series->name) +
           "</title></path>";
    out += "<rect x=\"" + number(legendX) + "\" y=\"9\" width=\"12\" height=\"4\" fill=\"" +
           series->color + "\"/><text class=\"legend\" x=\"" + number(legendX + 16) +
           "\" y=\"15\">" + escapeHtml(series->name) + "</text>";
    legendX += 7.0 * static_cast<double>(series->name.size()) + 30;
  }
  return out + "</svg>";
}

}  // namespace kafkanative::report
