// task.dstack.yml: the plan as a dstack task (docs/launch.md#dstack).
#include <yaml-cpp/yaml.h>

#include <cmath>

#include "engine_names.hpp"
#include "launch_plan.hpp"

namespace ftcost::render::launch {

std::optional<LaunchFile> dstack_task(const LaunchPlan& plan, std::vector<LaunchRefusal>& refused) {
  const PlanRow& row = *plan.row;
  const auto backend = dstack_backend(row.offer.provider);
  if (!backend) {
    refused.push_back({.file = "task.dstack.yml",
                       .engine = "dstack",
                       .field = "backends",
                       .why = "dstack has no backend for provider '" + row.offer.provider + "'"});
    return std::nullopt;
  }
  const auto gpu = dstack_gpu_name(row.offer.gpu);
  if (!gpu) {
    refused.push_back({.file = "task.dstack.yml",
                       .engine = "dstack",
                       .field = "resources.gpu",
                       .why = "no dstack GPU name for '" + row.offer.gpu + "'"});
    return std::nullopt;
  }
  if (plan.report->request.checkpoint_to != kCheckpointToVolume) {
    refused.push_back({.file = "task.dstack.yml",
                       .engine = "dstack",
                       .field = "volumes",
                       .why = "dstack mounts no object store ('" +
                              plan.report->request.checkpoint_to +
                              "'); plan with --checkpoint-to volume"});
    return std::nullopt;
  }
  const bool spot = row.offer.tier == Tier::Spot;

  YAML::Emitter out;
  out.SetDoublePrecision(6);
  out << YAML::Comment(plan.header) << YAML::Newline;
  if (spot) {
    out << YAML::Comment(
               "checkpoints stay on the instance's disk: a retried run after an "
               "interruption starts over unless you attach a dstack volume and point "
               "axolotl.yaml's output_dir at it")
        << YAML::Newline;
  }
  if (plan.nodes > 1) {
    out << YAML::Comment(
               "several nodes: dstack places them on a fleet with placement: cluster; "
               "create one first")
        << YAML::Newline;
  }
  out << YAML::Comment("launch: dstack apply -f task.dstack.yml");
  out << YAML::BeginMap;
  out << YAML::Key << "type" << YAML::Value << "task";
  out << YAML::Key << "name" << YAML::Value << plan.run_name;
  out << YAML::Key << "python" << YAML::Value << YAML::DoubleQuoted << "3.11";
  out << YAML::Key << "nodes" << YAML::Value << plan.nodes;
  out << YAML::Key << "env" << YAML::Value << YAML::BeginSeq << "HF_TOKEN" << YAML::EndSeq;
  out << YAML::Key << "commands" << YAML::Value << YAML::BeginSeq << kInstallCommand
      << train_command(plan, "DSTACK_NODE_RANK", "DSTACK_NODES_NUM", "DSTACK_GPUS_PER_NODE",
                       "$DSTACK_MASTER_NODE_IP")
      << YAML::EndSeq;
  out << YAML::Key << "files" << YAML::Value << YAML::BeginSeq << "axolotl.yaml";
  if (plan.deepspeed) {
    out << "ds_config.json";
  }
  out << YAML::EndSeq;
  out << YAML::Key << "resources" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "gpu" << YAML::Value
      << *gpu + ":" + std::to_string(std::lround(plan.input.gpu_memory_gb)) +
             "GB:" + std::to_string(plan.gpus_per_node);
  out << YAML::Key << "disk" << YAML::Value << std::to_string(node_disk_gb(row)) + "GB..";
  out << YAML::EndMap;
  out << YAML::Key << "backends" << YAML::Value << YAML::BeginSeq << *backend << YAML::EndSeq;
  if (const std::string region = engine_region(row.offer.region); !region.empty()) {
    out << YAML::Key << "regions" << YAML::Value << YAML::BeginSeq << region << YAML::EndSeq;
  }
  out << YAML::Key << "spot_policy" << YAML::Value << (spot ? "spot" : "on-demand");
  // Per instance, rounded up to the cent so the planned offer itself passes the cap.
  out << YAML::Key << "max_price" << YAML::Value << std::ceil(row.offer.usd_per_hour * 100) / 100;
  if (spot) {
    out << YAML::Key << "retry" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "on_events" << YAML::Value << YAML::Flow << YAML::BeginSeq << "no-capacity"
        << "interruption" << YAML::EndSeq;
    out << YAML::Key << "duration" << YAML::Value
        << std::to_string(static_cast<std::int64_t>(std::ceil(2 * row.p90_wall_hours))) + "h";
    out << YAML::EndMap;
  }
  out << YAML::EndMap;
  return LaunchFile{.name = "task.dstack.yml", .text = std::string(out.c_str()) + "\n"};
}

}  // namespace ftcost::render::launch
