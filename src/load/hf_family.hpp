// What each supported HuggingFace model_type implies beyond its config.json keys.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/model/arch.hpp"

namespace ftcost::load {

/// Defaults and implied features of one model_type, read from its HF modeling code
/// (docs/models.md#hf-config cites each).
struct HfFamily {
  std::string_view model_type;
  bool tie_default = false;       ///< tie_word_embeddings when the key is absent
  bool qkv_bias_implied = false;  ///< q/k/v biases with no config key (qwen2, Qwen v1, BLOOM)
  bool all_bias = false;          ///< every linear and norm has a bias (BLOOM)
  QkNorm qk_norm = QkNorm::None;
  std::int64_t norms_per_layer = 2;
  NormKind norm = NormKind::RmsNorm;
  bool gated_mlp = true;
};

/// The rules for `model_type`, or nullopt when it is not supported.
[[nodiscard]] std::optional<HfFamily> find_hf_family(std::string_view model_type);

/// Every supported model_type, for "accepted" text.
[[nodiscard]] std::vector<std::string> hf_family_names();

}  // namespace ftcost::load
