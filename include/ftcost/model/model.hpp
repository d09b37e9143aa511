// A decoder-only transformer's architecture as the estimators see it (plain data).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ftcost {

/// One family of linear projections inside a transformer block, e.g. q_proj, or the routed
/// experts' gate_proj of a mixture-of-experts layer.
struct LinearSpec {
  std::string
      name;  ///< HF module name: q_proj k_proj v_proj o_proj gate_proj up_proj down_proj ...
  std::int64_t in_features = 0;   ///< input width (elements)
  std::int64_t out_features = 0;  ///< output width (elements)
  std::int64_t copies = 1;        ///< instances per layer (num_experts for routed experts, else 1)
  std::int64_t active_copies =
      1;                  ///< instances each token passes through (experts_per_token, else 1)
  bool has_bias = false;  ///< adds out_features parameters per copy

  [[nodiscard]] bool operator==(const LinearSpec&) const = default;  ///< field by field
};

/// A set of identical transformer blocks (most models have one group; DeepSeek-style models
/// have dense layers before the MoE layers; Llama 4 interleaves them, so a group's blocks need
/// not be consecutive). Routers are counted in other_params.
struct BlockGroup {
  std::int64_t layers = 0;          ///< number of consecutive identical blocks
  std::vector<LinearSpec> linears;  ///< every linear projection of one block
  std::int64_t other_params =
      0;  ///< non-linear parameters of one block: norms, router, QK-norm, sinks
  std::int64_t mlp_hidden = 0;  ///< width of the MLP's intermediate activation per active path
  bool gated_mlp = true;        ///< SwiGLU/GeGLU (3 projections) vs plain 2-projection MLP
  std::int64_t experts_per_token = 0;  ///< routed experts each token uses in this block (0 = dense)

  [[nodiscard]] bool operator==(const BlockGroup&) const = default;  ///< field by field
};

/// The architecture, normalized from a HF config.json or the built-in presets.
struct ModelArch {
  std::string id;      ///< preset id ("llama-3.1-8b") or the config file's path
  std::string name;    ///< human name ("Llama 3.1 8B")
  std::string family;  ///< HF model_type ("llama", "qwen2", "mixtral", ...)
  std::string source;  ///< where the architecture comes from (config.json URL or path)
  /// The Hugging Face Hub repository of a preset ("meta-llama/Llama-3.1-8B"); empty for a model
  /// read from a config.json file.
  std::string hf_repo;
  std::int64_t hidden_size = 0;
  std::int64_t num_layers = 0;
  std::int64_t num_heads = 0;     ///< query heads
  std::int64_t num_kv_heads = 0;  ///< key/value heads (GQA when < num_heads)
  std::int64_t head_dim = 0;      ///< per-head width (may differ from hidden_size / num_heads)
  std::int64_t vocab_size = 0;
  std::int64_t max_position_embeddings = 0;
  bool tied_embeddings = false;    ///< lm_head shares the input embedding matrix
  std::vector<BlockGroup> blocks;  ///< all num_layers blocks, grouped; sum of layers == num_layers
  std::int64_t embedding_params = 0;  ///< token embedding (vocab × hidden), plus learned positions
  std::int64_t lm_head_params = 0;    ///< output projection; 0 when tied
  std::int64_t final_params = 0;      ///< final norm and any other top-level parameters
  /// Weights loaded with the model but outside the text decoder (a vision tower and its
  /// projector, e.g. Gemma 3's SigLIP); part of the total, not of the active per-token count.
  std::int64_t vision_params = 0;
  std::optional<std::int64_t> published_params;         ///< from the model card, when known
  std::optional<std::int64_t> published_active_params;  ///< MoE only, when known

  [[nodiscard]] bool operator==(const ModelArch&) const = default;  ///< field by field
};

}  // namespace ftcost
