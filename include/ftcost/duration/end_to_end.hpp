// What a provider bills beyond steady-state steps: startup and evaluation
// (docs/duration-model.md#end-to-end).
#pragma once

#include "ftcost/duration/duration.hpp"

namespace ftcost {

/// The non-steady parts of a training run, hours.
struct EndToEndHours {
  double startup = 0;  ///< launch to steady-state steps
  double eval = 0;     ///< forward-only passes over the eval tokens
};

/// Startup: workload.startup_s, else kCompiledStartupSeconds when `compiled`, else
/// kStartupSeconds. Evaluation: workload.eval_share x `steady_hours`, times the forward pass's
/// share of the training FLOPs (flops.forward / flops.total: evaluation runs no backward and no
/// recomputation). Pure; no errors (resolve_workload bounds eval_share and startup_s).
[[nodiscard]] EndToEndHours end_to_end_hours(double steady_hours, const FlopsPerToken& flops,
                                             const Workload& workload, bool compiled) noexcept;

}  // namespace ftcost
