// The launch bundle: the chosen plan, its derived names, and every writer's file.
#include <fmt/format.h>

#include <cctype>
#include <cmath>
#include <filesystem>
#include <sstream>

#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "launch_plan.hpp"

namespace ftcost::render {
namespace launch {
namespace {

// Lowercase letters, digits and single dashes: valid for SkyPilot, dstack and bucket names.
std::string dashed(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) != 0) {
      out += static_cast<char>(std::tolower(u));
    } else if (!out.empty() && out.back() != '-') {
      out += '-';
    }
  }
  while (!out.empty() && out.back() == '-') {
    out.pop_back();
  }
  return out;
}

}  // namespace

LaunchPlan launch_plan(const PlanReport& report, const LaunchInput& input) {
  const auto& rows = report.plan.rows;
  if (input.rank < 1 || input.rank > rows.size()) {
    throw InputError("", "--pick",
                     "plan #" + std::to_string(input.rank) + " does not exist (" +
                         std::to_string(rows.size()) + " plans ranked)",
                     rows.empty() ? std::string("a plan that fits: nothing to emit")
                                  : "1 to " + std::to_string(rows.size()));
  }
  LaunchPlan plan;
  plan.report = &report;
  plan.row = &rows[input.rank - 1];
  plan.input = input;
  const PlanRow& row = *plan.row;
  const TrainingSetup& setup = row.run.setup;
  plan.nodes = row.instances;
  plan.gpus_per_node = row.offer.gpus;
  // A config.json path names the model by its file; names stay within 40 characters (dstack's
  // run-name limit).
  const std::string& id = report.context.model_id;
  const bool file = id.find('/') != std::string::npos || id.ends_with(".json");
  const std::string model = file ? std::filesystem::path(id).stem().string() : id;
  plan.run_name =
      ("ftcost-" + dashed(model)).substr(0, 32) + "-" + std::string(name_of(setup.method));
  plan.header = fmt::format(
      "ftcost {}, plan #{}: {} {} on {} instance(s) of {}x {} at {} ({}), {:.2f} USD expected, "
      "{:.2f} h wall",
      input.ftcost_version, input.rank, report.context.model_id, name_of(setup.method),
      row.instances, row.offer.gpus, row.offer.gpu, row.provider_name, name_of(row.offer.tier),
      row.cost.total_usd(), row.wall_hours);
  // A mounted bucket is at /ckpt; otherwise checkpoints stay in the job's working directory,
  // which the engines' non-root users can write.
  plan.checkpoint_dir =
      (report.request.checkpoint_to == kCheckpointToVolume ? "ckpt/" : "/ckpt/") + plan.run_name;
  plan.deepspeed = setup.sharding == Sharding::Zero1 || setup.sharding == Sharding::Zero2 ||
                   setup.sharding == Sharding::Zero3;
  if (row.interruption && row.run.step_s > 0) {
    const double steps = row.interruption->checkpoint_interval_hours * 3600 / row.run.step_s;
    plan.save_steps = std::max<std::int64_t>(1, std::llround(steps));
  }
  return plan;
}

std::string train_command(const LaunchPlan& plan, const std::string& rank, const std::string& nodes,
                          const std::string& gpus, const std::string& master) {
  if (plan.nodes == 1) {
    return "axolotl train axolotl.yaml";
  }
  return fmt::format(
      "axolotl train axolotl.yaml --launcher torchrun -- --nnodes \"${}\" --nproc_per_node "
      "\"${}\" --node_rank \"${}\" --master_addr \"{}\" --master_port 29500",
      nodes, gpus, rank, master);
}

}  // namespace launch

LaunchBundle launch_bundle(const PlanReport& report, const LaunchInput& input) {
  const launch::LaunchPlan plan = launch::launch_plan(report, input);
  LaunchBundle bundle;
  auto training = launch::axolotl_config(plan, bundle.refused);
  const bool trains = training.has_value();
  if (training) {
    for (auto file :
         {launch::sky_task(plan, bundle.refused), launch::dstack_task(plan, bundle.refused),
          std::move(training), launch::deepspeed_config(plan)}) {
      if (file) {
        bundle.files.push_back(std::move(*file));
      }
    }
  } else {
    // The engines' files start `axolotl train axolotl.yaml`: without it they would launch
    // nothing runnable.
    const std::string why = "axolotl.yaml, which it runs, was not written";
    bundle.refused.push_back(
        {.file = "sky.yaml", .engine = "SkyPilot", .field = "run", .why = why});
    bundle.refused.push_back(
        {.file = "task.dstack.yml", .engine = "dstack", .field = "commands", .why = why});
  }
  const PlanRow& row = *plan.row;
  if (trains && row.offer.tier == Tier::Spot &&
      report.request.checkpoint_to == kCheckpointToVolume) {
    bundle.warnings.push_back(
        "the plan costs spot interruptions as resumes from checkpoints on a kept volume, but a "
        "SkyPilot or dstack retry starts a fresh node and so restarts from scratch; plan with "
        "--checkpoint-to s3 (SkyPilot mounts the bucket) or --tier on-demand to launch as "
        "costed");
  }
  std::ostringstream json;
  render_plan(report, OutputFormat::Json, json);
  bundle.files.push_back({.name = "plan.json", .text = json.str()});
  return bundle;
}

}  // namespace ftcost::render
