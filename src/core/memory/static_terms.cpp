// Weights, gradients and optimizer states per GPU: the terms that outlive a micro-batch.
#include <algorithm>

#include "memory_terms.hpp"

namespace ftcost::memory_detail {

namespace {

bool is_paged(Optimizer optimizer) {
  return optimizer == Optimizer::PagedAdamW || optimizer == Optimizer::PagedAdamW8bit;
}

double frozen_weight_bytes(const MemoryContext& context) {
  return context.split.block_linear * context.base.linear +
         context.split.non_linear * context.base.other;
}

}  // namespace

StaticTerms static_terms(const MemoryContext& context) {
  const TrainingSetup& setup = context.setup;
  const SetupTraits& traits = context.traits;
  const ParamSplit& split = context.split;
  const ShardPlan& plan = context.shards;
  const bool full = setup.method == Method::Full;
  StaticTerms terms;
  if (!plan.params_offloaded) {
    terms.frozen_weights = frozen_weight_bytes(context) / plan.params_divisor;
    terms.trainable_weights = split.trainable * traits.trainable_bytes / plan.params_divisor;
    terms.gradients = split.trainable * traits.trainable_bytes / plan.grads_divisor;
  }
  const double head_params = full ? split.head : 0;
  terms.head_gradient = head_params * traits.trainable_bytes / plan.grads_divisor;
  terms.largest_gradient =
      full ? std::max(split.head, split.largest_linear) * traits.trainable_bytes : terms.gradients;
  const double states =
      split.trainable *
      optimizer_state_bytes_per_param(setup.optimizer, traits.trainable_bytes,
                                      static_cast<double>(context.arch.hidden_size)) /
      plan.states_divisor;
  if (!plan.states_offloaded) {
    (is_paged(setup.optimizer) ? terms.paged_states : terms.optimizer_states) = states;
  }
  // DDP's reducer copies gradients into flat buckets (gradient_as_bucket_view=False default).
  if (setup.sharding == Sharding::Ddp && setup.gpus > 1) {
    terms.ddp_buckets = terms.gradients;
  }
  terms.gathered_units = gathered_unit_bytes(context);
  if (full && traits.mixed_precision) {
    // autocast casts each fp32 weight to 16 bits once per forward and the copies stay saved
    // for backward.
    terms.autocast_copies = split.block_linear * 2 / plan.params_divisor;
  }
  return terms;
}

}  // namespace ftcost::memory_detail
