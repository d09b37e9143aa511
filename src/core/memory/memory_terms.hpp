// Internal pieces of the memory model, one per source file (docs/memory-model.md).
#pragma once

#include <string>
#include <vector>

#include "ftcost/memory/memory.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"
#include "ftcost/setup/setup_traits.hpp"

namespace ftcost::memory_detail {

/// Parameter counts (elements) the weight terms need.
struct ParamSplit {
  double block_linear = 0;    ///< all projections in all blocks (what bitsandbytes quantizes)
  double non_linear = 0;      ///< embeddings, lm_head, norms, biases, routers
  double lora = 0;            ///< LoRA A and B of every target module
  double trainable = 0;       ///< full: every weight; LoRA: the adapters
  double head = 0;            ///< the output projection (embedding when tied)
  double largest_linear = 0;  ///< elements of the largest single projection matrix
  double layer_linear = 0;    ///< projections of the largest block (one FSDP unit)
  double layer_lora = 0;      ///< adapters of the largest block
};

[[nodiscard]] ParamSplit split_params(const ModelArch& arch, const TrainingSetup& setup);

/// How data parallelism divides each term across GPUs (ZeRO stages, FSDP), and what is offloaded.
struct ShardPlan {
  double params_divisor = 1;  ///< zero3/fsdp: parameters split over the GPUs
  /// The quantized linears cannot be split (bitsandbytes int8, GPTQ): every GPU holds them whole
  /// even where the rest of the model is sharded.
  bool quantized_linears_whole = false;
  double grads_divisor = 1;       ///< zero2 and up
  double states_divisor = 1;      ///< zero1 and up
  bool params_offloaded = false;  ///< --cpu-offload params: weights, grads and states on host
  bool states_offloaded = false;  ///< --cpu-offload optimizer (or params): states on host
};

[[nodiscard]] ShardPlan shard_plan(const TrainingSetup& setup, const SetupTraits& traits);

/// Everything one estimate derives from its setup, built once (memory_context) and handed to
/// every term, so no term recomputes traits, parameter splits or the shard plan.
struct MemoryContext {
  const ModelArch& arch;
  const TrainingSetup& setup;
  SetupTraits traits;
  BaseWeightBytes base;
  ParamSplit split;
  ShardPlan shards;
};

/// The context of one estimate; `arch` and `setup` must outlive it.
[[nodiscard]] MemoryContext memory_context(const ModelArch& arch, const TrainingSetup& setup);

/// FSDP/ZeRO-3 parameters (and full fine-tuning's unsharded unit gradients) all-gathered at
/// once: the current and the prefetched block, plus the embedding and output (docs/#sharding).
[[nodiscard]] double gathered_unit_bytes(const MemoryContext& context);

/// Bytes per GPU that live for the whole step (or between steps), before phases are composed.
struct StaticTerms {
  double frozen_weights = 0;
  double trainable_weights = 0;
  double gradients = 0;            ///< a full set of (sharded) gradients
  double head_gradient = 0;        ///< gradient of the output projection alone
  double largest_gradient = 0;     ///< the largest single parameter's gradient (optimizer_in_bwd)
  double optimizer_states = 0;     ///< inside PyTorch's allocator
  double paged_states = 0;         ///< bitsandbytes paged state (CUDA managed memory)
  double ddp_buckets = 0;          ///< DDP reducer's flat gradient buckets
  double gathered_units = 0;       ///< FSDP/ZeRO-3 all-gathered parameters in flight
  double autocast_copies = 0;      ///< 16-bit copies of fp32 weights cached by autocast
  double master_weights = 0;       ///< DeepSpeed ZeRO: fp32 master partition of a 16-bit model
  double fp32_grad_partition = 0;  ///< DeepSpeed ZeRO: the step's fp32 copy of its gradients
  double host_offload = 0;  ///< bytes --cpu-offload keeps in host memory for this GPU's shard
};

[[nodiscard]] StaticTerms static_terms(const MemoryContext& context);

/// Activation and loss-buffer bytes per GPU for one micro-batch.
struct ActivationTerms {
  double saved_at_loss = 0;       ///< saved tensors alive when the loss is computed
  double layer_inputs = 0;        ///< checkpointed block inputs (subset of saved_at_loss)
  double one_layer_input = 0;     ///< one block's checkpointed input
  double layer_working_set = 0;   ///< one block's saved tensors (recomputed or last left)
  double backward_transient = 0;  ///< gradient buffers inside one block's backward
  double loss_forward = 0;        ///< logits/loss buffers at the end of forward
  double loss_backward = 0;       ///< logits/loss buffers at the start of backward
};

[[nodiscard]] ActivationTerms activation_terms(const MemoryContext& context);

/// Saved bytes per token of one block of `group` (docs/memory-model.md#activations).
[[nodiscard]] double block_saved_bytes_per_token(const MemoryContext& context,
                                                 const BlockGroup& group);

/// Logits/loss buffers: {end of forward, start of backward}, bytes.
struct LossBuffers {
  double forward = 0;
  double backward = 0;
};

[[nodiscard]] LossBuffers loss_buffers(const MemoryContext& context);

/// PyTorch caching-allocator reserve over the peak allocation, as a fraction.
inline constexpr double kAllocatorOverhead = 0.10;
/// CUDA context, kernels and library handles outside PyTorch's allocator, bytes.
inline constexpr double kCudaContextBytes = 0.5 * 1024 * 1024 * 1024;

/// Fills the peak figures from the allocated peak (docs/memory-model.md#allocator).
void apply_allocator(MemoryEstimate& estimate, double paged_bytes);

/// Every assumption the estimate rests on.
[[nodiscard]] std::vector<Assumption> memory_assumptions(const MemoryContext& context);

}  // namespace ftcost::memory_detail
