// estimate_duration: the configuration search on the real memory model (estimate_memory), for a
// setup resolved once and moved to each GPU count.
#include <algorithm>

#include "ftcost/duration/duration.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "ftcost/setup/resolve.hpp"

namespace ftcost {
namespace {

DurationEstimate estimate_on(const ModelArch& arch, const ResolvedSetup& resolved,
                             const SetupRequest& request, const Gpu& gpu, std::int64_t gpus,
                             const Workload& workload, const DurationOptions& options) {
  const TrainingSetup setup = on_gpu_count(resolved.setup, request, gpus);
  const MemoryModel memory = [&arch](const TrainingSetup& candidate) {
    const MemoryEstimate estimate = estimate_memory(arch, candidate, MemoryDetail::Totals);
    return MemoryNeed{.fit_bytes = fit_bytes(estimate),
                      .reserved_bytes = estimate.peak_reserved_bytes};
  };
  DurationEstimate run =
      estimate_duration_with(arch, setup, request, gpu, gpus, workload, memory, options);
  // The search, not the framework default, chose what the user left unset among micro-batch,
  // grad-accum and grad-ckpt; those defaults would only mislead.
  const std::vector<Assumption> stated = resolved.assumptions(kSearchedFields);
  run.assumptions.insert(run.assumptions.begin(), stated.begin(), stated.end());
  return run;
}

}  // namespace

DurationEstimate estimate_duration(const ModelArch& arch, const ResolvedSetup& resolved,
                                   const SetupRequest& request, const Gpu& gpu, std::int64_t gpus,
                                   const Workload& workload, const DurationOptions& options) {
  DurationOptions exact = options;
  exact.memory_saving = false;
  DurationEstimate run = estimate_on(arch, resolved, request, gpu, gpus, workload, exact);
  if (run.fits) {
    return run;
  }
  // Data parallel keeps a full replica per GPU; ZeRO-3 shards weights, gradients and optimizer
  // states, which is how models too large for one GPU use a multi-GPU node. Sharding changes
  // nothing the model learns, so it is tried before 8-bit states or pure bf16.
  SetupRequest sharded = request;
  const bool shard = gpus > 1 && !request.sharding;
  if (shard) {
    sharded.sharding = Sharding::Zero3;
    DurationEstimate zero3 = estimate_on(arch, resolved, sharded, gpu, gpus, workload, exact);
    if (zero3.fits) {
      zero3.assumptions.push_back({"--sharding unset and data parallel does not fit on " +
                                       std::to_string(gpus) + " GPUs: ZeRO-3 used",
                                   "docs/duration-model.md#search"});
      return zero3;
    }
    // The nearest of the attempts is what a "does not fit" reports (smallest peak).
    if (zero3.nearest_peak_gib > 0 && zero3.nearest_peak_gib < run.nearest_peak_gib) {
      run = std::move(zero3);
    }
  }
  DurationOptions saving = options;
  saving.memory_saving = true;
  DurationEstimate saved =
      estimate_on(arch, resolved, shard ? sharded : request, gpu, gpus, workload, saving);
  if (!saved.fits) {
    return run;
  }
  // The switched settings' framework defaults no longer describe the run.
  std::erase_if(saved.assumptions, [&](const Assumption& a) {
    return (saved.setup.precision != resolved.setup.precision &&
            a.text.starts_with("--precision ")) ||
           (saved.setup.optimizer != resolved.setup.optimizer &&
            a.text.starts_with("--optimizer "));
  });
  return saved;
}

}  // namespace ftcost
