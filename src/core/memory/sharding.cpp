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
  // FSDP and ZeRO-3 flatten parameters into shards of one dtype; bitsandbytes only makes its 4-bit
  // weights shardable (Params4bit with a quant_storage dtype), so LLM.int8 Int8Params, and GPTQ's
  // packed int32 qweight, stay whole on each GPU (docs/memory-model.md#unshardable).
  plan.quantized_linears_whole = plan.params_divisor > 1 && setup.method != Method::Full &&
                                 (setup.quant == Quant::Int8 || setup.quant == Quant::GptqInt4);
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
  // unit's unsharded gradient until its reduce-scatter. Both are in the compute dtype: FSDP's
  // MixedPrecision gathers and reduces in param_dtype, DeepSpeed's model is 16-bit.
  // Linears that stay whole are not gathered: they are already resident.
  const double gathered_linear = plan.quantized_linears_whole ? 0 : context.base.linear;
  const double unit =
      full ? split.layer_linear * (traits.compute_bytes + traits.compute_bytes)
           : split.layer_linear * gathered_linear + split.layer_lora * traits.trainable_bytes;
  const double edge_elem_bytes =
      full ? traits.compute_bytes + traits.compute_bytes : traits.frozen_bytes;
  if (traits.separate_edge_units) {
    // FSDP2 in torchtune wraps the embedding and the output as their own units.
    return std::max(2 * unit, split.head * edge_elem_bytes + unit);
  }
  // FSDP1's root unit (embedding, final norm, lm_head) stays unsharded from forward to the end
  // of backward (FSDP1 does not free the root's parameters after forward). Its local shard is
  // already in the resident weights, unless params are offloaded: then the shard lives on the
  // host and the whole unsharded root is a GPU copy.
  const double root_elem_bytes = full ? traits.compute_bytes : context.base.other;
  const double root_on_gpu = plan.params_offloaded ? 1 : 1 - 1 / plan.params_divisor;
  return 2 * unit + split.non_linear * root_elem_bytes * root_on_gpu;
}

}  // namespace ftcost::memory_detail
