// One JSON shape for a TrainingSetup, shared by vram, time and plan output.
#pragma once

#include <nlohmann/json.hpp>

#include "ftcost/setup/setup.hpp"

namespace ftcost::render {

/// The setup as a JSON object with unit-carrying keys: method, precision, optimizer,
/// seq_len_tokens, micro_batch, grad_accum (sequences and micro-batches), grad_ckpt, attention,
/// lora_rank, lora_targets (array), quant, loss, gpus, sharding, cpu_offload, framework, compile,
/// optimizer_in_bwd, transformers_version ("4.38" or null when unset). docs/json-output.md#setup.
[[nodiscard]] nlohmann::json setup_json(const TrainingSetup& s);

/// One CSV cell from a JSON value: strings as they are, null empty, arrays joined by ",", numbers
/// and booleans as JSON writes them (full precision).
[[nodiscard]] std::string json_cell_text(const nlohmann::json& value);

}  // namespace ftcost::render
