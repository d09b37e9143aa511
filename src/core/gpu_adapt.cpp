// Adapting a training setup to what a GPU can run (docs/gpus.md#pre-ampere-gpus).
#include "ftcost/gpu.hpp"

namespace ftcost {

std::vector<Assumption> adapt_to_gpu(TrainingSetup& setup, const Gpu& gpu) {
  std::vector<Assumption> assumptions;
  const bool wants_bf16 =
      setup.precision == Precision::Bf16True || setup.precision == Precision::Bf16Mixed;
  if (wants_bf16 && !gpu.bf16_supported) {
    setup.precision = Precision::Fp16Mixed;
    assumptions.push_back({.text = gpu.name + " has no bf16: training in fp16 mixed precision",
                           .source = "docs/gpus.md#pre-ampere-gpus"});
  }
  if (setup.attention == Attention::Flash && !gpu.flash_attention_supported) {
    setup.attention = Attention::Sdpa;
    assumptions.push_back(
        {.text = gpu.name + " cannot run FlashAttention 2: using PyTorch SDPA attention",
         .source = "docs/gpus.md#pre-ampere-gpus"});
  }
  return assumptions;
}

}  // namespace ftcost
