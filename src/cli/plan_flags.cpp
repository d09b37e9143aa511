// CLI11 bindings for the plan's filters, ranking and project assumptions.
#include "plan_flags.hpp"

#include <CLI/CLI.hpp>

#include "enum_option.hpp"
#include "ftcost/base/decimal_text.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "number_option.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {
namespace {

// Bounds that reject typos (an extra zero), not real limits.
constexpr std::int64_t kMaxGpusLimit = 4096;
constexpr std::int64_t kMaxCheckpoints = 1000;
constexpr std::int64_t kMaxTop = 1'000'000;
constexpr double kMaxDays = 3650;
constexpr double kMinHours = 0.001;
constexpr double kMaxHours = 1e6;          // 114 years
constexpr double kMaxHazardPerHour = 100;  // an interruption every 36 s
constexpr double kMaxBudgetUsd = 1e12;
constexpr double kMinDownloadGbPerS = 0.001;  // 8 Mbit/s
constexpr double kMaxDownloadGbPerS = 1000;
constexpr double kMaxImagePullMinutes = 1440;

constexpr double kMaxIdleHours = 10000;
constexpr double kMaxVolumeGb = 1e6;

// "90s", "15m", "1.5h" as hours; throws InputError (usage) for anything else (a bare number
// included: its unit would be a guess) or outside 10 s to 30 days.
double duration_hours(const std::string& text) {
  const char unit = text.empty() ? '\0' : text.back();
  const bool has_unit = unit == 's' || unit == 'm' || unit == 'h';
  const auto parsed = parse_decimal_number(std::string_view(text).substr(0, text.size() - 1));
  const double per_hour = unit == 's' ? 3600.0 : unit == 'h' ? 1.0 : 60.0;
  const double hours = parsed.value / per_hour;
  // A bare number has no unit: refused rather than guessed.
  if (!has_unit || parsed.status != DecimalStatus::Ok || !(hours >= 10.0 / 3600) || hours > 720) {
    throw InputError("", "--checkpoint-every", "'" + text + "' is not a duration from 10s to 720h",
                     "a number with s, m or h, e.g. 15m", ExitCode::Usage);
  }
  return hours;
}

void add_selection(CLI::App& app, PlanFlags& f) {
  PlanRequest& r = f.request;
  app.add_option("--gpu", f.gpus, "Only these GPUs (ids or common spellings; repeatable)")
      ->delimiter(',');
  app.add_option("--provider", r.providers,
                 "Only these provider ids, or a family such as runpod (repeatable)")
      ->delimiter(',');
  app.add_option("--region", r.regions,
                 "Only offers in these regions: a region (us-east-1), its prefix at a '-' "
                 "(us-east, europe) or a comma-free part of a marketplace place (US, Texas); "
                 "offers without a region are left out (repeatable)");
  add_enum_option(app, "--tier", r.tier, "on-demand, spot or any");
  add_number_option(app, "--max-hours", r.max_hours, kMinHours, kMaxHours,
                    "Drop plans whose expected wall time is longer");
  add_number_option(app, "--min-reliability", r.min_reliability, 0, 1,
                    "Drop marketplace hosts below this uptime share");
  add_integer_option(app, "--max-gpus", r.max_gpus, 1, kMaxGpusLimit,
                     "Most GPUs per job, all instances together (default: 64)");
  CLI::Option* budget =
      add_number_option(app, "--budget", r.budget_usd, 0, kMaxBudgetUsd,
                        "USD: exit 0 if the cheapest plan fits, 5 if not, 4 if nothing runs");
  // Without --budget there is no gate: a CI job that forgot it must hear so, not pass silently.
  add_enum_option(app, "--budget-on", r.budget_on,
                  "Gate --budget on the expected total (default), the high end of the 80% cost "
                  "range, or the p90 interruption cost")
      ->needs(budget);
}

void add_ranking(CLI::App& app, PlanRequest& r) {
  add_integer_option(app, "--top", r.top, 0, kMaxTop, "Plans shown (default: 10; 0 = all)");
  add_enum_option(app, "--sort", r.sort, "Rank by expected cost, wall time or p90 cost");
  app.add_flag("--pareto", r.pareto, "Keep only cost x time Pareto-optimal plans");
  add_number_option(app, "--hazard", r.hazard_per_hour, 0, kMaxHazardPerHour,
                    "Spot interruptions per instance-hour, replacing every catalog default");
}

void add_project(CLI::App& app, PlanRequest& r) {
  add_number_option(app, "--keep-days", r.keep_days, 0, kMaxDays,
                    "Days the volume is kept after training, at the stopped rate (default: 7)");
  add_enum_option(app, "--download", r.download, "What you download at the end");
  app.add_option("--checkpoint-to", r.checkpoint_to,
                 "volume, or an object store for checkpoints: s3, gcs, r2, b2, ... (default: "
                 "volume)");
  add_integer_option(app, "--keep-checkpoints", r.keep_checkpoints, 1, kMaxCheckpoints,
                     "Checkpoints kept (default: 1)");
  add_number_option(app, "--download-gbps", r.download_gb_per_s, kMinDownloadGbPerS,
                    kMaxDownloadGbPerS,
                    "Base model and dataset download speed, GB/s (default: 0.36)");
  add_number_option(app, "--image-pull-minutes", r.image_pull_minutes, 0, kMaxImagePullMinutes,
                    "Container image pull and start, minutes (default: 6)");
  add_number_option(app, "--idle-hours", r.idle_hours, 0, kMaxIdleHours,
                    "Hours the instances run besides training (debugging, evaluation, "
                    "downloads you do by hand), billed at their hourly price (default: 0)");
  app.add_flag("--network-volume", r.network_volume,
               "Keep data and checkpoints on the provider's network volume where it sells one "
               "(RunPod), billed until --keep-days ends, instead of the instance's disk");
  add_number_option(app, "--volume-gb", r.volume_gb, 1, kMaxVolumeGb,
                    "The volume you rent per instance, GB (default: what the run writes); "
                    "billed while running and for --keep-days");
  app.add_option_function<std::string>(
         "--checkpoint-every",
         [&r](const std::string& text) { r.checkpoint_every_hours = duration_hours(text); },
         "Spot plans checkpoint at this fixed interval (90s, 15m, 1.5h) instead of the "
         "computed optimum; the plan shows what the optimum would cost")
      ->type_name("DURATION");
}

}  // namespace

void add_plan_flags(CLI::App& app, PlanFlags& flags) {
  add_selection(app, flags);
  add_ranking(app, flags.request);
  add_project(app, flags.request);
}

// An id that names no provider but prefixes some ("runpod" -> runpod-community, runpod-secure)
// selects the whole family, so users need not know how the catalog splits a provider's tiers.
std::vector<std::string> expand_providers(const std::vector<std::string>& wanted,
                                          const Catalog& catalog) {
  std::vector<std::string> known;
  for (const Provider& p : catalog.providers) {
    known.push_back(p.id);
  }
  std::vector<std::string> expanded;
  for (const std::string& id : wanted) {
    if (catalog.find_provider(id) != nullptr) {
      expanded.push_back(id);
      continue;
    }
    const std::size_t before = expanded.size();
    for (const std::string& candidate : known) {
      if (candidate.rfind(id + "-", 0) == 0) {
        expanded.push_back(candidate);
      }
    }
    if (expanded.size() == before) {
      const std::string hint = did_you_mean(id, known);
      throw InputError("", "--provider", "unknown provider '" + id + "'",
                       hint.empty() ? "one of " + join_names(known) : hint, ExitCode::Usage);
    }
  }
  return expanded;
}

PlanRequest plan_request(const PlanFlags& flags, const Catalog& catalog,
                         const ArtifactSizes& artifacts, std::vector<Assumption>& notes) {
  PlanRequest request = flags.request;
  request.artifacts = artifacts;
  for (const std::string& spelling : flags.gpus) {
    const GpuChoice choice = choose_builtin_gpu(spelling);
    // A spelling shared by several variants ("h100": SXM, PCIe, NVL) selects them all in a plan:
    // the offers say which variant each is, so there is nothing to assume.
    const AmbiguousAlias* family = nullptr;
    for (const AmbiguousAlias& alias : choice.gpu->default_for) {
      if (gpu_spelling_key(alias.alias) == gpu_spelling_key(spelling)) {
        family = &alias;
      }
    }
    if (family == nullptr) {
      request.gpus.push_back(choice.gpu->id);
      continue;
    }
    request.gpus.insert(request.gpus.end(), family->variants.begin(), family->variants.end());
    notes.push_back({.text = "--gpu " + spelling + " selects every variant: " +
                             join_names(family->variants) + " (name one to choose it)",
                     .source = "docs/gpus.md#spellings"});
  }
  request.providers = expand_providers(request.providers, catalog);
  // Checked here, before any offer is costed, so a typo fails fast.
  static_cast<void>(checkpoint_store(catalog, request.checkpoint_to));
  return request;
}

}  // namespace ftcost::cli
