// Data-parallel sharding (ZeRO stages, FSDP) and CPU offload: what each GPU keeps.
#include <algorithm>

#include "memory_terms.hpp"

namespace ftcost::memory_detail {

ShardPlan shard_plan(const TrainingSetup& setup, const SetupTraits& traits) {
  ShardPlan plan;
  const double gpus = static_cast<double>(setup.gpus);
  plan.states_divisor = traits.zero_stage >= 1 ? gpus : 1;
  plan.grads_divisor = traits.zero_stage >= 2 ? gpus : 1;
  plan.params_divisor = traits.zero_stage >= 3 ? gpus : 1;
  plan.params_offloaded = setup.cpu_offload == CpuOffload::Params;
  plan.states_offloaded = setup.cpu_offload != CpuOffload::None;
  return plan;
}

double gathered_unit_bytes(const MemoryContext& context) {
  const ShardPlan& plan = context.shards;
  if (plan.params_divisor <= 1 && !plan.params_offloaded) {
    return 0;
  }
  const SetupTraits& traits = context.traits;
  const ParamSplit& split = context.split;
  const bool full = context.setup.method == Method::Full;
  // One block unshards at a time plus the next one prefetched; full fine-tuning also holds the
  // unit's unsharded gradient until its reduce-scatter.
  const double unit =
      full ? split.layer_linear * (traits.trainable_bytes + traits.trainable_bytes)
           : split.layer_linear * context.base.linear + split.layer_lora * traits.trainable_bytes;
  const double edge_elem_bytes =
      full ? traits.trainable_bytes + traits.trainable_bytes : traits.frozen_bytes;
  if (traits.separate_edge_units) {
    // FSDP2 in torchtune wraps the embedding and the output as their own units.
    return std::max(2 * unit, split.head * edge_elem_bytes + unit);
  }
  // FSDP1's root unit (embedding, final norm, lm_head) stays unsharded from forward to the end
  // of backward (FSDP1 does not free the root's parameters after forward). Its local shard is
  // already in the resident weights, unless params are offloaded: then the shard lives on the
  // host and the whole unsharded root is a GPU copy.
  const double root_elem_bytes = full ? traits.trainable_bytes : context.base.other;
  const double root_on_gpu = plan.params_offloaded ? 1 : 1 - 1 / plan.params_divisor;
  return 2 * unit + split.non_linear * root_elem_bytes * root_on_gpu;
}

}  // namespace ftcost::memory_detail
