// What each training stack does that changes memory, and the element sizes it trains in.
#include "vram_terms.hpp"

namespace ftcost::vram_detail {

StackTraits stack_traits(const TrainingSetup& setup) {
  StackTraits traits;
  const Framework fw = setup.framework;
  // PEFT (used by TRL, Axolotl, Unsloth) creates adapters in fp32 on a 16-bit base
  // (autocast_adapter_dtype=True); torchtune builds them in the model dtype.
  traits.adapters_fp32 = fw != Framework::Torchtune;
  // TRL/Trainer call peft.prepare_model_for_kbit_training, which casts every non-quantized
  // weight to fp32; Axolotl casts them back to 16 bits, Unsloth and torchtune never upcast.
  traits.kbit_upcast = fw == Framework::Hf && setup.quant != Quant::None;
  traits.fused_kernels = setup.compiled || fw == Framework::Unsloth;
  traits.lora_mlp_recomputes = fw == Framework::Unsloth && setup.method != Method::Full;
  traits.inplace_mlp_backward = fw == Framework::Unsloth;
  traits.separate_edge_units = fw == Framework::Torchtune;
  traits.hf_loss = fw != Framework::Torchtune;
  // Unsloth replaces the model's forward with its own, so only hf and axolotl run the
  // release's LlamaForCausalLM.forward.
  traits.logits_upcast_in_model = (fw == Framework::Hf || fw == Framework::Axolotl) &&
                                  setup.transformers_version &&
                                  *setup.transformers_version < kTransformersUpcastInLoss;
  return traits;
}

Dtypes dtypes(const TrainingSetup& setup, const StackTraits& traits) {
  const bool fp32 = setup.precision == Precision::Fp32True;
  const bool mixed =
      setup.precision == Precision::Bf16Mixed || setup.precision == Precision::Fp16Mixed;
  Dtypes result;
  result.compute = fp32 ? 4 : 2;
  result.frozen = fp32 ? 4 : 2;
  if (setup.method == Method::Full) {
    // "-mixed" keeps fp32 master weights (and so fp32 gradients and states).
    result.trainable = (fp32 || mixed) ? 4 : 2;
  } else {
    result.trainable = (fp32 || mixed || traits.adapters_fp32) ? 4 : 2;
  }
  return result;
}

}  // namespace ftcost::vram_detail
