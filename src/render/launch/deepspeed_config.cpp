// ds_config.json: the plan's ZeRO stage and offload as a DeepSpeed config
// (docs/launch.md#deepspeed).
#include <nlohmann/json.hpp>

#include "launch_plan.hpp"

namespace ftcost::render::launch {

std::optional<LaunchFile> deepspeed_config(const LaunchPlan& plan) {
  if (!plan.deepspeed) {
    return std::nullopt;
  }
  const TrainingSetup& setup = plan.row->run.setup;
  int stage = 3;
  if (setup.sharding == Sharding::Zero1) {
    stage = 1;
  } else if (setup.sharding == Sharding::Zero2) {
    stage = 2;
  }
  nlohmann::json zero{{"stage", stage}, {"overlap_comm", true}};
  const nlohmann::json to_cpu{{"device", "cpu"}, {"pin_memory", true}};
  if (setup.cpu_offload != CpuOffload::None) {
    zero["offload_optimizer"] = to_cpu;
  }
  if (setup.cpu_offload == CpuOffload::Params) {
    zero["offload_param"] = to_cpu;
  }
  if (stage == 3) {
    zero["stage3_gather_16bit_weights_on_model_save"] = true;
  }
  const bool bf16 =
      setup.precision == Precision::Bf16Mixed || setup.precision == Precision::Bf16True;
  const nlohmann::json config{{"comment", plan.header},
                              {"train_micro_batch_size_per_gpu", setup.micro_batch},
                              {"gradient_accumulation_steps", setup.grad_accum},
                              {"bf16", {{"enabled", bf16}}},
                              {"fp16", {{"enabled", setup.precision == Precision::Fp16Mixed}}},
                              {"zero_optimization", zero}};
  return LaunchFile{.name = "ds_config.json", .text = config.dump(2) + "\n"};
}

}  // namespace ftcost::render::launch
