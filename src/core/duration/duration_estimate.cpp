// estimate_duration: the configuration search on the real memory model (resolve_setup +
// estimate_memory).
#include "ftcost/base/error.hpp"
#include "ftcost/duration/duration.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "ftcost/setup/resolve.hpp"

namespace ftcost {
namespace {

DurationEstimate estimate_as_requested(const ModelArch& arch, const SetupRequest& request,
                                       const Gpu& gpu, std::int64_t gpus, const Workload& workload,
                                       const ScalingOptions& options) {
  SetupRequest with_gpus = request;
  with_gpus.gpus = gpus;
  const ResolvedSetup resolved = resolve_setup(arch, with_gpus);
  const MemoryModel memory = [&arch](const TrainingSetup& setup) {
    const MemoryEstimate estimate = estimate_memory(arch, setup);
    return MemoryNeed{.fit_bytes = fit_bytes(estimate),
                      .reserved_bytes = estimate.peak_reserved_bytes};
  };
  DurationEstimate run =
      estimate_duration_with(arch, resolved.setup, request, gpu, gpus, workload, memory, options);
  // The search, not the framework default, chose what the user left unset among micro-batch,
  // grad-accum and grad-ckpt; those defaults would only mislead.
  std::vector<Assumption> defaults;
  for (const Assumption& assumption : resolved.assumptions) {
    const std::string& flag = assumption.default_of;
    const bool searched =
        flag == "--micro-batch" || flag == "--grad-accum" || flag == "--grad-ckpt";
    if (!searched) {
      defaults.push_back(assumption);
    }
  }
  run.assumptions.insert(run.assumptions.begin(), defaults.begin(), defaults.end());
  return run;
}

}  // namespace

DurationEstimate estimate_duration(const ModelArch& arch, const SetupRequest& request,
                                   const Gpu& gpu, std::int64_t gpus, const Workload& workload,
                                   const ScalingOptions& options) {
  DurationEstimate run = estimate_as_requested(arch, request, gpu, gpus, workload, options);
  if (run.fits || gpus == 1 || request.sharding) {
    return run;
  }
  // Data parallel keeps a full replica per GPU; ZeRO-3 shards weights, gradients and optimizer
  // states, which is how models too large for one GPU use a multi-GPU node.
  SetupRequest sharded = request;
  sharded.sharding = Sharding::Zero3;
  try {
    DurationEstimate zero3 = estimate_as_requested(arch, sharded, gpu, gpus, workload, options);
    if (!zero3.fits) {
      return run;
    }
    zero3.assumptions.push_back({"--sharding unset and data parallel does not fit on " +
                                     std::to_string(gpus) + " GPUs: ZeRO-3 used",
                                 "docs/duration-model.md#search"});
    return zero3;
  } catch (const InputError&) {
    return run;  // ZeRO-3 impossible with this setup: the data-parallel answer stands
  }
}

}  // namespace ftcost
