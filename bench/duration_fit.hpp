// Fitting the duration model's calibrated constants to measured throughput rows, for the
// in-sample fit and leave-one-source-out cross-validation (throughput_bench).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "ftcost/duration/duration.hpp"

namespace ftcost::bench {

/// One measured throughput row, ready to predict: tokens/s per GPU for any constants.
struct ThroughputCase {
  std::string id;
  std::string family;      ///< the source family (id prefix: tt, aa, mp, pm, ...)
  std::string method;      ///< full, lora, qlora
  std::string generation;  ///< GPU generation: Ampere, Ada, Hopper, ...
  std::string framework;   ///< the framework as published (torchtune, fsdp-qlora, ...)
  double measured = 0;     ///< tokens/s per GPU
  std::function<double(const DurationConstants&)> predict;  ///< tokens/s per GPU
};

/// The constants every fit starts from: round, uninformed values (not the in-sample fit), so a
/// constant that no training row informs says so instead of leaking the held-out rows.
[[nodiscard]] DurationConstants prior_constants();

/// Coordinate descent over the five constants (each on a multiplicative grid within bounds)
/// minimizing the median |log(predicted / measured)| over `rows`.
[[nodiscard]] DurationConstants fit_constants(const std::vector<const ThroughputCase*>& rows);

/// Relative error of each case's prediction when its whole source family is held out of the
/// fit: index-aligned with `cases`, signed ((predicted - measured) / measured).
[[nodiscard]] std::vector<double> leave_one_source_out(const std::vector<ThroughputCase>& cases);

}  // namespace ftcost::bench
