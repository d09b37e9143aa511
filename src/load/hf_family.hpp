// What each supported HuggingFace model_type implies beyond its config.json keys.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/model/arch.hpp"
#include "ftcost/model/model.hpp"

namespace ftcost::load {

/// A config key's value when config.json leaves it out: the default of the family's config
/// class. Transformers writes a nested text_config as its difference from those defaults, so
/// published multimodal configs omit every value equal to one (Gemma 3's vocab_size, head_dim).
struct HfKeyDefault {
  std::string_view key;
  std::int64_t value = 0;
};

/// The HF module names of a family's block linears where they differ from Llama's. Fused
/// modules are one linear, as PEFT sees them (a LoRA target adapts the whole fused weight).
struct HfModuleNames {
  std::string_view fused_qkv{};  ///< one q/k/v projection ("query_key_value"); empty: q/k/v_proj
  std::string_view out = "o_proj";
  std::string_view up = "up_proj";  ///< with fused_gate_up: gate and up as one, twice as wide
  std::string_view down = "down_proj";
  bool fused_gate_up = false;
};

/// Defaults and implied features of one model_type, read from its HF modeling code
/// (docs/models.md#hf-config cites each).
struct HfFamily {
  std::string_view model_type;
  bool tie_default = false;       ///< tie_word_embeddings when the key is absent
  bool qkv_bias_implied = false;  ///< q/k/v biases with no config key (qwen2, Qwen v1, BLOOM)
  bool all_bias = false;          ///< every linear and norm has a bias (BLOOM, Phi)
  bool embedding_norm = false;    ///< a norm right after the embedding (BLOOM)
  bool lm_head_bias = false;      ///< the untied lm_head has a bias (Phi)
  QkNorm qk_norm = QkNorm::None;
  std::int64_t norms_per_layer = 2;
  NormKind norm = NormKind::RmsNorm;
  bool gated_mlp = true;
  HfModuleNames names{};
  std::string_view config_class{};  ///< the Transformers config class the defaults come from
  std::span<const HfKeyDefault> defaults{};  ///< values for keys a config may leave out
};

/// The rules for `model_type`, or nullopt when it is not supported.
[[nodiscard]] std::optional<HfFamily> find_hf_family(std::string_view model_type);

/// Every supported model_type, for "accepted" text.
[[nodiscard]] std::vector<std::string> hf_family_names();

/// `family`'s default for `key`, or nullopt when its config class has none that ftcost uses.
[[nodiscard]] std::optional<std::int64_t> hf_key_default(const HfFamily& family,
                                                         std::string_view key);

/// Renames (and fuses) the block linears `build_arch` named after Llama's to `family`'s HF
/// module names, so LoRA targets match the real modules; parameter counts are unchanged.
void apply_module_names(const HfFamily& family, ModelArch& arch);

}  // namespace ftcost::load
