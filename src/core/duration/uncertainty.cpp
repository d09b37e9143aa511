// The 80% range of a throughput estimate, from the leave-one-source-out residuals
// (docs/duration-model.md#uncertainty).
#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "ftcost/duration/duration.hpp"

namespace ftcost {

namespace {

// Held-out log(predicted / measured) over the 96 throughput rows (bench/throughput_bench,
// 2026-12-04).
constexpr double kLogErrorMedian = -0.005;
constexpr double kLogErrorP10 = -0.167;
constexpr double kLogErrorP90 = 0.435;
// The smallest widening whose band, built from the other sources, covers 80% of the rows
// (x1.10: 78 of 96, 81.2%; x1.00: 77.1%).
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
