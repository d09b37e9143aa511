// build_arch: ArchSpec -> ModelArch block groups. Formulas: docs/models.md#parameter-count.
#include "ftcost/model/arch.hpp"

#include <string>
#include <vector>

namespace ftcost {
namespace {

std::int64_t norm_params(const ArchSpec& spec, std::int64_t width) {
  return spec.norm == NormKind::LayerNorm ? 2 * width : width;
}

LinearSpec linear(std::string name, std::int64_t in, std::int64_t out, bool bias) {
  return LinearSpec{
      .name = std::move(name), .in_features = in, .out_features = out, .has_bias = bias};
}

// MLA follows HF modeling_deepseek_v3.py: low-rank q (q_a -> norm -> q_b), a joint compressed KV
// plus a shared rotary key (kv_a_proj_with_mqa), expanded per head by kv_b_proj.
void add_mla_attention(const ArchSpec& spec, std::vector<LinearSpec>& out) {
  const MlaSpec& mla = spec.mla;
  const std::int64_t q_width = spec.heads * (mla.qk_nope_head_dim + mla.qk_rope_head_dim);
  if (mla.q_lora_rank > 0) {
    out.push_back(linear("q_a_proj", spec.hidden, mla.q_lora_rank, spec.qkv_bias));
    out.push_back(linear("q_b_proj", mla.q_lora_rank, q_width, false));
  } else {
    out.push_back(linear("q_proj", spec.hidden, q_width, false));
  }
  out.push_back(linear("kv_a_proj_with_mqa", spec.hidden, mla.kv_lora_rank + mla.qk_rope_head_dim,
                       spec.qkv_bias));
  out.push_back(linear("kv_b_proj", mla.kv_lora_rank,
                       spec.heads * (mla.qk_nope_head_dim + mla.v_head_dim), false));
  out.push_back(linear("o_proj", spec.heads * mla.v_head_dim, spec.hidden, spec.o_bias));
}

void add_attention(const ArchSpec& spec, std::vector<LinearSpec>& out) {
  if (spec.mla.kv_lora_rank > 0) {
    add_mla_attention(spec, out);
    return;
  }
  const std::int64_t q_width = spec.heads * spec.head_dim;
  const std::int64_t kv_width = spec.kv_heads * spec.head_dim;
  out.push_back(linear("q_proj", spec.hidden, q_width, spec.qkv_bias));
  out.push_back(linear("k_proj", spec.hidden, kv_width, spec.qkv_bias));
  out.push_back(linear("v_proj", spec.hidden, kv_width, spec.qkv_bias));
  out.push_back(linear("o_proj", q_width, spec.hidden, spec.o_bias));
}

// Norms and other small per-block weights that are not linear projections.
std::int64_t attention_other_params(const ArchSpec& spec) {
  std::int64_t params = spec.norms_per_layer * norm_params(spec, spec.hidden);
  if (spec.qk_norm == QkNorm::PerHead) {
    params += 2 * norm_params(spec, spec.head_dim);
  } else if (spec.qk_norm == QkNorm::Full) {
    params += norm_params(spec, spec.heads * spec.head_dim) +
              norm_params(spec, spec.kv_heads * spec.head_dim);
  }
  if (spec.mla.kv_lora_rank > 0) {
    params += norm_params(spec, spec.mla.kv_lora_rank);
    params += spec.mla.q_lora_rank > 0 ? norm_params(spec, spec.mla.q_lora_rank) : 0;
  }
  return params + (spec.attention_sinks ? spec.heads : 0);
}

void add_mlp(const ArchSpec& spec, const std::string& prefix, std::int64_t width, bool bias,
             std::int64_t copies, std::int64_t active, std::vector<LinearSpec>& out) {
  const auto add = [&](const char* name, std::int64_t in, std::int64_t out_width) {
    LinearSpec item = linear(prefix + name, in, out_width, bias);
    item.copies = copies;
    item.active_copies = active;
    out.push_back(item);
  };
  if (spec.gated_mlp) {
    add("gate_proj", spec.hidden, width);
  }
  add("up_proj", spec.hidden, width);
  add("down_proj", width, spec.hidden);
}

BlockGroup dense_group(const ArchSpec& spec, std::int64_t layers) {
  BlockGroup group{.layers = layers,
                   .linears = {},
                   .other_params = attention_other_params(spec),
                   .mlp_hidden = spec.intermediate,
                   .gated_mlp = spec.gated_mlp};
  add_attention(spec, group.linears);
  add_mlp(spec, "", spec.intermediate, spec.mlp_bias, 1, 1, group.linears);
  return group;
}

BlockGroup moe_group(const ArchSpec& spec, std::int64_t layers) {
  const MoeSpec& moe = spec.moe;
  BlockGroup group{.layers = layers,
                   .linears = {},
                   .other_params = attention_other_params(spec),
                   .mlp_hidden = moe.expert_intermediate,
                   .gated_mlp = spec.gated_mlp,
                   .experts_per_token = moe.experts_per_token};
  add_attention(spec, group.linears);
  add_mlp(spec, "", moe.expert_intermediate, moe.expert_bias, moe.num_experts,
          moe.experts_per_token, group.linears);
  if (moe.shared_intermediate > 0) {
    add_mlp(spec, "shared_expert.", moe.shared_intermediate, false, 1, 1, group.linears);
  }
  group.other_params += moe.num_experts * spec.hidden + (moe.router_bias ? moe.num_experts : 0);
  group.other_params += moe.shared_expert_gate ? spec.hidden : 0;
  return group;
}

std::int64_t count_moe_layers(const ArchSpec& spec) {
  std::int64_t moe_layers = 0;
  for (std::int64_t i = spec.moe.first_dense_layers; i < spec.layers; ++i) {
    moe_layers += (i + 1) % spec.moe.layer_step == 0 ? 1 : 0;
  }
  return moe_layers;
}

}  // namespace

ModelArch build_arch(const ArchSpec& spec) {
  ModelArch arch;
  arch.hidden_size = spec.hidden;
  arch.num_layers = spec.layers;
  arch.num_heads = spec.heads;
  arch.num_kv_heads = spec.kv_heads;
  arch.head_dim = spec.head_dim;
  arch.vocab_size = spec.vocab;
  arch.max_position_embeddings = spec.max_position_embeddings;
  arch.tied_embeddings = spec.tied_embeddings;
  const std::int64_t moe_layers = spec.moe.num_experts > 0 ? count_moe_layers(spec) : 0;
  if (spec.layers > moe_layers) {
    arch.blocks.push_back(dense_group(spec, spec.layers - moe_layers));
  }
  if (moe_layers > 0) {
    arch.blocks.push_back(moe_group(spec, moe_layers));
  }
  arch.embedding_params = (spec.vocab + spec.learned_positions) * spec.hidden;
  arch.lm_head_params = spec.tied_embeddings ? 0 : spec.vocab * spec.hidden;
  arch.final_params = norm_params(spec, spec.hidden) * (spec.embedding_norm ? 2 : 1);
  arch.vision_params = spec.vision_params;
  return arch;
}

}  // namespace ftcost
