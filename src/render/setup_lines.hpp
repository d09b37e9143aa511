// The training setup as short "key: value" lines for the text outputs of vram and time.
#pragma once

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

}  // namespace ftcost::render
