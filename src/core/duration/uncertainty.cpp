// The 80% range of a throughput estimate, from the leave-one-source-out residuals
// (docs/duration-model.md#uncertainty).
#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "ftcost/duration/duration.hpp"

namespace ftcost {

namespace {

// Held-out log(predicted / measured) over the 116 throughput rows (bench/throughput_bench,
// 2026-12-04, with the 20 own H200 rows h2-*).
constexpr double kLogErrorMedian = 0.018;
constexpr double kLogErrorP10 = -0.171;
constexpr double kLogErrorP90 = 0.462;
// The smallest widening whose band, built from the other sources, covers 80% of the rows
// (x1.10: 97 of 116, 83.6%; x1.00: 79.3%).
constexpr double kCalibratedWidening = 1.1;
// No run measures the stratum: wider again (kUncalibratedBandWidening, an assumption).
constexpr double kExtrapolatedWidening = kCalibratedWidening * kUncalibratedBandWidening;

}  // namespace

ThroughputBand throughput_band(bool calibrated) noexcept {
  const double w = calibrated ? kCalibratedWidening : kExtrapolatedWidening;
  const double low_log = kLogErrorMedian + w * (kLogErrorP10 - kLogErrorMedian);
  const double high_log = kLogErrorMedian + w * (kLogErrorP90 - kLogErrorMedian);
  // measured = predicted / exp(log error): the high error bounds the low throughput.
  return {.low_factor = std::exp(-high_log), .high_factor = std::exp(-low_log)};
}

bool throughput_calibrated(const Gpu& gpu, Framework framework) noexcept {
  constexpr std::array<std::string_view, 3> kMeasured{"Ampere", "Ada Lovelace", "Hopper"};
  const bool generation = gpu.vendor == "NVIDIA" && std::find(kMeasured.begin(), kMeasured.end(),
                                                              gpu.architecture) != kMeasured.end();
  return generation && framework != Framework::Unsloth;
}

}  // namespace ftcost
