// The assumptions printed with every memory estimate, each with where it comes from.
#include <string>

#include "memory_terms.hpp"

namespace ftcost::memory_detail {

namespace {

constexpr const char* kDoc = "docs/memory-model.md";

std::string doc(const char* anchor) {
  return std::string(kDoc) + "#" + anchor;
}

void add_stack(std::vector<Assumption>& out, const TrainingSetup& setup,
               const SetupTraits& traits) {
  if (setup.method != Method::Full) {
    out.push_back({traits.adapters_fp32
                       ? "LoRA adapters, their gradients and AdamW states in fp32 (PEFT "
                         "autocast_adapter_dtype)"
                       : "LoRA adapters, their gradients and optimizer states in the model dtype",
                   doc("weights")});
  }
  if (traits.kbit_upcast) {
    out.push_back(
        {"embeddings, lm_head and norms upcast to fp32 by "
         "prepare_model_for_kbit_training (TRL)",
         doc("weights")});
  }
  if (traits.fused_kernels) {
    out.push_back({"fused norm/SwiGLU kernels (torch.compile or Unsloth) save fewer tensors",
                   doc("activations")});
  }
  if (setup.optimizer_in_backward) {
    out.push_back({"optimizer stepped inside backward: no full gradient buffer", doc("gradients")});
  }
}

std::string logits_text(const TrainingSetup& setup, const SetupTraits& traits) {
  if (setup.loss == Loss::Fused) {
    return "fused cross-entropy: logits never held whole";
  }
  if (traits.logits_upcast_in_model) {
    return "standard cross-entropy, Transformers " + version_text(*setup.transformers_version) +
           " (before 4.46): the outputs hold fp32 b x s x vocab logits until backward";
  }
  if (traits.hf_loss) {
    return "standard cross-entropy, Transformers 4.46 or later (--transformers-version): the "
           "outputs hold 16-bit b x s x vocab logits until backward, upcast to fp32 in the loss";
  }
  return "standard cross-entropy: full b x s x vocab logits with an fp32 upcast";
}

}  // namespace

std::vector<Assumption> memory_assumptions(const MemoryContext& context) {
  const TrainingSetup& setup = context.setup;
  const SetupTraits& traits = context.traits;
  std::vector<Assumption> out;
  add_stack(out, setup, traits);
  out.push_back({setup.attention == Attention::Flash
                     ? "FlashAttention-2: no s x s scores, grouped k/v heads kept as they are"
                     : (setup.attention == Attention::Sdpa
                            ? "SDPA: no s x s scores; k/v repeated to every query head"
                            : "eager attention: fp32 s x s scores saved per head"),
                 doc("activations")});
  out.push_back({logits_text(setup, traits), doc("logits")});
  if (setup.optimizer == Optimizer::PagedAdamW || setup.optimizer == Optimizer::PagedAdamW8bit) {
    out.push_back(
        {"paged optimizer state lives in CUDA managed memory: outside allocated and "
         "reserved, counted in the device total",
         doc("optimizer")});
  }
  if (context.shards.quantized_linears_whole) {
    out.push_back(
        {std::string(setup.quant == Quant::Int8 ? "bitsandbytes int8 (LLM.int8)" : "GPTQ") +
             " weights cannot be sharded by FSDP or ZeRO-3 (only 4-bit weights with a "
             "quant_storage dtype can): every GPU holds the whole quantized base",
         doc("unshardable"), true});
  }
  out.push_back({"every sequence padded or packed to --seq-len tokens", doc("activations")});
  out.push_back({"reserved = allocated x 1.10 (caching allocator, calibrated)", doc("allocator")});
  out.push_back(
      {"device total adds 0.5 GiB of CUDA context and library workspaces", doc("allocator")});
  return out;
}

}  // namespace ftcost::memory_detail
