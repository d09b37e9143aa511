// MoE and MLA keys of HF configs; which key each family uses: docs/models.md#hf-config.
#include "hf_moe.hpp"

#include <initializer_list>
#include <vector>

#include "hf_keys.hpp"

namespace ftcost::load {
namespace {

std::int64_t read_top_k(const JsonCursor& text, std::int64_t num_experts) {
  const auto primary = text.find("num_experts_per_tok");
  const auto alternate = text.find("experts_per_token");
  if (!primary && !alternate) {
    text.fail("missing required key 'num_experts_per_tok'",
              "num_experts_per_tok or experts_per_token with the expert count");
  }
  const std::int64_t top_k = (primary ? *primary : *alternate).integer(1, num_experts);
  if (primary && alternate && alternate->integer(1, num_experts) != top_k) {
    alternate->fail("disagrees with num_experts_per_tok " + std::to_string(top_k),
                    "the same top-k in both keys");
  }
  return top_k;
}

void refuse_unsupported_layouts(const JsonCursor& text) {
  if (const auto freq = text.find("moe_layer_freq"); freq && freq->integer(1, 1000) != 1) {
    freq->fail("MoE on every n-th layer (moe_layer_freq) is not supported", "1");
  }
}

// Qwen2-MoE / Qwen3-MoE: layer i (0-based) has experts unless it is listed in mlp_only_layers,
// and only when (i + 1) % decoder_sparse_step == 0; a listed layer has a dense MLP of
// intermediate_size (modeling_qwen2_moe.py / modeling_qwen3_moe.py DecoderLayer). Block groups
// need not be consecutive, so only the number of dense layers matters: it is kept as
// first_dense_layers with step 1, which build_arch counts the same way.
void read_dense_layer_list(const JsonCursor& text, ArchSpec& spec) {
  const auto only = text.find("mlp_only_layers");
  if (!only) {
    return;
  }
  const std::vector<JsonCursor> listed = only->elements();
  if (listed.empty()) {
    return;
  }
  std::vector<bool> dense(static_cast<std::size_t>(spec.layers), false);
  for (const JsonCursor& item : listed) {
    dense[static_cast<std::size_t>(item.integer(0, spec.layers - 1))] = true;
  }
  MoeSpec& moe = spec.moe;
  std::int64_t moe_layers = 0;
  for (std::int64_t i = moe.first_dense_layers; i < spec.layers; ++i) {
    const bool sparse = (i + 1) % moe.layer_step == 0;
    moe_layers += sparse && !dense[static_cast<std::size_t>(i)] ? 1 : 0;
  }
  moe.first_dense_layers = spec.layers - moe_layers;
  moe.layer_step = 1;
}

void read_shared_experts(const JsonCursor& text, const HfFamily& family, MoeSpec& moe) {
  if (const auto shared = text.find("n_shared_experts")) {
    // DeepSeek builds its shared experts as one MLP of n_shared × moe_intermediate_size.
    moe.shared_intermediate = shared->integer(0, 1000) * moe.expert_intermediate;
  } else if (const auto width = text.find("shared_expert_intermediate_size")) {
    moe.shared_intermediate = width->integer(0, kMaxConfigWidth);
    moe.shared_expert_gate = family.model_type == "qwen2_moe";
  } else if (family.model_type == "llama4_text") {
    moe.shared_intermediate = moe.expert_intermediate;  // Llama4TextMoe always has one
  }
}

}  // namespace

void read_moe(const JsonCursor& text, const HfFamily& family, ArchSpec& spec) {
  const auto experts = find_any(text, {"num_local_experts", "num_experts", "n_routed_experts"});
  if (!experts || experts->integer(0, 100'000) == 0) {
    // A router top-k, or a family that is MoE by definition, without an expert count would be
    // read as one dense MLP per layer: several times too few parameters.
    const bool routed = text.find("num_experts_per_tok") || text.find("experts_per_token") ||
                        family.model_type.ends_with("_moe") || family.model_type == "mixtral";
    if (routed) {
      (experts ? *experts : text)
          .fail(experts ? "0 experts in a mixture-of-experts config"
                        : "missing required key 'num_local_experts' for a mixture-of-experts "
                          "config",
                "the expert count: num_local_experts, num_experts or n_routed_experts >= 1");
    }
    return;
  }
  MoeSpec& moe = spec.moe;
  moe.num_experts = experts->integer(1, 100'000);
  moe.experts_per_token = read_top_k(text, moe.num_experts);
  const auto width = find_any(text, {"moe_intermediate_size", "intermediate_size"});
  if (!width) {
    text.fail("missing required key 'moe_intermediate_size'",
              "moe_intermediate_size or intermediate_size");
  }
  moe.expert_intermediate = width->integer(1, kMaxConfigWidth);
  refuse_unsupported_layouts(text);
  read_shared_experts(text, family, moe);
  if (const auto dense = text.find("first_k_dense_replace")) {
    moe.first_dense_layers = dense->integer(0, spec.layers);
  }
  if (const auto step = find_any(text, {"decoder_sparse_step", "interleave_moe_layer_step"})) {
    moe.layer_step = step->integer(1, spec.layers);
  }
  read_dense_layer_list(text, spec);
  const auto topk_method = text.find("topk_method");
  moe.router_bias =
      family.model_type == "gpt_oss" || (topk_method && topk_method->string() == "noaux_tc");
  moe.expert_bias = family.model_type == "gpt_oss";
}

void read_mla(const JsonCursor& text, ArchSpec& spec) {
  const auto kv_rank = text.find("kv_lora_rank");
  if (!kv_rank) {
    return;
  }
  MlaSpec& mla = spec.mla;
  mla.kv_lora_rank = kv_rank->integer(1, kMaxConfigWidth);
  if (const auto q_rank = text.find("q_lora_rank")) {
    mla.q_lora_rank = q_rank->integer(1, kMaxConfigWidth);
  }
  mla.qk_nope_head_dim = text.at("qk_nope_head_dim").integer(1, kMaxConfigWidth);
  mla.qk_rope_head_dim = text.at("qk_rope_head_dim").integer(1, kMaxConfigWidth);
  mla.v_head_dim = text.at("v_head_dim").integer(1, kMaxConfigWidth);
  spec.head_dim = mla.qk_nope_head_dim + mla.qk_rope_head_dim;
  spec.kv_heads = spec.heads;
}

}  // namespace ftcost::load
