// Turns what the user asked for (SetupRequest) into a complete, validated TrainingSetup.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// A complete training configuration and the defaults that were filled in to get it.
struct ResolvedSetup {
  TrainingSetup setup;
  std::vector<Assumption> assumptions;  ///< one per default taken, with its source
};

/// Fills every unset field of `request` with the documented default of its framework
/// (docs/memory-model.md#framework-defaults), expands LoRA target presets (all-linear, qkvo, qv,
/// qkv) against `arch`'s modules, and validates ranges and combinations.
/// Throws InputError (where = the flag, exit code Usage) for a number out of range (seq-len,
/// micro-batch, grad-accum, lora-rank, gpus: 1 .. documented maxima), an unknown LoRA target
/// module (with "did you mean"), or an impossible combination (quantized base with full
/// fine-tuning, sharding with one GPU is allowed, ddp/zero/fsdp need --gpus >= 2 only for
/// zero/fsdp sharding to have effect — see docs), qlora without a 4-bit quant.
[[nodiscard]] ResolvedSetup resolve_setup(const ModelArch& arch, const SetupRequest& request);

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
