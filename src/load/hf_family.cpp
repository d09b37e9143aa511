// The table of supported HF model_types and what each implies (sources: docs/models.md#hf-config).
#include "hf_family.hpp"

#include <array>
#include <utility>

namespace ftcost::load {
namespace {

// Gemma3TextConfig.__init__ defaults (configuration_gemma3.py). The published Gemma 3 4B/12B/27B
// configs nest the decoder under text_config written as its difference from these, so 4B names
// neither heads nor head_dim, and none names vocab_size.
constexpr std::array kGemma3TextDefaults = {
    HfKeyDefault{.key = "vocab_size", .value = 262'208},
    HfKeyDefault{.key = "hidden_size", .value = 2304},
    HfKeyDefault{.key = "intermediate_size", .value = 9216},
    HfKeyDefault{.key = "num_hidden_layers", .value = 26},
    HfKeyDefault{.key = "num_attention_heads", .value = 8},
    HfKeyDefault{.key = "num_key_value_heads", .value = 4},
    HfKeyDefault{.key = "head_dim", .value = 256},
    HfKeyDefault{.key = "max_position_embeddings", .value = 131'072},
};

// PhiForCausalLM (modeling_phi.py): q/k/v_proj and dense with biases, one input LayerNorm per
// block (attention and MLP in parallel), fc1/fc2 with biases, lm_head with a bias.
constexpr HfModuleNames kPhiNames{.out = "dense", .up = "fc1", .down = "fc2"};
// GPTNeoXForCausalLM (modeling_gpt_neox.py): fused query_key_value, dense, dense_h_to_4h and
// dense_4h_to_h.
constexpr HfModuleNames kNeoxNames{
    .fused_qkv = "query_key_value", .out = "dense", .up = "dense_h_to_4h", .down = "dense_4h_to_h"};
// ChatGLM2/3 and GLM-4 (modeling_chatglm.py): as GPT-NeoX, and dense_h_to_4h holds gate and up
// (2 × ffn_hidden_size outputs, split for SwiGLU).
constexpr HfModuleNames kGlmNames{.fused_qkv = "query_key_value",
                                  .out = "dense",
                                  .up = "dense_h_to_4h",
                                  .down = "dense_4h_to_h",
                                  .fused_gate_up = true};

// Ties default to the config class's default: PretrainedConfig ties unless the family's config
// class sets tie_word_embeddings=False (LlamaConfig, Qwen2Config, MistralConfig, PhiConfig,
// GPTNeoXConfig, ...). ChatGLM never ties (its output_layer is no output embedding).
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
             .norms_per_layer = 4,
             .config_class = "Gemma3TextConfig",
             .defaults = kGemma3TextDefaults},
    HfFamily{.model_type = "phi3"},
    HfFamily{.model_type = "olmo2", .qk_norm = QkNorm::Full},
    HfFamily{.model_type = "bloom",
             .tie_default = true,
             .qkv_bias_implied = true,
             .all_bias = true,
             .embedding_norm = true,
             .norm = NormKind::LayerNorm,
             .gated_mlp = false},
    HfFamily{.model_type = "deepseek_v3"},
    HfFamily{.model_type = "gpt_oss"},
    HfFamily{.model_type = "llama4_text"},
    HfFamily{.model_type = "phi",
             .all_bias = true,
             .lm_head_bias = true,
             .norms_per_layer = 1,
             .norm = NormKind::LayerNorm,
             .gated_mlp = false,
             .names = kPhiNames},
    HfFamily{.model_type = "gpt_neox",
             .norm = NormKind::LayerNorm,
             .gated_mlp = false,
             .names = kNeoxNames},
    HfFamily{.model_type = "chatglm", .names = kGlmNames},
};

std::vector<LinearSpec> renamed(const HfModuleNames& names, const std::vector<LinearSpec>& in) {
  std::vector<LinearSpec> out;
  out.reserve(in.size());
  std::size_t qkv = in.size();      // index in `out` of the fused q/k/v projection
  std::size_t gate_up = in.size();  // index in `out` of the fused gate/up projection
  for (const LinearSpec& linear : in) {
    const std::string_view name = linear.name;
    if (!names.fused_qkv.empty() && (name == "k_proj" || name == "v_proj") && qkv < out.size()) {
      out[qkv].out_features += linear.out_features;
      continue;
    }
    if (names.fused_gate_up && name == "up_proj" && gate_up < out.size()) {
      out[gate_up].out_features += linear.out_features;
      continue;
    }
    LinearSpec item = linear;
    if (!names.fused_qkv.empty() && name == "q_proj") {
      item.name = names.fused_qkv;
      qkv = out.size();
    } else if (name == "o_proj") {
      item.name = names.out;
    } else if (names.fused_gate_up && name == "gate_proj") {
      item.name = names.up;
      gate_up = out.size();
    } else if (name == "up_proj") {
      item.name = names.up;
    } else if (name == "down_proj") {
      item.name = names.down;
    }
    out.push_back(std::move(item));
  }
  return out;
}

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

std::optional<std::int64_t> hf_key_default(const HfFamily& family, std::string_view key) {
  for (const HfKeyDefault& entry : family.defaults) {
    if (entry.key == key) {
      return entry.value;
    }
  }
  return std::nullopt;
}

void apply_module_names(const HfFamily& family, ModelArch& arch) {
  const HfModuleNames& names = family.names;
  const HfModuleNames llama{};
  if (names.fused_qkv.empty() && names.out == llama.out && names.up == llama.up &&
      names.down == llama.down && !names.fused_gate_up) {
    return;
  }
  for (BlockGroup& group : arch.blocks) {
    group.linears = renamed(names, group.linears);
  }
}

}  // namespace ftcost::load
