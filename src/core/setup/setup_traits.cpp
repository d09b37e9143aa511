// The shared setup facts: LoRA targets and counts, quantized bytes, ZeRO stages, stack traits.
#include "ftcost/setup/setup_traits.hpp"

#include <algorithm>

#include "ftcost/model/params.hpp"

namespace ftcost {

namespace {

constexpr double kNf4CodeBytes = 0.5;       // 4-bit codes
constexpr double kNf4BlockSize = 64;        // bitsandbytes/torchao NF4 block (QLoRA paper, sec. 3)
constexpr double kDoubleQuantBlocks = 256;  // blocks per second-level fp32 constant (QLoRA)
constexpr double kGptqGroupSize = 128;
constexpr double kBnb8bitBlock = 2048;  // bitsandbytes 8-bit optimizer block (Dettmers 2022)

double lm_head_lora(const ModelArch& arch, const TrainingSetup& setup) noexcept {
  return is_lora_target(setup, "lm_head")
             ? static_cast<double>(setup.lora_rank) *
                   static_cast<double>(arch.hidden_size + arch.vocab_size)
             : 0.0;
}

}  // namespace

bool is_lora_target(const TrainingSetup& setup, std::string_view module) noexcept {
  return setup.method != Method::Full &&
         std::find(setup.lora_targets.begin(), setup.lora_targets.end(), module) !=
             setup.lora_targets.end();
}

LoraParams block_lora_params(const BlockGroup& group, const TrainingSetup& setup) noexcept {
  LoraParams params;
  for (const LinearSpec& linear : group.linears) {
    if (is_lora_target(setup, linear.name)) {
      // PEFT wraps every expert copy of a targeted module; a token trains only its experts'.
      const double per_copy = static_cast<double>(setup.lora_rank) *
                              static_cast<double>(linear.in_features + linear.out_features);
      params.stored += per_copy * static_cast<double>(linear.copies);
      params.active += per_copy * static_cast<double>(linear.active_copies);
    }
  }
  return params;
}

LoraParams lora_params(const ModelArch& arch, const TrainingSetup& setup) noexcept {
  LoraParams params;
  for (const BlockGroup& group : arch.blocks) {
    const LoraParams block = block_lora_params(group, setup);
    params.stored += block.stored * static_cast<double>(group.layers);
    params.active += block.active * static_cast<double>(group.layers);
  }
  params.stored += lm_head_lora(arch, setup);
  params.active += lm_head_lora(arch, setup);
  return params;
}

double trainable_params(const ModelArch& arch, const TrainingSetup& setup) noexcept {
  return setup.method == Method::Full ? static_cast<double>(count_params(arch).total)
                                      : lora_params(arch, setup).stored;
}

double quantized_bytes_per_param(Quant quant) noexcept {
  switch (quant) {
    case Quant::None:
      return 0;
    case Quant::Nf4:  // fp32 absmax per 64-value block
      return kNf4CodeBytes + 4.0 / kNf4BlockSize;
    case Quant::Nf4Dq:  // 8-bit absmax per block + fp32 constant per 256 blocks
      return kNf4CodeBytes + 1.0 / kNf4BlockSize + 4.0 / (kNf4BlockSize * kDoubleQuantBlocks);
    case Quant::Int8:  // LLM.int8: int8 weights; the fp32 per-row scale is negligible
      return 1.0;
    case Quant::GptqInt4:  // 4-bit codes + fp16 scale and 4-bit zero per 128-value group
      return kNf4CodeBytes + (2.0 + 0.5) / kGptqGroupSize;
  }
  return 0;
}

double optimizer_state_bytes_per_param(Optimizer optimizer, double trainable_bytes,
                                       double hidden_size) noexcept {
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
      return trainable_bytes * 2 / hidden_size;
  }
  return 0;
}

int zero_stage(Sharding sharding) noexcept {
  switch (sharding) {
    case Sharding::None:
    case Sharding::Ddp:
      return 0;
    case Sharding::Zero1:
      return 1;
    case Sharding::Zero2:
      return 2;
    case Sharding::Zero3:
    case Sharding::Fsdp:
      return 3;
  }
  return 0;
}

SetupTraits setup_traits(const TrainingSetup& setup) noexcept {
  SetupTraits traits;
  const Framework fw = setup.framework;
  traits.quantized_base = setup.method != Method::Full && setup.quant != Quant::None;
  traits.mixed_precision =
      setup.precision == Precision::Bf16Mixed || setup.precision == Precision::Fp16Mixed;
  traits.fused_kernels = setup.compiled || fw == Framework::Unsloth;
  // PEFT (used by TRL, Axolotl, Unsloth) creates adapters in fp32 on a 16-bit base
  // (autocast_adapter_dtype=True); torchtune builds them in the model dtype.
  traits.adapters_fp32 = fw != Framework::Torchtune;
  // TRL/Trainer call peft.prepare_model_for_kbit_training, which casts every non-quantized
  // weight to fp32; Axolotl casts them back to 16 bits, Unsloth and torchtune never upcast.
  traits.kbit_upcast = fw == Framework::Hf && traits.quantized_base;
  traits.lora_mlp_recomputes = fw == Framework::Unsloth && setup.method != Method::Full;
  traits.inplace_mlp_backward = fw == Framework::Unsloth;
  traits.separate_edge_units = fw == Framework::Torchtune;
  traits.hf_loss = fw != Framework::Torchtune;
  // Unsloth replaces the model's forward with its own, so only hf and axolotl run the
  // release's LlamaForCausalLM.forward.
  traits.logits_upcast_in_model = (fw == Framework::Hf || fw == Framework::Axolotl) &&
                                  setup.transformers_version &&
                                  *setup.transformers_version < kTransformersUpcastInLoss;
  traits.zero_stage = zero_stage(setup.sharding);
  const bool fp32 = setup.precision == Precision::Fp32True;
  traits.compute_bytes = fp32 ? 4 : 2;
  traits.frozen_bytes = fp32 ? 4 : 2;
  if (setup.method == Method::Full) {
    // "-mixed" keeps fp32 master weights (and so fp32 gradients and states).
    traits.trainable_bytes = (fp32 || traits.mixed_precision) ? 4 : 2;
  } else {
    traits.trainable_bytes = (fp32 || traits.mixed_precision || traits.adapters_fp32) ? 4 : 2;
  }
  return traits;
}

BaseWeightBytes base_weight_bytes(const TrainingSetup& setup, const SetupTraits& traits) noexcept {
  if (setup.method == Method::Full) {
    return {};
  }
  return {.linear =
              traits.quantized_base ? quantized_bytes_per_param(setup.quant) : traits.frozen_bytes,
          .other = traits.kbit_upcast ? 4.0 : traits.frozen_bytes};
}

}  // namespace ftcost
