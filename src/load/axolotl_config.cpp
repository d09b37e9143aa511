// An Axolotl config as ftcost's setup (docs/launch.md#from-config).
#include "ftcost/load/axolotl_config.hpp"

#include <yaml-cpp/yaml.h>

#include <array>
#include <filesystem>
#include <set>
#include <utility>

#include "ftcost/base/error.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

constexpr std::uintmax_t kMaxConfigBytes = std::uintmax_t{1} << 20;

// The keys this reader models; any other is listed as not modelled.
const std::set<std::string>& modelled_keys() {
  static const std::set<std::string> keys{"base_model",
                                          "adapter",
                                          "load_in_4bit",
                                          "load_in_8bit",
                                          "bnb_config_kwargs",
                                          "gptq",
                                          "lora_r",
                                          "lora_target_modules",
                                          "lora_target_linear",
                                          "sequence_len",
                                          "micro_batch_size",
                                          "gradient_accumulation_steps",
                                          "num_epochs",
                                          "sample_packing",
                                          "optimizer",
                                          "gradient_checkpointing",
                                          "attn_implementation",
                                          "flash_attention",
                                          "sdp_attention",
                                          "bf16",
                                          "fp16",
                                          "bfloat16",
                                          "deepspeed",
                                          "fsdp_version",
                                          "fsdp_config",
                                          "torch_compile",
                                          "plugins",
                                          "liger_fused_linear_cross_entropy",
                                          "cut_cross_entropy"};
  return keys;
}

class Reader {
 public:
  Reader(const YAML::Node& root, std::string origin) : root_(root), origin_(std::move(origin)) {}

  [[nodiscard]] YAML::Node get(const std::string& key) const { return root_[key]; }

  [[noreturn]] void fail(const std::string& key, const std::string& problem,
                         const std::string& accepted) const {
    throw InputError(origin_, "/" + key, problem, accepted, ExitCode::InvalidData);
  }

  template <class T>
  [[nodiscard]] std::optional<T> scalar(const std::string& key, const std::string& accepted) const {
    const YAML::Node node = root_[key];
    if (!node || node.IsNull()) {
      return std::nullopt;
    }
    try {
      return node.as<T>();
    } catch (const YAML::Exception&) {
      fail(key, "'" + YAML::Dump(node) + "' is not accepted", accepted);
    }
  }

  [[nodiscard]] std::optional<std::int64_t> count(const std::string& key) const {
    const auto value = scalar<std::int64_t>(key, "a whole number >= 1");
    if (value && *value < 1) {
      fail(key, "must be >= 1", "a whole number >= 1");
    }
    return value;
  }

  [[nodiscard]] bool flag(const std::string& key) const {
    return scalar<bool>(key, "true or false").value_or(false);
  }

 private:
  YAML::Node root_;
  std::string origin_;
};

Optimizer optimizer_of(const Reader& in, const std::string& name) {
  constexpr std::array<std::pair<std::string_view, Optimizer>, 8> kNames{
      {{"adamw_torch", Optimizer::AdamW},
       {"adamw_torch_fused", Optimizer::AdamW},
       {"adamw_hf", Optimizer::AdamW},
       {"adamw_bnb_8bit", Optimizer::AdamW8bit},
       {"paged_adamw_32bit", Optimizer::PagedAdamW},
       {"paged_adamw_8bit", Optimizer::PagedAdamW8bit},
       {"adafactor", Optimizer::Adafactor},
       {"sgd", Optimizer::Sgd}}};
  for (const auto& [text, optimizer] : kNames) {
    if (text == name) {
      return optimizer;
    }
  }
  in.fail("optimizer", "'" + name + "' is not modelled",
          "adamw_torch, adamw_torch_fused, adamw_hf, adamw_bnb_8bit, paged_adamw_32bit, "
          "paged_adamw_8bit, adafactor, sgd");
}

void read_method(const Reader& in, ConfigSetup& out) {
  SetupRequest& r = out.request;
  const auto adapter = in.scalar<std::string>("adapter", "lora or qlora");
  if (!adapter) {
    r.method = Method::Full;
  } else if (*adapter == "lora" || *adapter == "qlora") {
    r.method = *adapter == "qlora" ? Method::Qlora : Method::Lora;
  } else {
    in.fail("adapter", "'" + *adapter + "' is not modelled", "lora or qlora (absent: full)");
  }
  if (in.flag("load_in_4bit")) {
    bool double_quant = true;  // Axolotl's QLoRA loader sets bnb_4bit_use_double_quant
    if (const YAML::Node kwargs = in.get("bnb_config_kwargs");
        kwargs && kwargs["bnb_4bit_use_double_quant"]) {
      double_quant = kwargs["bnb_4bit_use_double_quant"].as<bool>();
    }
    r.quant = double_quant ? Quant::Nf4Dq : Quant::Nf4;
  } else if (in.flag("load_in_8bit")) {
    r.quant = Quant::Int8;
  } else if (in.flag("gptq")) {
    r.quant = Quant::GptqInt4;
  }
  if (r.method == Method::Full) {
    return;
  }
  r.lora_rank = in.count("lora_r");
  if (in.flag("lora_target_linear")) {
    r.lora_targets = std::vector<std::string>{"all-linear"};
  } else if (const YAML::Node targets = in.get("lora_target_modules"); targets) {
    if (!targets.IsSequence()) {
      in.fail("lora_target_modules", "not a list", "a list of module names, e.g. [q_proj, v_proj]");
    }
    r.lora_targets = targets.as<std::vector<std::string>>();
  }
}

void read_precision_and_kernels(const Reader& in, SetupRequest& r) {
  if (in.flag("bfloat16")) {
    r.precision = Precision::Bf16True;
  } else if (in.flag("fp16")) {
    r.precision = Precision::Fp16Mixed;
  } else {
    r.precision = Precision::Bf16Mixed;  // bf16: true or "auto" (the default)
  }
  if (const auto checkpointing = in.get("gradient_checkpointing"); checkpointing) {
    const std::string text = checkpointing.as<std::string>();
    r.grad_ckpt = text == "offload" ? GradCkpt::Offload
                  : text == "true"  ? GradCkpt::Full
                                    : GradCkpt::None;
  } else {
    r.grad_ckpt = GradCkpt::None;
  }
  const auto attention =
      in.scalar<std::string>("attn_implementation", "flash_attention_2, sdpa or eager");
  if (attention == "flash_attention_2" || (!attention && in.flag("flash_attention"))) {
    r.attention = Attention::Flash;
  } else if (attention == "eager") {
    r.attention = Attention::Eager;
  } else {
    r.attention = Attention::Sdpa;
  }
  r.compiled = in.flag("torch_compile");
  const bool liger = in.flag("liger_fused_linear_cross_entropy");
  r.loss = liger || in.flag("cut_cross_entropy") ? Loss::Fused : Loss::Standard;
}

void read_sharding(const Reader& in, const std::string& directory, SetupRequest& r) {
  if (const auto path = in.scalar<std::string>("deepspeed", "a path to a DeepSpeed JSON file")) {
    const std::string file =
        std::filesystem::path(*path).is_absolute() ? *path : directory + "/" + *path;
    nlohmann::json ds;
    try {
      ds = load::parse_json_text(load::read_text_file(file, kMaxConfigBytes), file);
    } catch (const InputError& error) {
      const std::string where = error.where().empty() ? "" : ": " + error.where();
      in.fail("deepspeed", error.origin() + where + ": " + error.problem(),
              "a readable DeepSpeed JSON file, relative to the config");
    }
    const nlohmann::json zero =
        ds.is_object() && ds.contains("zero_optimization") && ds["zero_optimization"].is_object()
            ? ds["zero_optimization"]
            : nlohmann::json::object();
    const int stage =
        zero.contains("stage") && zero["stage"].is_number_integer() ? zero["stage"].get<int>() : 0;
    constexpr std::array<Sharding, 4> kStages{Sharding::Ddp, Sharding::Zero1, Sharding::Zero2,
                                              Sharding::Zero3};
    if (stage < 0 || stage > 3) {
      in.fail("deepspeed", file + ": zero_optimization.stage " + std::to_string(stage),
              "a stage from 0 to 3");
    }
    r.sharding = kStages.at(static_cast<std::size_t>(stage));
    auto on_cpu = [&zero](const char* key) {
      return zero.contains(key) && zero[key].is_object() && zero[key].contains("device") &&
             zero[key]["device"] == "cpu";
    };
    r.cpu_offload = on_cpu("offload_param")       ? CpuOffload::Params
                    : on_cpu("offload_optimizer") ? CpuOffload::Optimizer
                                                  : CpuOffload::None;
  } else if (const YAML::Node fsdp = in.get("fsdp_config"); fsdp || in.get("fsdp_version")) {
    r.sharding = Sharding::Fsdp;
    r.cpu_offload = fsdp && fsdp["offload_params"] && fsdp["offload_params"].as<bool>()
                        ? CpuOffload::Params
                        : CpuOffload::None;
    if (fsdp && fsdp["activation_checkpointing"] && fsdp["activation_checkpointing"].as<bool>()) {
      r.grad_ckpt = GradCkpt::Full;
    }
  }
}

}  // namespace

ConfigSetup parse_axolotl_config(std::string_view text, const std::string& origin,
                                 const std::string& directory) {
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& error) {
    throw InputError(origin + ":" + std::to_string(error.mark.line + 1) + ":" +
                         std::to_string(error.mark.column + 1),
                     "", "invalid YAML: " + error.msg, "an Axolotl config (a YAML text file)",
                     ExitCode::InvalidData);
  }
  if (!root.IsMap()) {
    throw InputError(origin, "", "not a YAML mapping", "an Axolotl config", ExitCode::InvalidData);
  }
  std::set<std::string> seen;
  for (const auto& entry : root) {
    if (entry.first.IsScalar() && !seen.insert(entry.first.Scalar()).second) {
      // yaml-cpp keeps the first, PyYAML (Axolotl) the last: refuse rather than guess.
      throw InputError(origin, "/" + entry.first.Scalar(), "duplicate key",
                       "each key once (Axolotl would take the last)", ExitCode::InvalidData);
    }
  }
  const Reader in(root, origin);
  ConfigSetup out;
  const auto model = in.scalar<std::string>("base_model", "a Hugging Face id or a path");
  if (!model) {
    in.fail("base_model", "missing", "the base model (a Hugging Face id or a path)");
  }
  out.model = *model;
  SetupRequest& r = out.request;
  r.framework = Framework::Axolotl;
  try {
    read_method(in, out);
    r.seq_len = in.count("sequence_len");
    r.micro_batch = in.count("micro_batch_size").value_or(1);
    r.grad_accum = in.count("gradient_accumulation_steps").value_or(1);
    r.optimizer = optimizer_of(
        in, in.scalar<std::string>("optimizer", "an optimizer name").value_or("adamw_torch_fused"));
    read_precision_and_kernels(in, r);
    read_sharding(in, directory, r);
    out.epochs = in.scalar<double>("num_epochs", "a number of epochs");
    out.packing = in.flag("sample_packing") ? Packing::On : Packing::Off;
  } catch (const YAML::Exception& error) {
    throw InputError(origin + ":" + std::to_string(error.mark.line + 1), "",
                     "a value has the wrong type", "the types of Axolotl's config schema",
                     ExitCode::InvalidData);
  }
  if (r.method == Method::Full) {
    out.notes.push_back(
        {"no adapter key: full fine-tuning (Axolotl's default)", "docs/launch.md#from-config"});
  }
  if (!r.seq_len) {
    r.seq_len = 512;
    out.notes.push_back(
        {"sequence_len absent: Axolotl's default 512", "docs/launch.md#from-config"});
  }
  std::string ignored;
  for (const auto& entry : root) {
    // A complex key ("? [a, b]") is no Axolotl key: name it by its YAML text.
    const std::string key = entry.first.IsScalar() ? entry.first.Scalar() : YAML::Dump(entry.first);
    if (modelled_keys().count(key) == 0) {
      ignored += (ignored.empty() ? "" : ", ") + key;
    }
  }
  if (!ignored.empty()) {
    out.notes.push_back(
        {origin + " keys that do not change memory or speed in ftcost's model: " + ignored,
         "docs/launch.md#from-config"});
  }
  return out;
}

ConfigSetup load_axolotl_config(const std::string& path) {
  const std::filesystem::path file(path);
  const std::string directory =
      file.has_parent_path() ? file.parent_path().string() : std::string(".");
  return parse_axolotl_config(load::read_text_file(path, kMaxConfigBytes), path, directory);
}

std::vector<Assumption> overlay_flags(SetupRequest& config, const SetupRequest& flags,
                                      const std::string& origin) {
  std::vector<Assumption> notes;
  auto take = [&](auto& base, const auto& flag, SetupField field) {
    if (!flag) {
      return;
    }
    if (base && *base != *flag) {
      notes.push_back({"--" + std::string(name_of(field)) + " overrides the value in " + origin,
                       "docs/launch.md#from-config"});
    }
    base = flag;
  };
  take(config.method, flags.method, SetupField::Method);
  take(config.precision, flags.precision, SetupField::Precision);
  take(config.optimizer, flags.optimizer, SetupField::Optimizer);
  take(config.seq_len, flags.seq_len, SetupField::SeqLen);
  take(config.micro_batch, flags.micro_batch, SetupField::MicroBatch);
  take(config.grad_accum, flags.grad_accum, SetupField::GradAccum);
  take(config.grad_ckpt, flags.grad_ckpt, SetupField::GradCkpt);
  take(config.attention, flags.attention, SetupField::Attention);
  take(config.lora_rank, flags.lora_rank, SetupField::LoraRank);
  take(config.lora_targets, flags.lora_targets, SetupField::LoraTargets);
  take(config.quant, flags.quant, SetupField::Quant);
  take(config.loss, flags.loss, SetupField::Loss);
  take(config.gpus, flags.gpus, SetupField::Gpus);
  take(config.sharding, flags.sharding, SetupField::Sharding);
  take(config.cpu_offload, flags.cpu_offload, SetupField::CpuOffload);
  take(config.framework, flags.framework, SetupField::Framework);
  take(config.compiled, flags.compiled, SetupField::Compiled);
  take(config.optimizer_in_backward, flags.optimizer_in_backward, SetupField::OptimizerInBackward);
  take(config.transformers_version, flags.transformers_version, SetupField::TransformersVersion);
  return notes;
}

}  // namespace ftcost
