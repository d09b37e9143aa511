// Sizes of what a fine-tune downloads, keeps and produces: the inputs of storage and egress costs.
#pragma once

#include <cstdint>

#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// Bytes of each artifact of one fine-tuning project (decimal bytes; providers bill per 10^9 B).
struct ArtifactSizes {
  double base_model_bytes = 0;    ///< base weights as downloaded (16-bit safetensors)
  double dataset_bytes = 0;       ///< the training data as downloaded
  double adapter_bytes = 0;       ///< LoRA adapter as saved by PEFT (0 for full fine-tuning)
  double merged_model_bytes = 0;  ///< a full 16-bit model: the output of full fine-tuning, or
                                  ///< the base with the adapter merged in
  double checkpoint_bytes = 0;    ///< one resumable training checkpoint (weights + optimizer)
  bool full_fine_tune = false;    ///< the output is a whole model, not an adapter
};

/// Artifact sizes for `arch` trained with `setup` on `dataset_tokens` tokens (one epoch's data,
/// stored as text at kCharsPerToken bytes per token). Source: docs/planner.md#artifact-sizes.
[[nodiscard]] ArtifactSizes artifact_sizes(const ModelArch& arch, const TrainingSetup& setup,
                                           double dataset_tokens) noexcept;

}  // namespace ftcost
