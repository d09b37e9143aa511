// Data-parallel sharding (ZeRO stages, FSDP) and CPU offload: what each GPU keeps.
#include <algorithm>

#include "vram_terms.hpp"

namespace ftcost::vram_detail {

ShardPlan shard_plan(const TrainingSetup& setup) {
  ShardPlan plan;
  const double gpus = static_cast<double>(setup.gpus);
  const Sharding s = setup.sharding;
  // ZeRO (Rajbhandari et al. 2020): stage 1 shards optimizer states, 2 adds gradients,
  // 3 adds parameters; FSDP FULL_SHARD is stage 3.
  const bool stage1 =
      s == Sharding::Zero1 || s == Sharding::Zero2 || s == Sharding::Zero3 || s == Sharding::Fsdp;
  const bool stage2 = s == Sharding::Zero2 || s == Sharding::Zero3 || s == Sharding::Fsdp;
  const bool stage3 = s == Sharding::Zero3 || s == Sharding::Fsdp;
  plan.states_divisor = stage1 ? gpus : 1;
  plan.grads_divisor = stage2 ? gpus : 1;
  plan.params_divisor = stage3 ? gpus : 1;
  plan.params_offloaded = setup.cpu_offload == CpuOffload::Params;
  plan.states_offloaded = setup.cpu_offload != CpuOffload::None;
  return plan;
}

double gathered_unit_bytes(const TrainingSetup& setup, const ParamSplit& split, const Dtypes& types,
                           const StackTraits& traits) {
  const ShardPlan plan = shard_plan(setup);
  if (plan.params_divisor <= 1 && !plan.params_offloaded) {
    return 0;
  }
  const bool full = setup.method == Method::Full;
  const double base_bytes =
      setup.quant == Quant::None ? types.frozen : quantized_bytes_per_param(setup.quant);
  // One block unshards at a time plus the next one prefetched; full fine-tuning also holds the
  // unit's unsharded gradient until its reduce-scatter.
  const double unit = full ? split.layer_linear * (types.trainable + types.trainable)
                           : split.layer_linear * base_bytes + split.layer_lora * types.trainable;
  const double edge_elem_bytes = full ? types.trainable + types.trainable : types.frozen;
  if (traits.separate_edge_units) {
    // FSDP2 in torchtune wraps the embedding and the output as their own units.
    return std::max(2 * unit, split.head * edge_elem_bytes + unit);
  }
  // FSDP1's root unit (embedding, final norm, lm_head) stays unsharded from forward to the end
  // of backward (FSDP1 does not free the root's parameters after forward). Its local shard is
  // already in the resident weights, unless params are offloaded: then the shard lives on the
  // host and the whole unsharded root is a GPU copy.
  const double root_elem_bytes = full ? types.trainable : (traits.kbit_upcast ? 4.0 : types.frozen);
  const double root_on_gpu = plan.params_offloaded ? 1 : 1 - 1 / plan.params_divisor;
  return 2 * unit + split.non_linear * root_elem_bytes * root_on_gpu;
}

}  // namespace ftcost::vram_detail
