// Reading the mixture-of-experts and MLA keys of a HuggingFace config.json.
#pragma once

#include "ftcost/model/arch.hpp"
#include "hf_family.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

/// Fills spec.moe from num_local_experts / num_experts / n_routed_experts and their companions;
/// leaves it empty for a dense config. Needs spec.hidden and spec.layers. Dense layers listed in
/// mlp_only_layers are counted into first_dense_layers (with layer_step 1). Throws InputError for
/// inconsistent or unsupported layouts (moe_layer_freq != 1, a listed layer out of range).
void read_moe(const JsonCursor& text, const HfFamily& family, ArchSpec& spec);

/// Fills spec.mla (and head_dim / kv_heads to match) when kv_lora_rank is present.
void read_mla(const JsonCursor& text, ArchSpec& spec);

}  // namespace ftcost::load
