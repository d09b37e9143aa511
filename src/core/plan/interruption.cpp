// Spot interruption overheads: Daly's checkpoint interval, lost work, restarts, Poisson p90.
#include "ftcost/plan/interruption.hpp"

#include <algorithm>
#include <cmath>

namespace ftcost {
namespace {

// Above this mean the Poisson pmf recursion starts from exp(-mean), which underflows; the normal
// approximation (with continuity correction) is accurate to within one stop there.
constexpr double kNormalApproximationMean = 200.0;
// z such that Phi(z) = 0.9 (the only quantile the planner asks for uses the exact branch below
// for small means).
constexpr double kZ90 = 1.2815515655446004;

}  // namespace

double daly_interval_hours(double checkpoint_hours, double mtbf_hours) noexcept {
  if (checkpoint_hours >= 2.0 * mtbf_hours) {
    return mtbf_hours;
  }
  const double ratio = checkpoint_hours / (2.0 * mtbf_hours);
  return std::sqrt(2.0 * checkpoint_hours * mtbf_hours) *
             (1.0 + std::sqrt(ratio) / 3.0 + ratio / 9.0) -
         checkpoint_hours;
}

std::int64_t poisson_quantile(double mean, double quantile) noexcept {
  if (mean <= 0.0) {
    return 0;
  }
  if (mean > kNormalApproximationMean) {
    return static_cast<std::int64_t>(std::ceil(mean + kZ90 * std::sqrt(mean) - 0.5));
  }
  double pmf = std::exp(-mean);
  double cdf = pmf;
  std::int64_t k = 0;
  while (cdf < quantile) {
    ++k;
    pmf *= mean / static_cast<double>(k);
    cdf += pmf;
  }
  return k;
}

InterruptionOutcome estimate_interruptions(const InterruptionInput& input) noexcept {
  InterruptionOutcome out;
  const double work = input.work_hours;
  if (input.hazard_per_hour <= 0.0) {
    out.checkpoint_interval_hours = work;
    return out;
  }
  const double ckpt = input.checkpoint_hours;
  const double chosen = input.fixed_interval_hours > 0
                            ? input.fixed_interval_hours
                            : daly_interval_hours(ckpt, 1.0 / input.hazard_per_hour);
  const double interval = std::min(work, std::max(chosen, 1e-9));
  out.checkpoint_interval_hours = interval;
  // The final save happens on any tier; only the intermediate ones are spot overhead.
  out.checkpoint_overhead_hours = std::max(0.0, work / interval - 1.0) * ckpt;
  // With a notice window long enough for a save, only the emergency save is lost; otherwise
  // on average half an interval of work (and its pending checkpoint) is recomputed.
  out.lost_hours_per_interruption =
      input.notice_hours >= ckpt && ckpt > 0.0 ? ckpt : (interval + ckpt) / 2.0;
  const double per_stop = out.lost_hours_per_interruption + input.restart_hours;
  const double exposure = input.hazard_per_hour * per_stop;
  if (exposure >= 1.0) {
    out.finishes = false;
    return out;
  }
  // Stops arrive at rate λ over the whole billed time T = W + C + n·per_stop, with n = λ·T.
  const double productive = work + out.checkpoint_overhead_hours;
  out.expected_interruptions = input.hazard_per_hour * productive / (1.0 - exposure);
  out.p90_interruptions = poisson_quantile(out.expected_interruptions, 0.9);
  out.expected_overhead_hours =
      out.checkpoint_overhead_hours + out.expected_interruptions * per_stop;
  out.p90_overhead_hours =
      out.checkpoint_overhead_hours + static_cast<double>(out.p90_interruptions) * per_stop;
  return out;
}

}  // namespace ftcost
