// Activations: the tensors autograd saves per block, checkpointing, and backward buffers.
#include <algorithm>
#include <array>
#include <string_view>

#include "memory_terms.hpp"

namespace ftcost::memory_detail {

namespace {

/// Where a projection sits in the block, which decides which saved tensor it shares.
enum class Role { AttentionIn, AttentionOut, MlpIn, MlpOut };

Role role_of(std::string_view name) {
  constexpr std::array<std::string_view, 9> kAttentionIn{
      "q_proj", "k_proj", "v_proj", "qkv_proj", "query_key_value",
      "c_attn", "Wqkv",   "query",  "key_value"};
  constexpr std::array<std::string_view, 4> kAttentionOut{"o_proj", "out_proj", "dense", "wo"};
  constexpr std::array<std::string_view, 4> kMlpOut{"down_proj", "fc2", "w2", "dense_4h_to_h"};
  const auto in = [name](const auto& names) {
    return std::find(names.begin(), names.end(), name) != names.end();
  };
  if (in(kAttentionIn)) {
    return Role::AttentionIn;
  }
  if (in(kAttentionOut)) {
    return Role::AttentionOut;
  }
  return in(kMlpOut) ? Role::MlpOut : Role::MlpIn;
}

/// Which roles' inputs autograd keeps in one block: a trainable weight or a LoRA adapter needs
/// its input; a frozen weight alone does not (PyTorch saves conditionally). One pass over the
/// block's linears (the search asks for every candidate setup).
class KeptInputs {
 public:
  KeptInputs(const BlockGroup& group, const TrainingSetup& setup) {
    if (setup.method == Method::Full) {
      kept_.fill(true);
      return;
    }
    for (const LinearSpec& linear : group.linears) {
      if (is_lora_target(setup, linear.name)) {
        kept_[static_cast<std::size_t>(role_of(linear.name))] = true;
      }
    }
  }
  [[nodiscard]] bool operator()(Role role) const { return kept_[static_cast<std::size_t>(role)]; }

 private:
  std::array<bool, 4> kept_{};
};

/// Extra input copies of fp32 adapters: PEFT casts the input to the adapter dtype per module.
double lora_cast_bytes(const BlockGroup& group, const TrainingSetup& setup,
                       const SetupTraits& traits) {
  if (setup.method == Method::Full || !traits.adapters_fp32 || traits.compute_bytes >= 4 ||
      setup.framework == Framework::Unsloth) {
    return 0;
  }
  double bytes = 0;
  for (const LinearSpec& linear : group.linears) {
    if (is_lora_target(setup, linear.name)) {
      // Under autocast the fp32 copy is cast back to 16 bits for the matmul, which saves that.
      bytes += (traits.mixed_precision ? 2.0 : 4.0) * static_cast<double>(linear.in_features);
    }
  }
  return bytes;
}

double attention_bytes(const ModelArch& arch, const TrainingSetup& setup, double c,
                       bool output_kept) {
  const double q_width = static_cast<double>(arch.num_heads * arch.head_dim);
  // SDPA and eager paths repeat k/v to every query head before the kernel (HF repeat_kv,
  // torchtune's expand); FlashAttention-2 takes grouped heads as they are.
  const std::int64_t kv_heads =
      setup.attention == Attention::Flash ? arch.num_kv_heads : arch.num_heads;
  const double kv_width = static_cast<double>(kv_heads * arch.head_dim);
  const double heads = static_cast<double>(arch.num_heads);
  double bytes = c * q_width + 2 * c * kv_width + c * q_width + 4 * heads;  // q k v out lse
  if (setup.attention == Attention::Eager) {
    // fp32 softmax output and its 16-bit copy, s x s per head (no FlashAttention).
    bytes += (4 + c) * heads * static_cast<double>(setup.seq_len);
    bytes += output_kept ? c * q_width : 0;
  }
  return bytes;
}

double mlp_bytes(const BlockGroup& group, const KeptInputs& kept, const SetupTraits& traits,
                 double c) {
  const double width =
      static_cast<double>(group.mlp_hidden * std::max<std::int64_t>(1, group.experts_per_token));
  const bool product_kept = kept(Role::MlpOut) && !traits.lora_mlp_recomputes;
  if (!group.gated_mlp) {
    return c * width + (product_kept ? c * width : 0);
  }
  // gate and up outputs; eager silu also keeps silu(gate); down keeps the product.
  return 2 * c * width + (traits.fused_kernels ? 0 : c * width) + (product_kept ? c * width : 0);
}

}  // namespace

double block_saved_bytes_per_token(const MemoryContext& context, const BlockGroup& group) {
  const ModelArch& arch = context.arch;
  const TrainingSetup& setup = context.setup;
  const SetupTraits& traits = context.traits;
  const double c = traits.compute_bytes;
  const double h = static_cast<double>(arch.hidden_size);
  const bool full = setup.method == Method::Full;
  // RMSNorm in eager mode saves the fp32 copy of its input and, if its weight trains, the
  // normalized value; fused kernels keep the 16-bit input and 1/rms.
  const double norm = traits.fused_kernels ? c * h : std::max(4.0, c) * h + (full ? c * h : 0);
  double bytes = 2 * norm;
  const KeptInputs kept(group, setup);
  bytes += kept(Role::AttentionIn) ? c * h : 0;
  bytes += kept(Role::MlpIn) ? c * h : 0;
  bytes += attention_bytes(arch, setup, c, kept(Role::AttentionOut));
  bytes += mlp_bytes(group, kept, traits, c);
  bytes += lora_cast_bytes(group, setup, traits);
  return bytes;
}

ActivationTerms activation_terms(const MemoryContext& context) {
  const ModelArch& arch = context.arch;
  const TrainingSetup& setup = context.setup;
  const SetupTraits& traits = context.traits;
  const double c = traits.compute_bytes;
  const double tokens = static_cast<double>(setup.seq_len * setup.micro_batch);
  const double h = static_cast<double>(arch.hidden_size);
  ActivationTerms terms;
  double all_layers = 0;
  double widest_mlp = 0;
  for (const BlockGroup& group : arch.blocks) {
    const double layer = block_saved_bytes_per_token(context, group) * tokens;
    all_layers += layer * static_cast<double>(group.layers);
    terms.layer_working_set = std::max(terms.layer_working_set, layer);
    widest_mlp = std::max(widest_mlp, static_cast<double>(group.mlp_hidden));
  }
  terms.one_layer_input = c * h * tokens;
  switch (setup.grad_ckpt) {
    case GradCkpt::None:
      terms.saved_at_loss = all_layers;
      break;
    case GradCkpt::Full:  // only each block's input survives forward (Chen et al. 2016)
      terms.layer_inputs = static_cast<double>(arch.num_layers) * terms.one_layer_input;
      terms.saved_at_loss = terms.layer_inputs;
      break;
    case GradCkpt::Offload:  // inputs stream to host; one leaving and one coming back
      terms.layer_inputs = 2 * terms.one_layer_input;
      terms.saved_at_loss = terms.layer_inputs;
      break;
  }
  // MLP backward: grads of the product, silu(gate) and up, plus two residual-stream grads.
  const double mlp_grads = traits.inplace_mlp_backward ? widest_mlp : 3 * widest_mlp;
  terms.backward_transient = c * tokens * (mlp_grads + 2 * h);
  if (traits.quantized_base) {
    // The quantized base is dequantized one projection at a time for each matmul.
    terms.backward_transient += context.split.largest_linear * c;
  }
  if (setup.attention == Attention::Eager) {
    // Eager attention's backward holds, per head, the gradient of the probabilities (compute
    // dtype) and of the scores through the fp32 softmax (4 B, plus its fp32 upcast input): s x s
    // each, one layer at a time. Quadratic in the sequence, this bounds long-context eager runs
    // (Gemma 2/3) where everything linear in tokens is offloaded or checkpointed.
    const double heads = static_cast<double>(arch.num_heads);
    terms.backward_transient += (c + 8) * heads * static_cast<double>(setup.seq_len) * tokens;
  }
  const LossBuffers loss = loss_buffers(context);
  terms.loss_forward = loss.forward;
  terms.loss_backward = loss.backward;
  return terms;
}

}  // namespace ftcost::memory_detail
