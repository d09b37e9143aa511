// HuggingFace config.json -> ArchSpec -> ModelArch, across key spellings
// (docs/models.md#hf-config).
#include "hf_config.hpp"

#include <initializer_list>
#include <utility>

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

bool optional_flag(const JsonCursor& object, std::string_view key, bool fallback) {
  const auto value = object.find(key);
  return value ? value->boolean() : fallback;
}

// The text part of a config (the root, or its text_config) with the family it belongs to. Keys
// the config leaves out take the family's config-class default where it has one (Transformers
// does the same); each one used is remembered for the assumptions.
class TextReader {
 public:
  TextReader(const JsonCursor& text, const HfFamily& family) : text_(text), family_(family) {}

  [[nodiscard]] const JsonCursor& text() const noexcept { return text_; }
  [[nodiscard]] const HfFamily& family() const noexcept { return family_; }
  [[nodiscard]] const std::vector<std::pair<std::string, std::int64_t>>& defaulted()
      const noexcept {
    return defaulted_;
  }

  // The default of `key`, recorded as used; nullopt when the family has none.
  std::optional<std::int64_t> use_default(std::string_view key) {
    const auto value = hf_key_default(family_, key);
    if (value) {
      defaulted_.emplace_back(std::string(key), *value);
    }
    return value;
  }

  // The first of `keys` present, else the family's default for one of them, else an error.
  std::int64_t width(std::initializer_list<std::string_view> keys) {
    if (const auto value = find_any(text_, keys)) {
      return value->integer(1, kMaxConfigWidth);
    }
    for (std::string_view key : keys) {
      if (const auto value = use_default(key)) {
        return *value;
      }
    }
    text_.fail("missing required key '" + std::string(*keys.begin()) + "'", spellings(keys));
  }

 private:
  const JsonCursor& text_;
  const HfFamily& family_;
  std::vector<std::pair<std::string, std::int64_t>> defaulted_;
};

std::int64_t checked_kv_heads(const JsonCursor& value, std::int64_t heads) {
  const std::int64_t kv_heads = value.integer(1, heads);
  if (heads % kv_heads != 0) {
    value.fail("num_attention_heads " + std::to_string(heads) + " is not a multiple of " +
                   std::to_string(kv_heads),
               "a divisor of num_attention_heads");
  }
  return kv_heads;
}

std::int64_t default_kv_heads(TextReader& in, std::int64_t heads) {
  const JsonCursor& text = in.text();
  if (const auto fallback = in.use_default("num_key_value_heads")) {
    if (*fallback > heads || heads % *fallback != 0) {
      text.fail("num_key_value_heads is missing and " + std::string(in.family().config_class) +
                    "'s default " + std::to_string(*fallback) + " does not divide " +
                    std::to_string(heads) + " heads",
                "a num_key_value_heads key");
    }
    return *fallback;
  }
  return optional_flag(text, "multi_query", false) ? 1 : heads;
}

void read_heads(TextReader& in, ArchSpec& spec) {
  const JsonCursor& text = in.text();
  spec.heads = in.width({"num_attention_heads", "n_head"});
  if (const auto kv = find_any(text, {"num_key_value_heads", "num_kv_heads"})) {
    spec.kv_heads = checked_kv_heads(*kv, spec.heads);
  } else if (optional_flag(text, "multi_query_attention", false)) {
    // ChatGLM2/3, GLM-4: multi_query_group_num key/value heads (modeling_chatglm.py).
    spec.kv_heads = checked_kv_heads(text.at("multi_query_group_num"), spec.heads);
  } else {
    spec.kv_heads = default_kv_heads(in, spec.heads);
  }
  if (const auto head_dim = find_any(text, {"head_dim", "kv_channels"})) {
    spec.head_dim = head_dim->integer(1, kMaxConfigWidth);
  } else if (const auto fallback = in.use_default("head_dim")) {
    spec.head_dim = *fallback;
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
std::int64_t read_intermediate(TextReader& in, const ArchSpec& spec) {
  const HfFamily& family = in.family();
  if (family.model_type == "bloom") {
    return 4 * spec.hidden;
  }
  if (family.model_type == "llama4_text") {
    return in.width({"intermediate_size_mlp"});
  }
  const std::int64_t width = in.width({"intermediate_size", "ffn_hidden_size"});
  if (family.model_type == "qwen") {
    if (width % 2 != 0) {
      in.text()
          .at("intermediate_size")
          .fail("Qwen v1 intermediate_size must be even", "an even number");
    }
    return width / 2;
  }
  return width;
}

void read_biases(const JsonCursor& text, const HfFamily& family, ArchSpec& spec) {
  if (family.model_type == "gpt_neox") {
    // GPTNeoXConfig.attention_bias (default True) covers query_key_value and dense; the MLP's
    // nn.Linear layers always have biases (modeling_gpt_neox.py).
    spec.qkv_bias = spec.o_bias = optional_flag(text, "attention_bias", true);
    spec.mlp_bias = true;
    return;
  }
  if (family.model_type == "chatglm") {
    // modeling_chatglm.py: query_key_value bias=add_qkv_bias; dense and the MLP
    // bias=add_bias_linear (ChatGLMConfig defaults: both False).
    spec.qkv_bias = optional_flag(text, "add_qkv_bias", false);
    spec.o_bias = spec.mlp_bias = optional_flag(text, "add_bias_linear", false);
    return;
  }
  const bool attention_bias = optional_flag(text, "attention_bias", family.all_bias);
  spec.qkv_bias = family.qkv_bias_implied || attention_bias;
  spec.o_bias = family.all_bias || (!family.qkv_bias_implied && attention_bias);
  spec.mlp_bias = optional_flag(text, "mlp_bias", family.all_bias);
  if (family.model_type == "qwen") {
    spec.o_bias = spec.mlp_bias = !optional_flag(text, "no_bias", true);
  }
}

// ChatGLM-6B (v1) shares model_type "chatglm" but has another block (2D positions, a GELU MLP
// of inner_hidden_size, LayerNorms with biases); only ChatGLM2/3 and GLM-4 are modelled.
void refuse_chatglm_v1(const JsonCursor& text) {
  for (const char* key : {"inner_hidden_size", "position_encoding_2d"}) {
    if (const auto value = text.find(key)) {
      value->fail("ChatGLM-6B (v1) layout is not supported",
                  "a ChatGLM2, ChatGLM3 or GLM-4 config (ffn_hidden_size, multi_query_group_num)");
    }
  }
}

ArchSpec read_spec(TextReader& in) {
  const JsonCursor& text = in.text();
  const HfFamily& family = in.family();
  const bool glm = family.model_type == "chatglm";
  if (glm) {
    refuse_chatglm_v1(text);
  }
  ArchSpec spec{.gated_mlp = family.gated_mlp,
                .norm = family.norm,
                .norms_per_layer = family.norms_per_layer,
                .qk_norm = family.qk_norm,
                .embedding_norm = family.embedding_norm,
                .mla = {},
                .moe = {}};
  if (glm && !optional_flag(text, "rmsnorm", true)) {
    spec.norm = NormKind::LayerNorm;
  }
  spec.hidden = in.width({"hidden_size", "n_embed", "n_embd"});
  // ChatGLM's modeling code reads num_layers; GLM-4 configs repeat it as num_hidden_layers.
  spec.layers = glm ? in.width({"num_layers", "num_hidden_layers"})
                    : in.width({"num_hidden_layers", "n_layer", "num_layers"});
  read_heads(in, spec);
  spec.vocab = in.width({"padded_vocab_size", "vocab_size"});
  spec.tied_embeddings = !glm && optional_flag(text, "tie_word_embeddings", family.tie_default);
  read_biases(text, family, spec);
  if (const auto context = find_any(text, {"max_position_embeddings", "seq_length"})) {
    spec.max_position_embeddings = context->integer(1, 1'000'000'000);
  } else if (const auto fallback = in.use_default("max_position_embeddings")) {
    spec.max_position_embeddings = *fallback;
  }
  spec.attention_sinks = family.model_type == "gpt_oss";
  read_mla(text, spec);
  read_moe(text, family, spec);
  if (spec.moe.num_experts == 0 || spec.moe.first_dense_layers > 0 || spec.moe.layer_step > 1 ||
      text.find("intermediate_size_mlp")) {
    spec.intermediate = read_intermediate(in, spec);
  }
  return spec;
}

// What build_arch does not know about a family: its module names, Phi's lm_head bias, a
// ChatGLM without a final norm (post_layer_norm false).
ModelArch build_family_arch(const TextReader& in, const ArchSpec& spec) {
  const HfFamily& family = in.family();
  ModelArch arch = build_arch(spec);
  apply_module_names(family, arch);
  if (family.lm_head_bias) {
    (arch.tied_embeddings ? arch.final_params : arch.lm_head_params) += spec.vocab;
  }
  if (family.model_type == "chatglm" && !optional_flag(in.text(), "post_layer_norm", true)) {
    arch.final_params = 0;
  }
  return arch;
}

void note_defaults(const TextReader& in, bool nested, const std::string& origin,
                   std::vector<Assumption>& notes) {
  if (in.defaulted().empty()) {
    return;
  }
  std::string keys;
  std::string values;
  for (const auto& [key, value] : in.defaulted()) {
    keys += (keys.empty() ? "" : ", ") + key;
    values += (values.empty() ? "" : ", ") + key + " " + std::to_string(value);
  }
  notes.push_back({origin + ": " + (nested ? "text_config" : "config") + " leaves out " + keys +
                       "; " + std::string(in.family().config_class) + "'s defaults used (" +
                       values + ")",
                   "docs/models.md#hf-config"});
}

void note_ignored_parts(const JsonCursor& root, const JsonCursor& text, const HfFamily& family,
                        const std::string& origin, std::vector<Assumption>& notes) {
  const std::string source = "docs/models.md#hf-config";
  if (root.find("vision_config")) {
    notes.push_back({origin + ": vision_config ignored; only the text decoder is counted", source});
  }
  const auto tie = text.find("tie_word_embeddings");
  if (family.model_type == "chatglm") {
    if (tie && tie->boolean()) {
      notes.push_back({origin + ": tie_word_embeddings ignored; ChatGLM's output_layer is never "
                                "tied to the embedding",
                       source});
    }
  } else if (!tie) {
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
  TextReader reader(text, *family);
  const ArchSpec spec = read_spec(reader);
  ResolvedModel result{.arch = build_family_arch(reader, spec), .assumptions = {}};
  check_param_scale(result.arch, text);
  result.arch.id = origin;
  result.arch.source = origin;
  result.arch.family = model_type;
  const auto architectures = root.find("architectures");
  result.arch.name = architectures && !architectures->value().empty()
                         ? architectures->elements().front().string()
                         : model_type;
  note_ignored_parts(root, text, *family, origin, result.assumptions);
  note_defaults(reader, text_config.has_value(), origin, result.assumptions);
  return result;
}

}  // namespace ftcost::load

namespace ftcost {

ModelArch parse_hf_config(std::string_view json_text, const std::string& origin) {
  return load::read_hf_config(json_text, origin).arch;
}

}  // namespace ftcost
