// setup_lines: the setup in the text outputs (src/render/setup_lines.hpp).
#include "setup_lines.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "ftcost/base/names.hpp"

namespace ftcost::render {

std::vector<std::pair<std::string, std::string>> setup_lines(const TrainingSetup& s) {
  std::vector<std::pair<std::string, std::string>> lines = {
      {"setup", fmt::format("{} {} {}, framework {}", name_of(s.method), name_of(s.precision),
                            name_of(s.optimizer), name_of(s.framework))},
      {"batch", fmt::format("seq {} x micro-batch {}, grad-accum {}", s.seq_len, s.micro_batch,
                            s.grad_accum)},
      {"activations", fmt::format("checkpointing {}, attention {}, loss {}", name_of(s.grad_ckpt),
                                  name_of(s.attention), name_of(s.loss))}};
  if (s.method != Method::Full) {
    lines.emplace_back("LoRA", fmt::format("r{} on {}, base {}", s.lora_rank,
                                           fmt::join(s.lora_targets, ","), name_of(s.quant)));
  }
  lines.emplace_back("GPUs", fmt::format("{}, sharding {}, offload {}", s.gpus, name_of(s.sharding),
                                         name_of(s.cpu_offload)));
  return lines;
}

std::string model_text(const std::string& id, const std::string& name, std::int64_t params_total,
                       std::int64_t params_active) {
  const auto billions = [](std::int64_t n) { return static_cast<double>(n) / 1e9; };
  std::string text = fmt::format("{} ({}; {:.2f}B parameters", id, name, billions(params_total));
  if (params_active > 0 && params_active != params_total) {
    text += fmt::format(", {:.2f}B active per token", billions(params_active));
  }
  return text + ")";
}

}  // namespace ftcost::render
