// Adapting a training setup to what a GPU can run (docs/gpus.md#pre-ampere-gpus).
#include <string>

#include "ftcost/base/names.hpp"
#include "ftcost/gpu/gpu.hpp"

namespace ftcost {

std::vector<Assumption> adapt_to_gpu(TrainingSetup& setup, const Gpu& gpu,
                                     const SetupRequest& request) {
  std::vector<Assumption> assumptions;
  const bool wants_bf16 =
      setup.precision == Precision::Bf16True || setup.precision == Precision::Bf16Mixed;
  if (wants_bf16 && !gpu.bf16_supported) {
    const std::string asked(name_of(setup.precision));
    setup.precision = Precision::Fp16Mixed;
    assumptions.push_back({.text = gpu.name + " has no bf16: training in fp16 mixed precision" +
                                   (request.precision ? " instead of --precision " + asked : ""),
                           .source = "docs/gpus.md#pre-ampere-gpus",
                           .warning = request.precision.has_value()});
  }
  if (setup.attention == Attention::Flash && !gpu.flash_attention_supported) {
    setup.attention = Attention::Sdpa;
    assumptions.push_back({.text = gpu.name +
                                   " cannot run FlashAttention 2: using PyTorch SDPA attention" +
                                   (request.attention ? " instead of --attention flash" : ""),
                           .source = "docs/gpus.md#pre-ampere-gpus",
                           .warning = request.attention.has_value()});
  }
  return assumptions;
}

}  // namespace ftcost
