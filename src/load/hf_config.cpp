// HuggingFace config.json -> ArchSpec -> ModelArch, across key spellings
// (docs/models.md#hf-config).
#include "hf_config.hpp"

#include <initializer_list>

#include "arch_limits.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/model/arch.hpp"
#include "hf_family.hpp"
#include "hf_keys.hpp"
#include "hf_moe.hpp"
#include "json_reader.hpp"

namespace ftcost::load {
namespace {

std::string spellings(std::initializer_list<std::string_view> keys) {
  std::string text = "one of";
  for (std::string_view key : keys) {
    text += " " + std::string(key);
  }
  return text;
}

std::int64_t required_width(const JsonCursor& object,
                            std::initializer_list<std::string_view> keys) {
  if (const auto value = find_any(object, keys)) {
    return value->integer(1, kMaxConfigWidth);
  }
  object.fail("missing required key '" + std::string(*keys.begin()) + "'", spellings(keys));
}

bool optional_flag(const JsonCursor& object, std::string_view key, bool fallback) {
  const auto value = object.find(key);
  return value ? value->boolean() : fallback;
}

void read_heads(const JsonCursor& text, ArchSpec& spec) {
  spec.heads = required_width(text, {"num_attention_heads", "n_head"});
  if (const auto kv = find_any(text, {"num_key_value_heads", "num_kv_heads"})) {
    spec.kv_heads = kv->integer(1, spec.heads);
    if (spec.heads % spec.kv_heads != 0) {
      kv->fail("num_attention_heads " + std::to_string(spec.heads) + " is not a multiple of " +
                   std::to_string(spec.kv_heads),
               "a divisor of num_attention_heads");
    }
  } else {
    spec.kv_heads = optional_flag(text, "multi_query", false) ? 1 : spec.heads;
  }
  if (const auto head_dim = find_any(text, {"head_dim", "kv_channels"})) {
    spec.head_dim = head_dim->integer(1, kMaxConfigWidth);
  } else if (spec.hidden % spec.heads == 0) {
    spec.head_dim = spec.hidden / spec.heads;
  } else {
    text.fail("hidden size " + std::to_string(spec.hidden) + " is not divisible by " +
                  std::to_string(spec.heads) + " heads and head_dim is missing",
              "a head_dim key");
  }
}

// Qwen v1 stores twice each MLP projection's width (modeling_qwen.py: ff_dim_in = size // 2);
// BLOOM has no key and uses 4 × hidden (modeling_bloom.py BloomMLP).
std::int64_t read_intermediate(const JsonCursor& text, const HfFamily& family,
                               const ArchSpec& spec) {
  if (family.model_type == "bloom") {
    return 4 * spec.hidden;
  }
  if (family.model_type == "llama4_text") {
    return required_width(text, {"intermediate_size_mlp"});
  }
  const std::int64_t width = required_width(text, {"intermediate_size", "ffn_hidden_size"});
  if (family.model_type == "qwen") {
    if (width % 2 != 0) {
      text.at("intermediate_size").fail("Qwen v1 intermediate_size must be even", "an even number");
    }
    return width / 2;
  }
  return width;
}

void read_biases(const JsonCursor& text, const HfFamily& family, ArchSpec& spec) {
  const bool attention_bias = optional_flag(text, "attention_bias", family.all_bias);
  spec.qkv_bias = family.qkv_bias_implied || attention_bias;
  spec.o_bias = family.all_bias || (!family.qkv_bias_implied && attention_bias);
  spec.mlp_bias = optional_flag(text, "mlp_bias", family.all_bias);
  if (family.model_type == "qwen") {
    spec.o_bias = spec.mlp_bias = !optional_flag(text, "no_bias", true);
  }
}

ArchSpec read_spec(const JsonCursor& text, const HfFamily& family) {
  ArchSpec spec{.gated_mlp = family.gated_mlp,
                .norm = family.norm,
                .norms_per_layer = family.norms_per_layer,
                .qk_norm = family.qk_norm,
                .embedding_norm = family.all_bias,
                .mla = {},
                .moe = {}};
  spec.hidden = required_width(text, {"hidden_size", "n_embed", "n_embd"});
  spec.layers = required_width(text, {"num_hidden_layers", "n_layer", "num_layers"});
  read_heads(text, spec);
  spec.vocab = required_width(text, {"padded_vocab_size", "vocab_size"});
  spec.tied_embeddings = optional_flag(text, "tie_word_embeddings", family.tie_default);
  read_biases(text, family, spec);
  if (const auto context = find_any(text, {"max_position_embeddings", "seq_length"})) {
    spec.max_position_embeddings = context->integer(1, 1'000'000'000);
  }
  spec.attention_sinks = family.model_type == "gpt_oss";
  read_mla(text, spec);
  read_moe(text, family, spec);
  if (spec.moe.num_experts == 0 || spec.moe.first_dense_layers > 0 || spec.moe.layer_step > 1 ||
      text.find("intermediate_size_mlp")) {
    spec.intermediate = read_intermediate(text, family, spec);
  }
  return spec;
}

void note_ignored_parts(const JsonCursor& root, const JsonCursor& text, const HfFamily& family,
                        const std::string& origin, std::vector<Assumption>& notes) {
  const std::string source = "docs/models.md#hf-config";
  if (root.find("vision_config")) {
    notes.push_back({origin + ": vision_config ignored; only the text decoder is counted", source});
  }
  if (!text.find("tie_word_embeddings")) {
    notes.push_back({origin + ": tie_word_embeddings absent; " + std::string(family.model_type) +
                         (family.tie_default ? " ties" : " does not tie") + " them by default",
                     source});
  }
  if (const auto mtp = text.find("num_nextn_predict_layers"); mtp && mtp->integer(0, 64) > 0) {
    notes.push_back(
        {origin + ": multi-token-prediction layers not counted (unused when fine-tuning)", source});
  }
}

}  // namespace

ResolvedModel read_hf_config(std::string_view json_text, const std::string& origin) {
  const nlohmann::json json = parse_json_text(json_text, origin);
  const JsonCursor root(json, origin);
  if (!json.is_object()) {
    root.fail("expected a config.json object, got " + describe_json(json),
              "a HuggingFace config.json object");
  }
  const auto text_config = root.find("text_config");
  const JsonCursor text = text_config ? *text_config : root;
  const JsonCursor type_key =
      text.find("model_type") ? text.at("model_type") : root.at("model_type");
  const std::string model_type = type_key.string();
  const auto family = find_hf_family(model_type);
  if (!family) {
    const std::vector<std::string> names = hf_family_names();
    const std::string suggestion = did_you_mean(model_type, names);
    type_key.fail("model_type '" + model_type + "' is not supported",
                  (suggestion.empty() ? "" : suggestion + " ") + "supported: " + join_names(names));
  }
  ResolvedModel result{.arch = build_arch(read_spec(text, *family)), .assumptions = {}};
  check_param_scale(result.arch, text);
  result.arch.id = origin;
  result.arch.source = origin;
  result.arch.family = model_type;
  const auto architectures = root.find("architectures");
  result.arch.name = architectures && !architectures->value().empty()
                         ? architectures->elements().front().string()
                         : model_type;
  note_ignored_parts(root, text, *family, origin, result.assumptions);
  return result;
}

}  // namespace ftcost::load

namespace ftcost {

ModelArch parse_hf_config(std::string_view json_text, const std::string& origin) {
  return load::read_hf_config(json_text, origin).arch;
}

}  // namespace ftcost
