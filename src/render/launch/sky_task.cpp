// sky.yaml: the plan as a SkyPilot task (docs/launch.md#skypilot).
#include <yaml-cpp/yaml.h>

#include <cmath>

#include "engine_names.hpp"
#include "launch_plan.hpp"

namespace ftcost::render::launch {
namespace {

// SkyPilot's object stores (file_mounts `store`); other --checkpoint-to stores cannot be mounted.
std::optional<std::string> skypilot_store(const std::string& store) {
  for (const char* known : {"s3", "gcs", "azure", "r2"}) {
    if (store == known) {
      return store;
    }
  }
  return std::nullopt;
}

}  // namespace

std::optional<LaunchFile> sky_task(const LaunchPlan& plan, std::vector<LaunchRefusal>& refused) {
  const PlanRow& row = *plan.row;
  const auto cloud = skypilot_cloud(row.offer.provider);
  if (!cloud) {
    refused.push_back({.file = "sky.yaml",
                       .engine = "SkyPilot",
                       .field = "resources.infra",
                       .why = "SkyPilot has no cloud for provider '" + row.offer.provider + "'"});
    return std::nullopt;
  }
  const auto accelerator = skypilot_accelerator(row.offer.gpu);
  if (!accelerator) {
    refused.push_back({.file = "sky.yaml",
                       .engine = "SkyPilot",
                       .field = "resources.accelerators",
                       .why = "no SkyPilot accelerator name for GPU '" + row.offer.gpu + "'"});
    return std::nullopt;
  }
  const std::string& store_id = plan.report->request.checkpoint_to;
  const bool to_volume = store_id == kCheckpointToVolume;
  const auto store = to_volume ? std::nullopt : skypilot_store(store_id);
  if (!to_volume && !store) {
    refused.push_back({.file = "sky.yaml",
                       .engine = "SkyPilot",
                       .field = "file_mounts.store",
                       .why = "SkyPilot cannot mount checkpoint store '" + store_id + "'"});
    return std::nullopt;
  }
  const bool spot = row.offer.tier == Tier::Spot;

  YAML::Emitter out;
  out.SetDoublePrecision(6);
  out << YAML::Comment(plan.header) << YAML::Newline;
  if (spot && !store) {
    out << YAML::Comment(
               "checkpoints stay on the node's disk (--checkpoint-to volume): after a "
               "preemption the job restarts from scratch; plan with --checkpoint-to s3 "
               "to mount a bucket")
        << YAML::Newline;
  }
  out << YAML::Comment(spot ? "launch: sky jobs launch --env HF_TOKEN sky.yaml (a managed job "
                              "recovers from preemption)"
                            : "launch: sky launch --env HF_TOKEN sky.yaml");
  out << YAML::BeginMap;
  out << YAML::Key << "name" << YAML::Value << plan.run_name;
  out << YAML::Key << "num_nodes" << YAML::Value << plan.nodes;
  out << YAML::Key << "workdir" << YAML::Value << ".";
  out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "accelerators" << YAML::Value
      << *accelerator + ":" + std::to_string(plan.gpus_per_node);
  // The planned region: another region of the same cloud may price the instance differently.
  const std::string region = engine_region(row.offer.region);
  out << YAML::Key << "infra" << YAML::Value << (region.empty() ? *cloud : *cloud + "/" + region);
  out << YAML::Key << "use_spot" << YAML::Value << spot;
  out << YAML::Key << "disk_size" << YAML::Value << node_disk_gb(row);
  if (spot) {
    out << YAML::Key << "job_recovery" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "strategy" << YAML::Value << "EAGER_NEXT_REGION";
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  out << YAML::Key << "envs" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "HF_TOKEN" << YAML::Value << YAML::Null;
  out << YAML::EndMap;
  if (store) {
    out << YAML::Key << "file_mounts" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "/ckpt" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "name" << YAML::Value << plan.run_name + "-ckpt";
    out << YAML::Key << "store" << YAML::Value << *store;
    out << YAML::Key << "mode" << YAML::Value << "MOUNT_CACHED";
    out << YAML::EndMap << YAML::EndMap;
  }
  out << YAML::Key << "setup" << YAML::Value << YAML::Literal << kInstallCommand;
  const std::string master = "$(echo \"$SKYPILOT_NODE_IPS\" | head -n1)";
  out << YAML::Key << "run" << YAML::Value << YAML::Literal
      << train_command(plan, "SKYPILOT_NODE_RANK", "SKYPILOT_NUM_NODES",
                       "SKYPILOT_NUM_GPUS_PER_NODE", master);
  out << YAML::EndMap;
  return LaunchFile{.name = "sky.yaml", .text = std::string(out.c_str()) + "\n"};
}

}  // namespace ftcost::render::launch
