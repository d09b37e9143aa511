// The training setup as short "key: value" lines for the text outputs of vram and time.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "ftcost/setup/setup.hpp"

namespace ftcost::render {

/// The setup as key-value lines, each within 100 columns: setup (method, precision, optimizer,
/// framework), batch (seq-len, micro-batch, grad-accum), activations (checkpointing, attention,
/// loss), LoRA (rank, targets, base storage; not for full fine-tuning), GPUs (count, sharding,
/// offload).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> setup_lines(const TrainingSetup& s);

/// The model line of the text outputs: "llama-3.1-8b (Llama 3.1 8B; 8.03B parameters)", with
/// "..., 12.88B active per token" for mixture-of-experts models.
[[nodiscard]] std::string model_text(const std::string& id, const std::string& name,
                                     std::int64_t params_total, std::int64_t params_active);

}  // namespace ftcost::render
