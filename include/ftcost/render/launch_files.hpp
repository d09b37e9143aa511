// Launch files for one ranked plan: a SkyPilot task, a dstack task, an Axolotl config, a
// DeepSpeed config when the plan shards with ZeRO, and the plan itself (docs/launch.md).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "ftcost/render/plan_render.hpp"

namespace ftcost::render {

/// One file of a launch bundle.
struct LaunchFile {
  std::string name;  ///< file name inside the bundle directory ("sky.yaml", "axolotl.yaml", ...)
  std::string text;  ///< the whole file
};

/// A file an engine cannot express for this plan, and why (never emitted wrong).
struct LaunchRefusal {
  std::string file;    ///< the file that was not written ("sky.yaml")
  std::string engine;  ///< "SkyPilot", "dstack", "Axolotl"
  std::string field;   ///< the engine's field that cannot hold the plan's value ("resources.infra")
  std::string why;     ///< e.g. "SkyPilot has no tensordock cloud"
};

/// The bundle for one plan.
struct LaunchBundle {
  std::vector<LaunchFile> files;
  std::vector<LaunchRefusal> refused;
  /// Where a written file runs differently from what the plan costed, one line each.
  std::vector<std::string> warnings;
};

/// What the bundle is made from besides the report.
struct LaunchInput {
  std::size_t rank = 1;    ///< 1-based rank of the plan in report.plan.rows
  std::string model_repo;  ///< Hugging Face repository or local directory of the base model
  bool model_repo_is_local = false;  ///< model_repo is a directory on this machine
  std::string model_family;    ///< Transformers model_type ("llama"): FSDP's decoder-layer class
  std::string ftcost_version;  ///< written into every file's header
  double gpu_memory_gb = 0;    ///< the plan's GPU as labelled (dstack's gpu spec), GB
};

/// Builds the launch bundle for plan `input.rank` of `report`: sky.yaml (SkyPilot task: GPU and
/// count per node, nodes, cloud, spot, disk, managed-job recovery for spot), task.dstack.yml
/// (dstack task: gpu spec, nodes, backend, spot policy, max_price per instance, retry on
/// interruption), axolotl.yaml (exactly the setup the estimate assumed: method and quantization,
/// LoRA rank and targets, sequence length, packing, micro-batch, accumulation, checkpointing,
/// precision, optimizer, attention, save_steps from the spot checkpoint interval, resume),
/// ds_config.json when the plan shards with ZeRO (1-3, with its offload), and plan.json (the
/// report's JSON). Every file names the ftcost version and the plan. A file whose engine cannot
/// express the plan (a provider it does not support, a GPU it has no name for) is listed in
/// `refused` instead. Throws InputError (ExitCode::Usage, "--pick") when the rank is not a row of
/// the plan. Source of every key: docs/launch.md.
[[nodiscard]] LaunchBundle launch_bundle(const PlanReport& report, const LaunchInput& input);

}  // namespace ftcost::render
