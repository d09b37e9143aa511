// The chosen plan as every launch-file writer sees it (docs/launch.md).
#pragma once

#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ftcost/render/launch_files.hpp"

namespace ftcost::render::launch {

/// One ranked plan and what the writers derive from it once.
struct LaunchPlan {
  const PlanReport* report = nullptr;
  const PlanRow* row = nullptr;
  LaunchInput input;
  std::string run_name;            ///< "ftcost-llama-3-1-8b-qlora": a name every engine accepts
  std::string header;              ///< one line naming the ftcost version and the plan
  std::int64_t nodes = 1;          ///< instances
  std::int64_t gpus_per_node = 1;  ///< GPUs per instance
  std::optional<std::int64_t> save_steps;  ///< spot: Daly's interval in optimizer steps
  std::string checkpoint_dir;              ///< where the trainer writes checkpoints on the node
  bool deepspeed = false;                  ///< ZeRO 1-3: the bundle carries ds_config.json
};

/// The plan at input.rank of `report`, with its derived names. Throws InputError ("--pick").
[[nodiscard]] LaunchPlan launch_plan(const PlanReport& report, const LaunchInput& input);

/// The writers: each returns its file, or records why it cannot (and returns nullopt).
[[nodiscard]] std::optional<LaunchFile> sky_task(const LaunchPlan& plan,
                                                 std::vector<LaunchRefusal>& refused);
[[nodiscard]] std::optional<LaunchFile> dstack_task(const LaunchPlan& plan,
                                                    std::vector<LaunchRefusal>& refused);
[[nodiscard]] std::optional<LaunchFile> axolotl_config(const LaunchPlan& plan,
                                                       std::vector<LaunchRefusal>& refused);
/// ds_config.json when the plan shards with ZeRO (stages 1-3), else nullopt.
[[nodiscard]] std::optional<LaunchFile> deepspeed_config(const LaunchPlan& plan);

/// The shell command that starts training on every node: `axolotl train axolotl.yaml`, with
/// torchrun's rendezvous arguments from the engine's environment when there are several nodes.
/// `rank`, `nodes`, `gpus`, `master` are the engine's variable names.
[[nodiscard]] std::string train_command(const LaunchPlan& plan, const std::string& rank,
                                        const std::string& nodes, const std::string& gpus,
                                        const std::string& master);

/// Disk the engines' boot disk needs beyond the plan's data volume: the OS, the CUDA/PyTorch
/// image and the Axolotl environment (an assumption: docs/launch.md#disk), GB.
inline constexpr double kEnvironmentDiskGb = 50;

/// The node's disk: the plan's volume (model, dataset, outputs) plus kEnvironmentDiskGb, GB,
/// rounded up.
[[nodiscard]] inline std::int64_t node_disk_gb(const PlanRow& row) {
  return static_cast<std::int64_t>(std::ceil(row.disk_gb + kEnvironmentDiskGb));
}

/// The install step: Axolotl with FlashAttention and DeepSpeed.
inline constexpr const char* kInstallCommand = "pip install \"axolotl[flash-attn,deepspeed]\"";

}  // namespace ftcost::render::launch
