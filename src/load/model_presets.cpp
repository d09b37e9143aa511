// Reads data/models.json (schema version 1, docs/models.md#schema) into ModelArch presets.
#include <set>

#include "arch_limits.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/model/arch.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

using load::JsonCursor;

constexpr std::int64_t kSchemaVersion = 1;
// Generous bounds: they catch typos (a width of 4e12), not unusual models.
constexpr std::int64_t kMaxWidth = 1'000'000;
constexpr std::int64_t kMaxCount = 1'000'000'000'000;

std::int64_t width(const JsonCursor& object, std::string_view key) {
  return object.at(key).integer(1, kMaxWidth);
}

bool flag(const JsonCursor& object, std::string_view key) {
  const auto value = object.find(key);
  return value && value->boolean();
}

std::int64_t optional_int(const JsonCursor& object, std::string_view key, std::int64_t fallback) {
  const auto value = object.find(key);
  return value ? value->integer(0, kMaxCount) : fallback;
}

NormKind read_norm(const JsonCursor& value) {
  const std::string name = value.string();
  if (name == "rmsnorm" || name == "layernorm") {
    return name == "rmsnorm" ? NormKind::RmsNorm : NormKind::LayerNorm;
  }
  value.fail("unknown norm '" + name + "'", "rmsnorm or layernorm");
}

QkNorm read_qk_norm(const JsonCursor& value) {
  const std::string name = value.string();
  if (name == "none") {
    return QkNorm::None;
  }
  if (name == "per_head" || name == "full") {
    return name == "per_head" ? QkNorm::PerHead : QkNorm::Full;
  }
  value.fail("unknown qk_norm '" + name + "'", "none, per_head or full");
}

MoeSpec read_moe(const JsonCursor& moe) {
  moe.reject_unknown_keys({"num_experts", "experts_per_token", "expert_intermediate_size"});
  MoeSpec spec{.num_experts = width(moe, "num_experts"),
               .expert_intermediate = width(moe, "expert_intermediate_size")};
  spec.experts_per_token = moe.at("experts_per_token").integer(1, spec.num_experts);
  return spec;
}

ArchSpec read_architecture(const JsonCursor& a) {
  a.reject_unknown_keys({"hidden_size",
                         "num_layers",
                         "num_heads",
                         "num_kv_heads",
                         "head_dim",
                         "intermediate_size",
                         "gated_mlp",
                         "qkv_bias",
                         "o_bias",
                         "mlp_bias",
                         "norm",
                         "norms_per_layer",
                         "qk_norm",
                         "vocab_size",
                         "tied_embeddings",
                         "learned_positions",
                         "embedding_norm",
                         "max_position_embeddings",
                         "moe",
                         "vision_params"});
  ArchSpec spec{.hidden = width(a, "hidden_size"),
                .layers = width(a, "num_layers"),
                .heads = width(a, "num_heads"),
                .kv_heads = width(a, "num_kv_heads"),
                .head_dim = width(a, "head_dim"),
                .intermediate = width(a, "intermediate_size"),
                .gated_mlp = a.at("gated_mlp").boolean(),
                .qkv_bias = a.at("qkv_bias").boolean(),
                .o_bias = flag(a, "o_bias"),
                .mlp_bias = flag(a, "mlp_bias"),
                .norm = read_norm(a.at("norm")),
                .norms_per_layer = a.at("norms_per_layer").integer(0, 8),
                .qk_norm = read_qk_norm(a.at("qk_norm")),
                .vocab = width(a, "vocab_size"),
                .tied_embeddings = a.at("tied_embeddings").boolean(),
                .learned_positions = optional_int(a, "learned_positions", 0),
                .embedding_norm = flag(a, "embedding_norm"),
                .max_position_embeddings = optional_int(a, "max_position_embeddings", 0),
                .mla = {},
                .moe = {},
                .vision_params = optional_int(a, "vision_params", 0)};
  if (spec.heads % spec.kv_heads != 0) {
    a.at("num_kv_heads")
        .fail("num_heads " + std::to_string(spec.heads) + " is not a multiple of num_kv_heads " +
              std::to_string(spec.kv_heads));
  }
  if (const auto moe = a.find("moe")) {
    spec.moe = read_moe(*moe);
  }
  return spec;
}

void read_published(const JsonCursor& published, ModelArch& arch) {
  published.reject_unknown_keys({"params", "active_params", "label", "source", "includes"});
  if (const auto params = published.find("params")) {
    arch.published_params = params->integer(1, kMaxCount);
    (void)published.at("source").string();  // an exact count must say where it comes from
  }
  if (const auto active = published.find("active_params")) {
    arch.published_active_params = active->integer(1, kMaxCount);
  }
}

ModelArch read_preset(const JsonCursor& row) {
  row.reject_unknown_keys(
      {"id", "name", "family", "hf_repo", "source", "as_of", "architecture", "published", "notes"});
  ModelArch arch = build_arch(read_architecture(row.at("architecture")));
  check_param_scale(arch, row.at("architecture"));
  arch.id = row.at("id").string();
  arch.name = row.at("name").string();
  arch.family = row.at("family").string();
  arch.source = row.at("source").string();
  // null for the models that exist only in calibration runs (MPT-13B, MPT-70B: never published).
  if (const auto repo = row.find("hf_repo"); repo && !repo->value().is_null()) {
    arch.hf_repo = repo->string();
  }
  (void)row.at("as_of").string();
  read_published(row.at("published"), arch);
  return arch;
}

}  // namespace

std::vector<ModelArch> parse_model_presets(std::string_view json_text, const std::string& origin) {
  const nlohmann::json json = load::parse_json_text(json_text, origin);
  const JsonCursor root(json, origin);
  root.reject_unknown_keys({"schema_version", "as_of", "description", "models"});
  const auto version = root.at("schema_version");
  if (version.integer(0, kMaxCount) != kSchemaVersion) {
    version.fail("unsupported schema_version " + load::describe_json(version.value()),
                 "schema_version 1");
  }
  (void)root.at("as_of").string();
  std::vector<ModelArch> presets;
  std::set<std::string> ids;
  for (const JsonCursor& row : root.at("models").elements()) {
    presets.push_back(read_preset(row));
    if (!ids.insert(presets.back().id).second) {
      row.at("id").fail("duplicate id '" + presets.back().id + "'", "unique preset ids");
    }
  }
  return presets;
}

}  // namespace ftcost
