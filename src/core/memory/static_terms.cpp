// Weights, gradients and optimizer states per GPU: the terms that outlive a micro-batch.
#include <algorithm>

#include "memory_terms.hpp"

namespace ftcost::memory_detail {

namespace {

bool is_paged(Optimizer optimizer) {
  return optimizer == Optimizer::PagedAdamW || optimizer == Optimizer::PagedAdamW8bit;
}

// DeepSpeed's ZeRO optimizer (stages 1-3) on a 16-bit model: the engine casts the module to
// bf16/fp16 and its optimizer keeps the fp32 copies, partitioned over the GPUs.
bool deepspeed_zero(const TrainingSetup& setup, const SetupTraits& traits) {
  const bool zero = setup.sharding == Sharding::Zero1 || setup.sharding == Sharding::Zero2 ||
                    setup.sharding == Sharding::Zero3;
  return zero && traits.compute_bytes == 2;
}

// The frozen base per GPU: sharded over params_divisor, except quantized linears that cannot be
// sharded (ShardPlan::quantized_linears_whole), which every GPU holds whole, offloaded or not.
double frozen_weight_bytes(const MemoryContext& context) {
  const ShardPlan& plan = context.shards;
  const double linear = context.split.block_linear * context.base.linear;
  const double other = context.split.non_linear * context.base.other;
  if (plan.quantized_linears_whole) {
    return linear + (plan.params_offloaded ? 0 : other / plan.params_divisor);
  }
  return plan.params_offloaded ? 0 : (linear + other) / plan.params_divisor;
}

}  // namespace

StaticTerms static_terms(const MemoryContext& context) {
  const TrainingSetup& setup = context.setup;
  const SetupTraits& traits = context.traits;
  const ParamSplit& split = context.split;
  const ShardPlan& plan = context.shards;
  const bool full = setup.method == Method::Full;
  StaticTerms terms;
  // DeepSpeed ZeRO keeps the trainable weights and their gradients in 16 bits on the GPU and the
  // fp32 master, the states and an fp32 copy of the gradients in the optimizer's partition:
  // 2P + 2P + 16P/N (stage 1), 2P + 18P/N (stage 2), 20P/N (stage 3) for AdamW, as DeepSpeed's
  // maintainers give it (docs/memory-model.md#deepspeed-zero), not the paper's 2P + 14P/N.
  const bool deepspeed = deepspeed_zero(setup, traits);
  const double trainable_bytes = deepspeed ? 2.0 : traits.trainable_bytes;
  const double master_bytes = deepspeed ? 4.0 : traits.trainable_bytes;
  terms.frozen_weights = frozen_weight_bytes(context);
  if (!plan.params_offloaded) {
    terms.trainable_weights = split.trainable * trainable_bytes / plan.params_divisor;
    terms.gradients = split.trainable * trainable_bytes / plan.grads_divisor;
  }
  const double master = deepspeed ? split.trainable * 4 / plan.states_divisor : 0;
  if (!plan.states_offloaded) {
    terms.master_weights = master;
    terms.fp32_grad_partition = master;
  }
  const double head_params = full ? split.head : 0;
  terms.head_gradient = head_params * traits.trainable_bytes / plan.grads_divisor;
  terms.largest_gradient =
      full ? std::max(split.head, split.largest_linear) * traits.trainable_bytes : terms.gradients;
  const double states =
      split.trainable *
      optimizer_state_bytes_per_param(setup.optimizer, master_bytes,
                                      static_cast<double>(context.arch.hidden_size)) /
      plan.states_divisor;
  if (!plan.states_offloaded) {
    (is_paged(setup.optimizer) ? terms.paged_states : terms.optimizer_states) = states;
  } else {
    // What the offload moved: the states (and DeepSpeed's fp32 master and gradient copies), and
    // with params also this GPU's weight and gradient shards.
    terms.host_offload = states + 2 * master;
    if (plan.params_offloaded) {
      const double whole_linears =
          plan.quantized_linears_whole ? split.block_linear * context.base.linear : 0;
      const double frozen = (split.block_linear * context.base.linear +
                             split.non_linear * context.base.other - whole_linears) /
                            plan.params_divisor;
      terms.host_offload += frozen + 2 * split.trainable * trainable_bytes / plan.params_divisor;
    }
  }
  // DDP's reducer copies gradients into flat buckets (gradient_as_bucket_view=False default).
  if (setup.sharding == Sharding::Ddp && setup.gpus > 1) {
    terms.ddp_buckets = terms.gradients;
  }
  terms.gathered_units = gathered_unit_bytes(context);
  if (full && traits.mixed_precision && traits.zero_stage == 0) {
    // autocast casts each fp32 weight to 16 bits once per forward and the copies stay saved
    // for backward. Sharded runs compute on 16-bit parameters already: FSDP's MixedPrecision
    // casts each unit as it gathers it (the gathered units term), DeepSpeed casts the module.
    terms.autocast_copies = split.block_linear * 2;
  }
  return terms;
}

}  // namespace ftcost::memory_detail
