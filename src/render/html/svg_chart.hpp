// Axis maths for the html charts: log and linear scales, tick values and their labels.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace ftcost::render::html {

/// A log10 scale: values in [lo, hi] (0 < lo < hi) onto pixels [from, to] (to < from for a y
/// axis, SVG pixels growing downward). Values outside map outside [from, to].
struct LogScale {
  double lo = 1;
  double hi = 10;
  double from = 0;
  double to = 1;
  [[nodiscard]] double operator()(double value) const noexcept;
};

/// A linear scale: values in [lo, hi] (lo < hi) onto pixels [from, to].
struct LinearScale {
  double lo = 0;
  double hi = 1;
  double from = 0;
  double to = 1;
  [[nodiscard]] double operator()(double value) const noexcept;
};

/// An axis's tick values, ascending, all inside its domain.
struct Ticks {
  std::vector<double> major;  ///< labelled, with a grid line
  std::vector<double> minor;  ///< a fainter grid line, no label
};

/// Ticks of a log axis over [lo, hi] (0 < lo < hi), the first of these with three or more
/// inside: powers of ten (minors: 2..9 × each power); 1, 2 and 5 × powers of ten (minors: the
/// other digits); every digit 1..9 × a power of ten (no minors); 1, 1.5, 2, ... 9.5 × a power of
/// ten (no minors, what remains inside however few). Example: 0.8..230 gives 1, 10, 100 with
/// minors 0.8, 0.9, 2..9, 20..90, 200.
[[nodiscard]] Ticks log_ticks(double lo, double hi);

/// Ticks of a linear axis from 0 (hi > 0): 0 and multiples of the smallest step of 1, 2 or 5 ×
/// a power of ten that covers hi in at most 8 steps, up to the first multiple at or above hi (so
/// the last tick can end the axis). No minors. Example: 199 gives 0, 50, 100, 150, 200.
[[nodiscard]] Ticks linear_ticks(double hi);

/// A log axis's domain for `values` (the positive finite ones; the rest are ignored): from the
/// smallest to the largest, widened to at least a factor of 2 around their geometric middle,
/// then by `margin` (a fraction of the log span) on each side. {1, 10} when no value counts.
[[nodiscard]] std::pair<double, double> log_domain(const std::vector<double>& values,
                                                   double margin);

/// A tick value as its axis label: "0.05", "2.5", "10", "1,000", "20,000" (up to 6 significant
/// digits; thousands grouped from 1,000).
[[nodiscard]] std::string tick_label(double value);

}  // namespace ftcost::render::html
