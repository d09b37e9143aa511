// Expected cost of spot interruptions: checkpoint interval, lost work, restarts (docs/planner.md).
#pragma once

#include <cstdint>

namespace ftcost {

/// Inputs of the interruption model for one job, all in hours except where named.
struct InterruptionInput {
  double work_hours = 0;        ///< useful training time without interruptions, > 0
  double hazard_per_hour = 0;   ///< interruptions per hour of the whole job, >= 0
  double checkpoint_hours = 0;  ///< time to write one checkpoint, >= 0
  double notice_hours = 0;   ///< warning before the stop; an emergency save fits if >= checkpoint
  double restart_hours = 0;  ///< billed time to resume after an interruption, >= 0
  double fixed_interval_hours = 0;  ///< > 0: checkpoint this often instead of Daly's optimum
};

/// What interruptions add to a job (expected values, plus the 90th percentile).
struct InterruptionOutcome {
  bool finishes = true;                  ///< false when restarts outpace progress (never finishes)
  double checkpoint_interval_hours = 0;  ///< Daly's optimum (== work_hours when no hazard)
  double checkpoint_overhead_hours = 0;  ///< time spent writing intermediate checkpoints
  double lost_hours_per_interruption = 0;  ///< recomputed work (+ emergency save) per stop
  double expected_interruptions = 0;       ///< mean of the Poisson number of stops
  std::int64_t p90_interruptions = 0;      ///< 90th percentile of that Poisson number
  double expected_overhead_hours = 0;      ///< checkpoint writes + lost work + restarts, expected
  double p90_overhead_hours = 0;           ///< the same at p90_interruptions stops
};

/// Daly (2006) optimum checkpoint interval for write time `checkpoint_hours` and mean time
/// between interruptions `mtbf_hours`; Young's sqrt(2·δ·M) is its first-order term.
/// Returns mtbf_hours when checkpoint_hours >= 2·mtbf_hours. Source: docs/planner.md#daly.
[[nodiscard]] double daly_interval_hours(double checkpoint_hours, double mtbf_hours) noexcept;

/// Smallest k with P(N <= k) >= quantile for N ~ Poisson(mean); mean >= 0, 0 < quantile < 1.
[[nodiscard]] std::int64_t poisson_quantile(double mean, double quantile) noexcept;

/// Interruption overheads of one job. Pure; source: docs/planner.md#interruptions.
[[nodiscard]] InterruptionOutcome estimate_interruptions(const InterruptionInput& input) noexcept;

}  // namespace ftcost
