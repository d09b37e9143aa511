// setup_json: the TrainingSetup object of every JSON document (docs/json-output.md#setup).
#include "setup_json.hpp"

#include "ftcost/base/names.hpp"

namespace ftcost::render {

nlohmann::json setup_json(const TrainingSetup& s) {
  return {{"method", name_of(s.method)},
          {"precision", name_of(s.precision)},
          {"optimizer", name_of(s.optimizer)},
          {"seq_len_tokens", s.seq_len},
          {"micro_batch", s.micro_batch},
          {"grad_accum", s.grad_accum},
          {"grad_ckpt", name_of(s.grad_ckpt)},
          {"attention", name_of(s.attention)},
          {"lora_rank", s.lora_rank},
          {"lora_targets", s.lora_targets},
          {"quant", name_of(s.quant)},
          {"loss", name_of(s.loss)},
          {"gpus", s.gpus},
          {"sharding", name_of(s.sharding)},
          {"cpu_offload", name_of(s.cpu_offload)},
          {"framework", name_of(s.framework)},
          {"compile", s.compiled},
          {"optimizer_in_bwd", s.optimizer_in_backward},
          {"transformers_version", s.transformers_version
                                       ? nlohmann::json(version_text(*s.transformers_version))
                                       : nlohmann::json(nullptr)}};
}

std::string json_cell_text(const nlohmann::json& value) {
  if (value.is_null()) {
    return {};
  }
  if (value.is_string()) {
    return value.get<std::string>();
  }
  if (value.is_array()) {
    std::string joined;
    for (const auto& item : value) {
      joined += (joined.empty() ? "" : ",") + json_cell_text(item);
    }
    return joined;
  }
  return value.dump();
}

}  // namespace ftcost::render
