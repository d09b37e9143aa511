// FLOPs per trained token from the architecture (docs/duration-model.md#flops).
#include <algorithm>

#include "ftcost/duration/duration.hpp"
#include "ftcost/setup/setup_traits.hpp"

namespace ftcost {
namespace {

// Weights every token multiplies through: active linear copies plus the output projection
// (computed even when tied to the embedding, whose lookup costs no FLOPs).
double active_matmul_weights(const ModelArch& arch) {
  double weights = 0;
  for (const BlockGroup& group : arch.blocks) {
    for (const LinearSpec& linear : group.linears) {
      weights += static_cast<double>(group.layers * linear.active_copies) *
                 static_cast<double>(linear.in_features * linear.out_features);
    }
  }
  return weights + static_cast<double>(arch.hidden_size * arch.vocab_size);
}

// PaLM appendix B: QK^T and attention-times-V cost 2·s·d_attn each per token per layer forward.
double attention_forward(const ModelArch& arch, std::int64_t seq_len) {
  return 4.0 * static_cast<double>(arch.num_layers) * static_cast<double>(seq_len) *
         static_cast<double>(arch.num_heads * arch.head_dim);
}

}  // namespace

FlopsPerToken flops_per_token(const ModelArch& arch, const TrainingSetup& setup) {
  const double weights = active_matmul_weights(arch);
  const double attention = attention_forward(arch, setup.seq_len);
  FlopsPerToken flops;
  flops.forward = 2 * weights + attention;
  if (setup.method == Method::Full) {
    // Kaplan et al. 2020: backward = input gradients + weight gradients = 2x forward.
    flops.backward = 2 * flops.forward;
  } else {
    // Frozen base: only input gradients flow through it (2 per weight) and attention's backward
    // is twice its forward; adapters cost forward + both gradients (6 per parameter).
    flops.backward = 2 * weights + 2 * attention + 6 * lora_params(arch, setup).active;
  }
  // Korthikanti et al. 2022: full recomputation replays each block's forward once.
  flops.recompute = setup.grad_ckpt == GradCkpt::None ? 0 : flops.forward;
  return flops;
}

}  // namespace ftcost
