// The table of supported HF model_types and what each implies (sources: docs/models.md#hf-config).
#include "hf_family.hpp"

#include <array>

namespace ftcost::load {
namespace {

// Ties default to the config class's default: PretrainedConfig ties unless the family's config
// class sets tie_word_embeddings=False (LlamaConfig, Qwen2Config, MistralConfig, ...).
constexpr std::array kFamilies = {
    HfFamily{.model_type = "llama"},
    HfFamily{.model_type = "mistral"},
    HfFamily{.model_type = "mixtral"},
    HfFamily{.model_type = "qwen2", .qkv_bias_implied = true},
    HfFamily{.model_type = "qwen2_moe", .qkv_bias_implied = true},
    HfFamily{.model_type = "qwen3", .qk_norm = QkNorm::PerHead},
    HfFamily{.model_type = "qwen3_moe", .qk_norm = QkNorm::PerHead},
    HfFamily{.model_type = "qwen", .qkv_bias_implied = true},
    HfFamily{.model_type = "gemma", .tie_default = true},
    HfFamily{.model_type = "gemma2", .tie_default = true, .norms_per_layer = 4},
    HfFamily{.model_type = "gemma3_text",
             .tie_default = true,
             .qk_norm = QkNorm::PerHead,
             .norms_per_layer = 4},
    HfFamily{.model_type = "phi3"},
    HfFamily{.model_type = "olmo2", .qk_norm = QkNorm::Full},
    HfFamily{.model_type = "bloom",
             .tie_default = true,
             .qkv_bias_implied = true,
             .all_bias = true,
             .norm = NormKind::LayerNorm,
             .gated_mlp = false},
    HfFamily{.model_type = "deepseek_v3"},
    HfFamily{.model_type = "gpt_oss"},
    HfFamily{.model_type = "llama4_text"},
};

}  // namespace

std::optional<HfFamily> find_hf_family(std::string_view model_type) {
  for (const HfFamily& family : kFamilies) {
    if (family.model_type == model_type) {
      return family;
    }
  }
  return std::nullopt;
}

std::vector<std::string> hf_family_names() {
  std::vector<std::string> names;
  names.reserve(kFamilies.size());
  for (const HfFamily& family : kFamilies) {
    names.emplace_back(family.model_type);
  }
  return names;
}

}  // namespace ftcost::load
