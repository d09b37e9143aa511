// Artifact sizes (base model, dataset, adapter, merged model, checkpoint) from the architecture.
#include "ftcost/plan/artifacts.hpp"

#include <algorithm>

#include "ftcost/duration/workload.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/setup/setup_traits.hpp"

namespace ftcost {
namespace {

// HF hubs publish 16-bit safetensors for current models; merged outputs are saved the same way.
constexpr double kSixteenBitBytes = 2.0;

}  // namespace

ArtifactSizes artifact_sizes(const ModelArch& arch, const TrainingSetup& setup,
                             double dataset_tokens) noexcept {
  const auto total = static_cast<double>(count_params(arch).total);
  ArtifactSizes sizes;
  sizes.base_model_bytes = total * kSixteenBitBytes;
  sizes.dataset_bytes = dataset_tokens * kCharsPerToken;
  sizes.merged_model_bytes = total * kSixteenBitBytes;
  sizes.full_fine_tune = setup.method == Method::Full;
  // PEFT and the HF Trainer save each parameter and optimizer state in its own dtype: what the
  // memory model holds (fp32 masters under mixed precision, fp32 PEFT adapters).
  const SetupTraits traits = setup_traits(setup);
  const double per_param = traits.trainable_bytes +
                           optimizer_state_bytes_per_param(setup.optimizer, traits.trainable_bytes,
                                                           static_cast<double>(arch.hidden_size));
  if (sizes.full_fine_tune) {
    sizes.checkpoint_bytes = total * per_param;
  } else {
    const double adapter = lora_params(arch, setup).stored;
    sizes.adapter_bytes = adapter * traits.trainable_bytes;
    sizes.checkpoint_bytes = adapter * per_param;
  }
  return sizes;
}

}  // namespace ftcost
