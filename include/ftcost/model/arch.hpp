// A flat, normalized description of a decoder-only transformer, and the builder that turns it into
// the per-block ModelArch the estimators use.
#pragma once

#include <cstdint>

#include "ftcost/model/model.hpp"

namespace ftcost {

/// Normalization layer kind: RMSNorm has one weight vector, LayerNorm a weight and a bias.
enum class NormKind { RmsNorm, LayerNorm };

/// Per-layer query/key normalization: None; PerHead (one head_dim vector each for q and k, as
/// Qwen3 and Gemma 3); Full (over the whole projected q and k widths, as OLMo 2).
enum class QkNorm { None, PerHead, Full };

/// DeepSeek multi-head latent attention (MLA) widths; enabled when kv_lora_rank > 0.
/// Source: docs/models.md#mla (HF modeling_deepseek_v3.py).
struct MlaSpec {
  std::int64_t q_lora_rank = 0;  ///< 0: a plain q_proj (DeepSeek-V2-Lite); else q_a/q_b projections
  std::int64_t kv_lora_rank = 0;      ///< compressed KV width; 0 = not MLA
  std::int64_t qk_nope_head_dim = 0;  ///< per-head query/key width without rotary part
  std::int64_t qk_rope_head_dim = 0;  ///< per-head rotary query/key width (key part shared)
  std::int64_t v_head_dim = 0;        ///< per-head value width
};

/// Mixture-of-experts layout; a dense model has num_experts == 0.
struct MoeSpec {
  std::int64_t num_experts = 0;          ///< routed experts per MoE layer
  std::int64_t experts_per_token = 0;    ///< routed experts each token uses (top-k)
  std::int64_t expert_intermediate = 0;  ///< each routed expert's MLP width per projection
  std::int64_t shared_intermediate = 0;  ///< total width of the always-on shared expert(s); 0 none
  bool shared_expert_gate = false;  ///< a hidden→1 sigmoid gate on the shared expert (Qwen2-MoE)
  std::int64_t first_dense_layers = 0;  ///< leading dense layers (DeepSeek first_k_dense_replace)
  std::int64_t layer_step = 1;          ///< layer i (0-based) is MoE when (i + 1) % layer_step == 0
  bool router_bias = false;  ///< router has a bias (or score-correction) vector per expert
  bool expert_bias = false;  ///< every expert projection has a bias (gpt-oss)
};

/// The architecture as flat numbers and flags, the common form of presets and HF configs.
/// Widths are elements; counts are per model unless stated.
struct ArchSpec {
  std::int64_t hidden = 0;    ///< residual width (hidden_size)
  std::int64_t layers = 0;    ///< decoder blocks
  std::int64_t heads = 0;     ///< query heads
  std::int64_t kv_heads = 0;  ///< key/value heads
  std::int64_t head_dim = 0;  ///< per-head width (may differ from hidden / heads)
  std::int64_t intermediate =
      0;                  ///< dense MLP width per projection (dense layers of MoE models too)
  bool gated_mlp = true;  ///< gate/up/down (SwiGLU, GeGLU) vs up/down
  bool qkv_bias = false;  ///< q/k/v projections have biases
  bool o_bias = false;    ///< output projection has a bias
  bool mlp_bias = false;  ///< MLP projections have biases
  NormKind norm = NormKind::RmsNorm;
  std::int64_t norms_per_layer = 2;  ///< hidden-width norms per block (Gemma 2/3: 4; Falcon-7B: 1)
  QkNorm qk_norm = QkNorm::None;
  bool attention_sinks = false;        ///< one learned sink logit per head (gpt-oss)
  std::int64_t vocab = 0;              ///< embedding rows
  bool tied_embeddings = false;        ///< lm_head reuses the embedding
  std::int64_t learned_positions = 0;  ///< rows of a learned position table (0 = rotary/ALiBi)
  bool embedding_norm = false;         ///< a norm right after the embedding (BLOOM)
  std::int64_t max_position_embeddings = 0;  ///< longest supported context; 0 = not stated
  MlaSpec mla;
  MoeSpec moe;
  std::int64_t vision_params = 0;  ///< vision tower + projector loaded with the model (Gemma 3)
};

/// Builds the block groups and top-level counts of `spec`; identity fields (id, name, family,
/// source, published counts) are left empty for the caller. The spec must be valid (positive
/// widths; loaders validate). Router weights go into BlockGroup::other_params, not linears.
/// Source: docs/models.md#parameter-count.
[[nodiscard]] ModelArch build_arch(const ArchSpec& spec);

}  // namespace ftcost
