// Turns what the user asked for (SetupRequest) into a complete, validated TrainingSetup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// A framework default that filled a field the request left unset, stated as an assumption.
struct SetupDefault {
  SetupField field;
  Assumption assumption;  ///< e.g. "--seq-len 2048 (default)" with the framework's source
};

/// A complete training configuration and what was assumed to get it.
struct ResolvedSetup {
  TrainingSetup setup;
  std::vector<SetupDefault> defaults;  ///< one per field that took its framework's default
  std::vector<Assumption> notes;       ///< warnings: beyond the context, flags with no effect

  /// Every assumption: the defaults (except those of the fields in `chosen_elsewhere`, which a
  /// caller such as the duration search sets itself), then the notes.
  [[nodiscard]] std::vector<Assumption> assumptions(SetupFields chosen_elsewhere = {}) const;
};

/// Fills every unset field of `request` with the documented default of its framework
/// (docs/memory-model.md#framework-defaults), expands LoRA target presets (all-linear, qkvo, qv,
/// qkv) against `arch`'s modules, and validates ranges and combinations.
/// Throws InputError (where = the flag, exit code Usage) for a number out of range (seq-len,
/// micro-batch, grad-accum, lora-rank, gpus: 1 .. the maxima below), a LoRA rank above every
/// targeted module's smaller dimension, an unknown LoRA target module (with "did you mean"), or
/// an impossible combination: a quantized base with full fine-tuning, qlora with --quant none,
/// LoRA flags with full fine-tuning, --sharding none on more than one GPU, --cpu-offload params
/// without zero3 or fsdp, --optimizer-in-bwd with gradient accumulation.
[[nodiscard]] ResolvedSetup resolve_setup(const ModelArch& arch, const SetupRequest& request);

/// `setup` (from resolve_setup) moved to `gpus` GPUs: the request's sharding, or else the
/// framework's multi-GPU default (none on one GPU), with resolve_setup's GPU-count checks.
/// Lets a caller resolve once and try many GPU counts (the planner).
/// Throws InputError (Usage) for gpus outside 1..kMaxGpus, --sharding none on several GPUs or
/// --cpu-offload params without zero3/fsdp.
[[nodiscard]] TrainingSetup on_gpu_count(TrainingSetup setup, const SetupRequest& request,
                                         std::int64_t gpus);

/// Expands a --lora-targets value (a preset or module names) into the module names of `arch`.
/// Throws InputError (where "--lora-targets") for an empty list or an unknown module name.
[[nodiscard]] std::vector<std::string> expand_lora_targets(const ModelArch& arch,
                                                           const std::vector<std::string>& items);

/// Upper bounds on the numeric flags, so absurd values are rejected rather than overflowing.
inline constexpr std::int64_t kMaxSeqLen = 10'000'000;    ///< tokens
inline constexpr std::int64_t kMaxMicroBatch = 65'536;    ///< sequences
inline constexpr std::int64_t kMaxGradAccum = 1'000'000;  ///< micro-batches
inline constexpr std::int64_t kMaxLoraRank = 65'536;
inline constexpr std::int64_t kMaxGpus = 65'536;

}  // namespace ftcost
