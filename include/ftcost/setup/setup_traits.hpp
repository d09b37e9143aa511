// What a training setup implies for every model that looks at it: the one home of the facts the
// memory model, the duration model and the artifact sizes share (docs/design.md#shared-facts).
#pragma once

#include <string_view>

#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// Whether `module` (an HF linear name such as "q_proj", or "lm_head") carries a LoRA adapter
/// in `setup`. Always false for Method::Full.
[[nodiscard]] bool is_lora_target(const TrainingSetup& setup, std::string_view module) noexcept;

/// LoRA adapter parameters (elements): A is r x in and B is out x r, so r·(in+out) per targeted
/// linear (Hu et al. 2021). Source: docs/memory-model.md#weights.
struct LoraParams {
  double stored = 0;  ///< every copy (all experts of a MoE layer): what is trained, held in
                      ///< memory, stepped by the optimizer, communicated and saved
  double active = 0;  ///< the copies each token passes through (experts_per_token): what the
                      ///< FLOP count sees
};

/// Adapters of one block of `group` (no layer multiplier, no lm_head). Zero for Method::Full.
[[nodiscard]] LoraParams block_lora_params(const BlockGroup& group,
                                           const TrainingSetup& setup) noexcept;

/// Adapters of the whole model: every block of every group, plus r·(hidden+vocab) when
/// "lm_head" is a target. Zero for Method::Full.
[[nodiscard]] LoraParams lora_params(const ModelArch& arch, const TrainingSetup& setup) noexcept;

/// Trainable parameters (elements): every weight (count_params().total) for Method::Full, else
/// the stored LoRA adapters.
[[nodiscard]] double trainable_params(const ModelArch& arch, const TrainingSetup& setup) noexcept;

/// Bytes per parameter of a quantized storage class, block constants included: NF4 0.5625 (fp32
/// absmax per 64 values), NF4 with double quantization 0.5159 (8-bit absmax + an fp32 constant
/// per 256 blocks), int8 1.0, GPTQ int4 0.5195 (fp16 scale + 4-bit zero per 128 values); 0 for
/// Quant::None. Sources: QLoRA paper sec. 3, docs/memory-model.md#weights.
[[nodiscard]] double quantized_bytes_per_param(Quant quant) noexcept;

/// Optimizer state bytes per trainable parameter, in memory and in a checkpoint: AdamW keeps
/// exp_avg and exp_avg_sq in the parameter dtype (2 x trainable_bytes); bitsandbytes 8-bit
/// AdamW two uint8 states plus an fp32 absmax per 2048 values; SGD at momentum 0 (the torch
/// and HF default) nothing; Adafactor a factored second moment, 2 x trainable_bytes /
/// hidden_size (Shazeer & Stern 2018). Source: docs/memory-model.md#optimizer.
[[nodiscard]] double optimizer_state_bytes_per_param(Optimizer optimizer, double trainable_bytes,
                                                     double hidden_size) noexcept;

/// The ZeRO stage `sharding` implements (Rajbhandari et al. 2020): 0 for none and DDP, 1
/// shards optimizer states, 2 adds gradients, 3 adds parameters; FSDP FULL_SHARD is stage 3.
[[nodiscard]] int zero_stage(Sharding sharding) noexcept;

/// How the setup's training stack behaves where it changes memory or time, and the element
/// sizes it trains in (bytes). Sources: docs/memory-model.md#frameworks and #weights.
struct SetupTraits {
  bool quantized_base = false;       ///< the frozen base is quantized (QLoRA, or LoRA on int8/GPTQ)
  bool mixed_precision = false;      ///< bf16-mixed or 16-mixed: fp32 masters under autocast
  bool fused_kernels = false;        ///< torch.compile or Unsloth: fused norm/SwiGLU/RoPE kernels
  bool adapters_fp32 = false;        ///< PEFT's autocast_adapter_dtype upcasts LoRA to fp32
  bool kbit_upcast = false;          ///< prepare_model_for_kbit_training: non-quantized -> fp32
  bool lora_mlp_recomputes = false;  ///< Unsloth's LoRA MLP recomputes silu(gate)*up
  bool inplace_mlp_backward = false;    ///< Unsloth's SwiGLU backward reuses its input buffers
  bool separate_edge_units = false;     ///< FSDP2 (torchtune): embedding/output are own units
  bool hf_loss = false;                 ///< Transformers' loss path (upcast + shifted copy)
  bool logits_upcast_in_model = false;  ///< Transformers < 4.46: outputs hold fp32 logits
  int zero_stage = 0;                   ///< zero_stage(setup.sharding)
  double compute_bytes = 2;             ///< activations: 2 (bf16/fp16) or 4 (fp32)
  double trainable_bytes = 2;           ///< trainable weights, their gradients and AdamW states
  double frozen_bytes = 2;              ///< unquantized frozen weights
};

/// The traits of `setup` (which must come from resolve_setup).
[[nodiscard]] SetupTraits setup_traits(const TrainingSetup& setup) noexcept;

/// Bytes per frozen base weight as the GPU holds it (zero-sized for Method::Full, whose
/// weights are all trainable).
struct BaseWeightBytes {
  double linear = 0;  ///< block projections: quantized_bytes_per_param, or frozen_bytes
  double other = 0;   ///< embeddings, lm_head, norms: never quantized (bitsandbytes skips
                      ///< lm_head, torchao replaces only linears); fp32 after kbit upcast
};

/// The base weight bytes of `setup` with its `traits`.
[[nodiscard]] BaseWeightBytes base_weight_bytes(const TrainingSetup& setup,
                                                const SetupTraits& traits) noexcept;

}  // namespace ftcost
