// Reading an Axolotl config as the setup to estimate (--from-config FILE,
// docs/launch.md#from-config).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// What an Axolotl config says about the run, in ftcost's terms.
struct ConfigSetup {
  std::string model;     ///< base_model as written (a Hub id, a path or a preset id)
  SetupRequest request;  ///< every setting the config states or Axolotl defaults, framework axolotl
  std::optional<double> epochs;    ///< num_epochs
  std::optional<Packing> packing;  ///< sample_packing
  std::vector<Assumption> notes;   ///< Axolotl defaults taken, and the keys ftcost does not model
};

/// Parses the Axolotl YAML `text` (named `origin` in errors; a `deepspeed:` path is read
/// relative to `directory`). Reads base_model, adapter, load_in_4bit/8bit,
/// bnb_config_kwargs.bnb_4bit_use_double_quant, gptq, lora_r, lora_target_modules,
/// lora_target_linear, sequence_len, micro_batch_size, gradient_accumulation_steps, num_epochs,
/// sample_packing, optimizer, gradient_checkpointing, attn_implementation (and the older
/// flash_attention / sdp_attention), bf16, fp16, bfloat16, deepspeed (the JSON's ZeRO stage and
/// offload), fsdp_version / fsdp_config (offload_params, activation_checkpointing), torch_compile,
/// the Liger plugin's fused cross-entropy and cut_cross_entropy; every other key is listed in
/// one note. Throws InputError (ExitCode::InvalidData) naming `origin`, the key as a JSON
/// Pointer ("/micro_batch_size"), what was wrong and what is accepted.
[[nodiscard]] ConfigSetup parse_axolotl_config(std::string_view text, const std::string& origin,
                                               const std::string& directory);

/// Reads `path` (at most 1 MiB) and parses it. Throws InputError (ExitCode::InvalidData) when
/// the file is missing, unreadable or invalid.
[[nodiscard]] ConfigSetup load_axolotl_config(const std::string& path);

/// Lays the flags the user typed (`flags`) over the config's request: a flag wins, and when
/// the config said otherwise an assumption names both ("--micro-batch 4 overrides
/// micro_batch_size 1 of axolotl.yaml"). Returns those assumptions.
[[nodiscard]] std::vector<Assumption> overlay_flags(SetupRequest& config, const SetupRequest& flags,
                                                    const std::string& origin);

}  // namespace ftcost
