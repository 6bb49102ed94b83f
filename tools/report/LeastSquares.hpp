#pragma once

#include <algorithm>
#include <utility>
#include <vector>

namespace kafkanative::report {

/// The least-squares slope of y over x through `points` (at least two, distinct x).
inline double leastSquaresSlope(const std::vector<std::pair<double, double>>& points) {
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (const auto& [x, y] : points) {
    sx += x;
    sy += y;
    sxx += x * x;
    sxy += x * y;
  }
  const double n = static_cast<double>(points.size());
  return (n * sxy - sx * sy) / std::max(1e-9, n * sxx - sx * sx);
}

}  // namespace kafkanative::report
