// Scales and ticks: log axes pick the coarsest tick set that still labels three values, so a
// narrow range (1.4..3 USD) is as readable as a wide one (0.5..500 USD).
#include "svg_chart.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <span>

namespace ftcost::render::html {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

// m × 10^k, computed as a division for negative k so 3 × 10^-1 is the double nearest 0.3.
double scaled(double mantissa, int exponent) {
  return exponent >= 0 ? mantissa * std::pow(10.0, exponent) : mantissa / std::pow(10.0, -exponent);
}

// The values m × 10^k inside [lo, hi] for every m of `mantissas` and every k the range spans.
std::vector<double> values_inside(std::span<const double> mantissas, double lo, double hi) {
  // Relative slack, so a tick computed as 0.30000000000000004 still counts at a domain of 0.3.
  constexpr double kSlack = 1e-9;
  std::vector<double> values;
  const int first = static_cast<int>(std::floor(std::log10(lo))) - 1;
  const int last = static_cast<int>(std::ceil(std::log10(hi))) + 1;
  for (int k = first; k <= last; ++k) {
    for (double m : mantissas) {
      const double v = scaled(m, k);
      if (v >= lo * (1 - kSlack) && v <= hi * (1 + kSlack)) {
        values.push_back(v);
      }
    }
  }
  std::sort(values.begin(), values.end());
  return values;
}

constexpr std::array<double, 1> kDecades{1};
constexpr std::array<double, 8> kDecadeMinors{2, 3, 4, 5, 6, 7, 8, 9};
constexpr std::array<double, 3> kOneTwoFive{1, 2, 5};
constexpr std::array<double, 6> kOneTwoFiveMinors{3, 4, 6, 7, 8, 9};
constexpr std::array<double, 9> kDigits{1, 2, 3, 4, 5, 6, 7, 8, 9};
constexpr std::array<double, 18> kHalves{1,   1.5, 2,   2.5, 3,   3.5, 4,   4.5, 5,
                                         5.5, 6,   6.5, 7,   7.5, 8,   8.5, 9,   9.5};

// "1,234,567" from a whole number.
std::string grouped(double value) {
  std::string digits = fmt::format("{:.0f}", value);
  for (auto i = static_cast<std::ptrdiff_t>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

}  // namespace

double LogScale::operator()(double value) const noexcept {
  const double t = std::log10(value / lo) / std::log10(hi / lo);
  return from + t * (to - from);
}

double LinearScale::operator()(double value) const noexcept {
  return from + (value - lo) / (hi - lo) * (to - from);
}

Ticks log_ticks(double lo, double hi) {
  constexpr std::size_t kEnough = 3;
  if (std::vector<double> major = values_inside(kDecades, lo, hi); major.size() >= kEnough) {
    return {std::move(major), values_inside(kDecadeMinors, lo, hi)};
  }
  if (std::vector<double> major = values_inside(kOneTwoFive, lo, hi); major.size() >= kEnough) {
    return {std::move(major), values_inside(kOneTwoFiveMinors, lo, hi)};
  }
  if (std::vector<double> major = values_inside(kDigits, lo, hi); major.size() >= kEnough) {
    return {std::move(major), {}};
  }
  return {values_inside(kHalves, lo, hi), {}};
}

Ticks linear_ticks(double hi) {
  constexpr double kMaxSteps = 8;
  const int exponent = static_cast<int>(std::floor(std::log10(hi / kMaxSteps)));
  double step = scaled(10, exponent);
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (hi / scaled(m, exponent) <= kMaxSteps) {
      step = scaled(m, exponent);
      break;
    }
  }
  Ticks ticks;
  for (int i = 0; ticks.major.empty() || ticks.major.back() < hi * (1 - 1e-9); ++i) {
    ticks.major.push_back(i * step);
  }
  return ticks;
}

std::pair<double, double> log_domain(const std::vector<double>& values, double margin) {
  constexpr double kMinSpan = 0.30103;  // log10(2)
  double lo = kInfinity;
  double hi = 0;
  for (double v : values) {
    if (std::isfinite(v) && v > 0) {
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (hi == 0) {
    return {1, 10};
  }
  double log_lo = std::log10(lo);
  double log_hi = std::log10(hi);
  if (log_hi - log_lo < kMinSpan) {
    const double middle = (log_lo + log_hi) / 2;
    log_lo = middle - kMinSpan / 2;
    log_hi = middle + kMinSpan / 2;
  }
  const double pad = margin * (log_hi - log_lo);
  return {std::pow(10.0, log_lo - pad), std::pow(10.0, log_hi + pad)};
}

std::string tick_label(double value) {
  constexpr double kGroupFrom = 1000;
  return value >= kGroupFrom ? grouped(value) : fmt::format("{:g}", value);
}

}  // namespace ftcost::render::html
