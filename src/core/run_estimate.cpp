// estimate_run: the configuration search on the real memory model (resolve_setup + estimate_vram).
#include "ftcost/duration.hpp"
#include "ftcost/resolve.hpp"
#include "ftcost/vram.hpp"
#include "ftcost/vram_fit.hpp"

namespace ftcost {

RunEstimate estimate_run(const ModelArch& arch, const SetupRequest& request, const Gpu& gpu,
                         std::int64_t gpus, const Workload& workload,
                         const ScalingOptions& options) {
  SetupRequest with_gpus = request;
  with_gpus.gpus = gpus;
  const ResolvedSetup resolved = resolve_setup(arch, with_gpus);
  const MemoryModel memory = [&arch](const TrainingSetup& setup) {
    const VramEstimate estimate = estimate_vram(arch, setup);
    return MemoryNeed{.fit_bytes = fit_bytes(estimate),
                      .reserved_bytes = estimate.peak_reserved_bytes};
  };
  RunEstimate run =
      estimate_run_with(arch, resolved.setup, request, gpu, gpus, workload, memory, options);
  // The search, not the framework default, chose what the user left unset among micro-batch,
  // grad-accum and grad-ckpt; those defaults would only mislead.
  std::vector<Assumption> defaults;
  for (const Assumption& assumption : resolved.assumptions) {
    const bool searched = assumption.text.starts_with("--micro-batch") ||
                          assumption.text.starts_with("--grad-accum") ||
                          assumption.text.starts_with("--grad-ckpt");
    if (!searched) {
      defaults.push_back(assumption);
    }
  }
  run.assumptions.insert(run.assumptions.begin(), defaults.begin(), defaults.end());
  return run;
}

}  // namespace ftcost
