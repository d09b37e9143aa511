// CLI11 bindings for the plan's filters, ranking and project assumptions.
#include "plan_flags.hpp"

#include <CLI/CLI.hpp>

#include "enum_option.hpp"
#include "ftcost/error.hpp"
#include "ftcost/gpus.hpp"
#include "ftcost/spelling.hpp"

namespace ftcost::cli {
namespace {

// Bounds that reject typos (an extra zero), not real limits.
constexpr std::int64_t kMaxGpusLimit = 4096;
constexpr std::int64_t kMaxCheckpoints = 1000;
constexpr double kMaxDays = 3650;

template <class T>
void add_optional(CLI::App& app, const std::string& flag, std::optional<T>& target,
                  const std::string& description, const CLI::Validator& check) {
  app.add_option_function<T>(
         flag, [&target](const T& value) { target = value; }, description)
      ->check(check);
}

void add_selection(CLI::App& app, PlanFlags& f) {
  PlanRequest& r = f.request;
  app.add_option("--gpu", f.gpus, "Only these GPUs (ids or common spellings; repeatable)")
      ->delimiter(',');
  app.add_option("--provider", r.providers, "Only these provider ids (repeatable)")->delimiter(',');
  add_enum_option(app, "--tier", r.tier, "on-demand, spot or any");
  add_optional(app, "--max-hours", r.max_hours, "Drop plans whose expected wall time is longer",
               CLI::PositiveNumber);
  add_optional(app, "--min-reliability", r.min_reliability,
               "Drop marketplace hosts below this uptime share (0..1)", CLI::Range(0.0, 1.0));
  app.add_option("--max-gpus", r.max_gpus,
                 "Most GPUs per job, all instances together (default: 64)")
      ->check(CLI::Range(std::int64_t{1}, kMaxGpusLimit));
  add_optional(app, "--budget", r.budget_usd,
               "USD: exit 0 if the cheapest plan fits, 5 if not, 4 if nothing runs",
               CLI::NonNegativeNumber);
}

void add_ranking(CLI::App& app, PlanRequest& r) {
  app.add_option("--top", r.top, "Plans shown (default: 10; 0 = all)");
  add_enum_option(app, "--sort", r.sort, "Rank by expected cost, wall time or p90 cost");
  app.add_flag("--pareto", r.pareto, "Keep only cost x time Pareto-optimal plans");
  add_optional(app, "--hazard", r.hazard_per_hour,
               "Spot interruptions per instance-hour, replacing every catalog default",
               CLI::NonNegativeNumber);
}

void add_project(CLI::App& app, PlanRequest& r) {
  app.add_option("--keep-days", r.keep_days,
                 "Days the volume is kept after training, at the stopped rate (default: 7)")
      ->check(CLI::Range(0.0, kMaxDays));
  add_enum_option(app, "--download", r.download, "What you download at the end");
  app.add_option("--checkpoint-to", r.checkpoint_to,
                 "volume, or an object store for checkpoints: s3, gcs, r2, b2, ... (default: "
                 "volume)");
  app.add_option("--keep-checkpoints", r.keep_checkpoints, "Checkpoints kept (default: 1)")
      ->check(CLI::Range(std::int64_t{1}, kMaxCheckpoints));
  app.add_option("--download-gbps", r.download_gb_per_s,
                 "Base model and dataset download speed, GB/s (default: 0.36)")
      ->check(CLI::PositiveNumber);
  app.add_option("--image-pull-minutes", r.image_pull_minutes,
                 "Container image pull and start, minutes (default: 6)")
      ->check(CLI::NonNegativeNumber);
}

void check_providers(const std::vector<std::string>& wanted, const Catalog& catalog) {
  std::vector<std::string> known;
  for (const Provider& p : catalog.providers) {
    known.push_back(p.id);
  }
  for (const std::string& id : wanted) {
    if (catalog.find_provider(id) == nullptr) {
      const std::string hint = did_you_mean(id, known);
      throw InputError("", "--provider", "unknown provider '" + id + "'",
                       hint.empty() ? "one of " + join_names(known) : hint, ExitCode::Usage);
    }
  }
}

}  // namespace

void add_plan_flags(CLI::App& app, PlanFlags& flags) {
  add_selection(app, flags);
  add_ranking(app, flags.request);
  add_project(app, flags.request);
}

PlanRequest plan_request(const PlanFlags& flags, const Catalog& catalog,
                         const ArtifactSizes& artifacts) {
  PlanRequest request = flags.request;
  request.artifacts = artifacts;
  for (const std::string& spelling : flags.gpus) {
    request.gpus.push_back(resolve_gpu(spelling, default_gpus()).id);
  }
  check_providers(request.providers, catalog);
  if (request.checkpoint_to != kCheckpointToVolume &&
      catalog.find_store(request.checkpoint_to) == nullptr) {
    std::vector<std::string> known{kCheckpointToVolume};
    for (const CheckpointStore& store : catalog.checkpoint_stores) {
      known.push_back(store.id);
    }
    const std::string hint = did_you_mean(request.checkpoint_to, known);
    throw InputError("", "--checkpoint-to", "unknown store '" + request.checkpoint_to + "'",
                     hint.empty() ? "one of " + join_names(known) : hint, ExitCode::Usage);
  }
  return request;
}

}  // namespace ftcost::cli
