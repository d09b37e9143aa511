// Weights, gradients and optimizer states per GPU: the terms that outlive a micro-batch.
#include <algorithm>

#include "vram_terms.hpp"

namespace ftcost::vram_detail {

namespace {

constexpr double kBnb8bitBlock = 2048;  // bitsandbytes 8-bit optimizer block (Dettmers 2022)

/// Optimizer state bytes per trainable parameter.
double state_bytes_per_param(Optimizer optimizer, double trainable_bytes, double hidden) {
  switch (optimizer) {
    case Optimizer::AdamW:
    case Optimizer::PagedAdamW:
      return 2 * trainable_bytes;  // exp_avg and exp_avg_sq in the parameter dtype
    case Optimizer::AdamW8bit:
    case Optimizer::PagedAdamW8bit:
      return 2 * (1 + 4 / kBnb8bitBlock);  // two uint8 states + fp32 absmax per block
    case Optimizer::Sgd:
      return 0;  // torch and HF default momentum 0 keep no state
    case Optimizer::Adafactor:
      // Factored second moment (Shazeer & Stern 2018): a row and a column statistic per
      // matrix, about 2/hidden of the parameters; no first moment (HF default beta1=None).
      return trainable_bytes * 2 / hidden;
  }
  return 0;
}

bool is_paged(Optimizer optimizer) {
  return optimizer == Optimizer::PagedAdamW || optimizer == Optimizer::PagedAdamW8bit;
}

double frozen_weight_bytes(const TrainingSetup& setup, const ParamSplit& split, const Dtypes& types,
                           const StackTraits& traits) {
  if (setup.method == Method::Full) {
    return 0;
  }
  const double linear_bytes =
      setup.quant == Quant::None ? types.frozen : quantized_bytes_per_param(setup.quant);
  // Embeddings, lm_head and norms are never quantized (bitsandbytes skips lm_head; torchao
  // NF4 only replaces linears).
  const double other_bytes = traits.kbit_upcast ? 4.0 : types.frozen;
  return split.block_linear * linear_bytes + split.non_linear * other_bytes;
}

}  // namespace

StaticTerms static_terms(const ModelArch& arch, const TrainingSetup& setup) {
  const StackTraits traits = stack_traits(setup);
  const Dtypes types = dtypes(setup, traits);
  const ParamSplit split = split_params(arch, setup);
  const ShardPlan plan = shard_plan(setup);
  const bool full = setup.method == Method::Full;
  StaticTerms terms;
  if (!plan.params_offloaded) {
    terms.frozen_weights = frozen_weight_bytes(setup, split, types, traits) / plan.params_divisor;
    terms.trainable_weights = split.trainable * types.trainable / plan.params_divisor;
    terms.gradients = split.trainable * types.trainable / plan.grads_divisor;
  }
  const double head_params = full ? split.head : 0;
  terms.head_gradient = head_params * types.trainable / plan.grads_divisor;
  terms.largest_gradient =
      full ? std::max(split.head, split.largest_linear) * types.trainable : terms.gradients;
  const double states = split.trainable *
                        state_bytes_per_param(setup.optimizer, types.trainable,
                                              static_cast<double>(arch.hidden_size)) /
                        plan.states_divisor;
  if (!plan.states_offloaded) {
    (is_paged(setup.optimizer) ? terms.paged_states : terms.optimizer_states) = states;
  }
  // DDP's reducer copies gradients into flat buckets (gradient_as_bucket_view=False default).
  if (setup.sharding == Sharding::Ddp && setup.gpus > 1) {
    terms.ddp_buckets = terms.gradients;
  }
  terms.gathered_units = gathered_unit_bytes(setup, split, types, traits);
  const bool mixed =
      setup.precision == Precision::Bf16Mixed || setup.precision == Precision::Fp16Mixed;
  if (full && mixed) {
    // autocast casts each fp32 weight to 16 bits once per forward and the copies stay saved
    // for backward.
    terms.autocast_copies = split.block_linear * 2 / plan.params_divisor;
  }
  return terms;
}

}  // namespace ftcost::vram_detail
