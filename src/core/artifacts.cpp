// Artifact sizes (base model, dataset, adapter, merged model, checkpoint) from the architecture.
#include "ftcost/artifacts.hpp"

#include <algorithm>

#include "ftcost/params.hpp"
#include "ftcost/workload.hpp"

namespace ftcost {
namespace {

// HF hubs publish 16-bit safetensors for current models; merged outputs are saved the same way.
constexpr double kSixteenBitBytes = 2.0;

bool targets(const TrainingSetup& setup, const std::string& module) {
  return std::find(setup.lora_targets.begin(), setup.lora_targets.end(), module) !=
         setup.lora_targets.end();
}

// Bytes per trainable parameter as saved: bf16-true keeps 16-bit weights; mixed precision and
// fp32 keep fp32 masters (PEFT and the HF Trainer save the parameters' own dtype).
double weight_bytes(Precision precision) {
  return precision == Precision::Bf16True ? 2.0 : 4.0;
}

// Optimizer state bytes per trainable parameter in a checkpoint: Adam keeps two fp32 moments;
// bitsandbytes 8-bit Adam two 8-bit moments; plain SGD (momentum 0, the torch default) none;
// Adafactor's factored second moment is O(rows + columns), negligible per parameter.
double optimizer_bytes(Optimizer optimizer) {
  switch (optimizer) {
    case Optimizer::AdamW:
    case Optimizer::PagedAdamW:
      return 8.0;
    case Optimizer::AdamW8bit:
    case Optimizer::PagedAdamW8bit:
      return 2.0;
    case Optimizer::Sgd:
    case Optimizer::Adafactor:
      return 0.0;
  }
  return 8.0;
}

}  // namespace

std::int64_t lora_param_count(const ModelArch& arch, const TrainingSetup& setup) noexcept {
  if (setup.method == Method::Full) {
    return 0;
  }
  std::int64_t count = 0;
  for (const BlockGroup& group : arch.blocks) {
    for (const LinearSpec& linear : group.linears) {
      if (targets(setup, linear.name)) {
        count += group.layers * linear.copies * setup.lora_rank *
                 (linear.in_features + linear.out_features);
      }
    }
  }
  if (targets(setup, "lm_head")) {
    count += setup.lora_rank * (arch.hidden_size + arch.vocab_size);
  }
  return count;
}

ArtifactSizes artifact_sizes(const ModelArch& arch, const TrainingSetup& setup,
                             double dataset_tokens) noexcept {
  const auto total = static_cast<double>(count_params(arch).total);
  ArtifactSizes sizes;
  sizes.base_model_bytes = total * kSixteenBitBytes;
  sizes.dataset_bytes = dataset_tokens * kCharsPerToken;
  sizes.merged_model_bytes = total * kSixteenBitBytes;
  sizes.full_fine_tune = setup.method == Method::Full;
  const double per_param = weight_bytes(setup.precision) + optimizer_bytes(setup.optimizer);
  if (sizes.full_fine_tune) {
    sizes.checkpoint_bytes = total * per_param;
  } else {
    const auto adapter = static_cast<double>(lora_param_count(arch, setup));
    sizes.adapter_bytes = adapter * weight_bytes(setup.precision);
    sizes.checkpoint_bytes = adapter * per_param;
  }
  return sizes;
}

}  // namespace ftcost
