// Startup and evaluation time around the steady-state steps (docs/duration-model.md#end-to-end).
#include "ftcost/duration/end_to_end.hpp"

#include "ftcost/base/units.hpp"

namespace ftcost {

EndToEndHours end_to_end_hours(double steady_hours, const FlopsPerToken& flops,
                               const Workload& workload, bool compiled) noexcept {
  const double startup_s =
      workload.startup_s.value_or(compiled ? kCompiledStartupSeconds : kStartupSeconds);
  const double forward_share = flops.total() > 0 ? flops.forward / flops.total() : 0;
  return {.startup = startup_s / kSecondsPerHour,
          .eval = workload.eval_share * steady_hours * forward_share};
}

}  // namespace ftcost
