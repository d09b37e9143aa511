// resolve_setup: framework defaults for unset flags, then range and combination checks.
#include "ftcost/setup/resolve.hpp"

#include <algorithm>
#include <string>

#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/setup/setup_traits.hpp"
#include "setup/framework_defaults.hpp"

namespace ftcost {

namespace {

using defaults_detail::Sourced;

/// Takes the user's value, or the default with an assumption naming the flag and its source.
template <class T, class D>
T pick(const std::optional<T>& given, const Sourced<D>& fallback, SetupField field,
       std::vector<SetupDefault>& defaults) {
  if (given) {
    return *given;
  }
  const T value = static_cast<T>(fallback.value);
  std::string shown;
  if constexpr (std::is_enum_v<T>) {
    shown = std::string(name_of(value));
  } else {
    shown = std::to_string(value);
  }
  defaults.push_back(
      {field, {.text = flag_of(field) + " " + shown + " (default)", .source = fallback.source}});
  return value;
}

void check_range(std::int64_t value, std::int64_t max, SetupField field) {
  if (value < 1 || value > max) {
    throw InputError("", flag_of(field), "must be an integer from 1 to " + std::to_string(max),
                     "got " + std::to_string(value));
  }
}

void check_combinations(const TrainingSetup& s, const SetupRequest& request) {
  if (s.method == Method::Full && s.quant != Quant::None) {
    throw InputError("", flag_of(SetupField::Quant),
                     "'" + std::string(name_of(s.quant)) + "' needs --method lora or qlora",
                     "full fine-tuning trains every weight unquantized; use --quant none");
  }
  if (s.method == Method::Qlora && s.quant == Quant::None) {
    throw InputError("", flag_of(SetupField::Quant), "'none' contradicts --method qlora",
                     "nf4, nf4-dq, int8 or gptq-int4; or --method lora");
  }
  if (s.method == Method::Full && (request.lora_rank || request.lora_targets)) {
    throw InputError("",
                     flag_of(request.lora_rank ? SetupField::LoraRank : SetupField::LoraTargets),
                     "only applies to --method lora or qlora", "drop it or change --method");
  }
  if (s.optimizer_in_backward && s.grad_accum > 1) {
    throw InputError("", flag_of(SetupField::OptimizerInBackward),
                     "cannot be combined with --grad-accum " + std::to_string(s.grad_accum),
                     "--grad-accum 1; torchtune rejects the combination");
  }
}

// The checks that depend on the GPU count, run again by on_gpu_count for every count tried.
void check_gpu_combinations(const TrainingSetup& s) {
  if (s.gpus > 1 && s.sharding == Sharding::None) {
    throw InputError("", flag_of(SetupField::Sharding),
                     "'none' cannot run on --gpus " + std::to_string(s.gpus),
                     "ddp, zero1, zero2, zero3 or fsdp");
  }
  if (s.cpu_offload == CpuOffload::Params && zero_stage(s.sharding) < 3) {
    throw InputError("", flag_of(SetupField::CpuOffload), "'params' needs --sharding zero3 or fsdp",
                     "none or optimizer with --sharding " + std::string(name_of(s.sharding)));
  }
}

// A LoRA rank above min(in, out) of every targeted module adds no expressiveness (the update
// B·A already has full rank at min(in, out)); such a run is a typo, e.g. 65536 for 64.
void check_lora_rank(const ModelArch& arch, const TrainingSetup& s) {
  std::int64_t limit = 0;
  for (const BlockGroup& group : arch.blocks) {
    for (const LinearSpec& linear : group.linears) {
      if (is_lora_target(s, linear.name)) {
        limit = std::max(limit, std::min(linear.in_features, linear.out_features));
      }
    }
  }
  if (limit > 0 && s.lora_rank > limit) {
    throw InputError("", flag_of(SetupField::LoraRank),
                     std::to_string(s.lora_rank) +
                         " is larger than the smaller dimension of every targeted module",
                     "at most " + std::to_string(limit) + " for " + arch.id);
  }
}

// Training past the model's context is possible (RoPE scaling), but the user should know.
void warn_beyond_context(const ModelArch& arch, const TrainingSetup& s,
                         std::vector<Assumption>& notes) {
  if (arch.max_position_embeddings > 0 && s.seq_len > arch.max_position_embeddings) {
    notes.push_back({.text = "--seq-len " + std::to_string(s.seq_len) + " is beyond " + arch.id +
                             "'s context of " + std::to_string(arch.max_position_embeddings) +
                             " tokens: the estimate assumes it runs (e.g. with RoPE scaling)",
                     .source = "the model's config.json max_position_embeddings",
                     .warning = true});
  }
}

// Flags that change nothing for this setup are said to, rather than ignored silently.
void warn_unused_flags(const TrainingSetup& s, std::vector<Assumption>& notes) {
  if (s.transformers_version && s.framework != Framework::Hf && s.framework != Framework::Axolotl) {
    notes.push_back({.text = "--transformers-version has no effect with --framework " +
                             std::string(name_of(s.framework)) +
                             ": it does not run Transformers' own causal-LM forward",
                     .source = "docs/memory-model.md#logits",
                     .warning = true});
  } else if (s.transformers_version && s.loss == Loss::Fused) {
    notes.push_back({.text = "--transformers-version has no effect with --loss fused: the fused "
                             "loss never holds the logits the release decides the dtype of",
                     .source = "docs/memory-model.md#logits",
                     .warning = true});
  }
  if (s.optimizer_in_backward && s.framework != Framework::Torchtune) {
    notes.push_back({.text = "--optimizer-in-bwd is a torchtune option; with --framework " +
                             std::string(name_of(s.framework)) +
                             " the estimate assumes a training loop that steps each parameter in "
                             "a post-accumulate-grad hook",
                     .source = "docs/memory-model.md#gradients",
                     .warning = true});
  }
}

}  // namespace

std::string flag_of(SetupField field) {
  return "--" + std::string(name_of(field));
}

std::vector<Assumption> ResolvedSetup::assumptions(SetupFields chosen_elsewhere) const {
  std::vector<Assumption> all;
  for (const SetupDefault& fallback : defaults) {
    if (!chosen_elsewhere.contains(fallback.field)) {
      all.push_back(fallback.assumption);
    }
  }
  all.insert(all.end(), notes.begin(), notes.end());
  return all;
}

TrainingSetup on_gpu_count(TrainingSetup setup, const SetupRequest& request, std::int64_t gpus) {
  check_range(gpus, kMaxGpus, SetupField::Gpus);
  setup.gpus = gpus;
  setup.sharding = request.sharding.value_or(
      gpus > 1 ? defaults_detail::framework_defaults(setup.framework).multi_gpu_sharding.value
               : Sharding::None);
  check_gpu_combinations(setup);
  return setup;
}

ResolvedSetup resolve_setup(const ModelArch& arch, const SetupRequest& r) {
  ResolvedSetup out;
  TrainingSetup& s = out.setup;
  auto& defaults = out.defaults;
  s.framework = r.framework.value_or(Framework::Hf);
  const auto& d = defaults_detail::framework_defaults(s.framework);
  s.method = r.method.value_or(Method::Qlora);
  if (!r.method) {
    defaults.push_back({SetupField::Method,
                        {"--method qlora (default)", "docs/memory-model.md#framework-defaults"}});
  }
  s.precision = pick(r.precision, d.precision, SetupField::Precision, defaults);
  s.optimizer = pick(r.optimizer, d.optimizer, SetupField::Optimizer, defaults);
  s.seq_len = pick(r.seq_len, d.seq_len, SetupField::SeqLen, defaults);
  s.micro_batch = pick(r.micro_batch, d.micro_batch, SetupField::MicroBatch, defaults);
  s.optimizer_in_backward = r.optimizer_in_backward.value_or(false);
  if (s.optimizer_in_backward && !r.grad_accum) {
    // Stepping inside backward leaves no gradient to accumulate into.
    s.grad_accum = 1;
    defaults.push_back({SetupField::GradAccum,
                        {"--grad-accum 1 (--optimizer-in-bwd cannot accumulate)",
                         "docs/memory-model.md#gradients"}});
  } else {
    s.grad_accum = pick(r.grad_accum, d.grad_accum, SetupField::GradAccum, defaults);
  }
  s.grad_ckpt = pick(r.grad_ckpt, d.grad_ckpt, SetupField::GradCkpt, defaults);
  // Gemma 2 and 3 train with eager attention: Transformers warns that "it is strongly
  // recommended to train Gemma3 models with the `eager` attention implementation instead of
  // `sdpa`" (modeling_gemma3), and Unsloth's backend mimics eager attention for them
  // (unslothai/unsloth#2025). Eager materializes the s x s scores, which is what bounds their
  // longest sequence (docs/memory-model.md#context-cap).
  const bool gemma =
      arch.family == "gemma2" || arch.family == "gemma3" || arch.family == "gemma3_text";
  const defaults_detail::Sourced<Attention> gemma_eager{
      Attention::Eager,
      "Gemma 2/3 train with eager attention (Transformers' warning in modeling_gemma3; "
      "Unsloth mimics eager, unslothai/unsloth#2025)"};
  s.attention =
      pick(r.attention, gemma ? gemma_eager : d.attention, SetupField::Attention, defaults);
  s.loss = pick(r.loss, d.loss, SetupField::Loss, defaults);
  s.cpu_offload = r.cpu_offload.value_or(CpuOffload::None);
  s.compiled = r.compiled.value_or(false);
  s.transformers_version = r.transformers_version;
  if (s.method == Method::Full) {
    s.quant = r.quant.value_or(Quant::None);
    s.lora_rank = 0;
  } else {
    s.quant = s.method == Method::Qlora ? pick(r.quant, d.qlora_quant, SetupField::Quant, defaults)
                                        : r.quant.value_or(Quant::None);
    s.lora_rank = pick(r.lora_rank, d.lora_rank, SetupField::LoraRank, defaults);
    if (!r.lora_targets) {
      defaults.push_back({SetupField::LoraTargets,
                          {std::string("--lora-targets ") + d.lora_targets.value + " (default)",
                           d.lora_targets.source}});
    }
    s.lora_targets = expand_lora_targets(
        arch, r.lora_targets.value_or(std::vector<std::string>{d.lora_targets.value}));
    check_range(s.lora_rank, kMaxLoraRank, SetupField::LoraRank);
    check_lora_rank(arch, s);
  }
  check_range(s.seq_len, kMaxSeqLen, SetupField::SeqLen);
  check_range(s.micro_batch, kMaxMicroBatch, SetupField::MicroBatch);
  check_range(s.grad_accum, kMaxGradAccum, SetupField::GradAccum);
  check_combinations(s, r);
  s = on_gpu_count(s, r, r.gpus.value_or(1));
  warn_beyond_context(arch, s, out.notes);
  warn_unused_flags(s, out.notes);
  return out;
}

}  // namespace ftcost
