// One JSON shape for a TrainingSetup, shared by vram, time and plan output.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "ftcost/base/names.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost::render {

/// Calls `member(key, value)` for each key of the setup's JSON object, in key order (the order
/// nlohmann writes them): values are std::string_view, std::int64_t, bool, the lora_targets
/// vector, and std::optional<std::string> for transformers_version (nullopt: null).
template <class Member>
void visit_setup(const TrainingSetup& s, Member&& member) {
  member("attention", name_of(s.attention));
  member("compile", s.compiled);
  member("cpu_offload", name_of(s.cpu_offload));
  member("framework", name_of(s.framework));
  member("gpus", static_cast<std::int64_t>(s.gpus));
  member("grad_accum", static_cast<std::int64_t>(s.grad_accum));
  member("grad_ckpt", name_of(s.grad_ckpt));
  member("lora_rank", static_cast<std::int64_t>(s.lora_rank));
  member("lora_targets", s.lora_targets);
  member("loss", name_of(s.loss));
  member("method", name_of(s.method));
  member("micro_batch", static_cast<std::int64_t>(s.micro_batch));
  member("optimizer", name_of(s.optimizer));
  member("optimizer_in_bwd", s.optimizer_in_backward);
  member("precision", name_of(s.precision));
  member("quant", name_of(s.quant));
  member("seq_len_tokens", static_cast<std::int64_t>(s.seq_len));
  member("sharding", name_of(s.sharding));
  member("transformers_version",
         s.transformers_version ? std::optional<std::string>(version_text(*s.transformers_version))
                                : std::nullopt);
}

/// The setup as a JSON object with unit-carrying keys: method, precision, optimizer,
/// seq_len_tokens, micro_batch, grad_accum (sequences and micro-batches), grad_ckpt, attention,
/// lora_rank, lora_targets (array), quant, loss, gpus, sharding, cpu_offload, framework, compile,
/// optimizer_in_bwd, transformers_version ("4.38" or null when unset). docs/json-output.md#setup.
[[nodiscard]] nlohmann::json setup_json(const TrainingSetup& s);

/// One CSV cell from a JSON value: strings as they are, null empty, arrays joined by ",", numbers
/// and booleans as JSON writes them (full precision).
[[nodiscard]] std::string json_cell_text(const nlohmann::json& value);

}  // namespace ftcost::render
