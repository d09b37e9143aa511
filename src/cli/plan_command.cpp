// `ftcost plan`: where should this fine-tune run, and what will the whole project cost?
#include "plan_command.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

#include "catalog_options.hpp"
#include "color_option.hpp"
#include "config_options.hpp"
#include "enum_option.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/duration/duration.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/memory/memory.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/plan/artifacts.hpp"
#include "ftcost/render/launch_files.hpp"
#include "ftcost/render/plan_render.hpp"
#include "ftcost/setup/resolve.hpp"
#include "number_option.hpp"
#include "plan_flags.hpp"
#include "setup_options.hpp"
#include "subject_options.hpp"
#include "warnings.hpp"
#include "workload_options.hpp"

namespace ftcost::cli {
namespace {

struct PlanOptions {
  std::string model;
  std::optional<std::string> from_config;  ///< --from-config FILE
  SetupRequest setup;
  WorkloadOptions workload;
  CatalogOptions catalog;
  PlanFlags flags;
  render::PlanTableOptions table;
  OutputFormat format = OutputFormat::Table;
  ColorChoice color = ColorChoice::Auto;  ///< --color: how the table's cost bar is drawn
  std::optional<std::string> emit_dir;    ///< --emit DIR
  std::int64_t pick = 1;                  ///< --pick N: which ranked plan --emit writes
};

// The base model as a trainer loads it: the preset's Hub repository, or the directory holding
// the config.json the model was read from.
std::string model_repo(const ModelArch& arch) {
  if (!arch.hf_repo.empty()) {
    return arch.hf_repo;
  }
  const std::filesystem::path directory = std::filesystem::path(arch.id).parent_path();
  return directory.empty() ? std::string(".") : directory.string();
}

// The files a bundle may hold: all are removed first, so a bundle never mixes two plans.
constexpr std::array<const char*, 5> kBundleFiles{"sky.yaml", "task.dstack.yml", "axolotl.yaml",
                                                  "ds_config.json", "plan.json"};

[[noreturn]] void cannot_write(const std::filesystem::path& path, const std::string& reason) {
  throw InputError(path.string(), "--emit", "cannot write: " + reason, "a writable directory",
                   ExitCode::InvalidData);
}

// Writes the launch bundle of plan --pick into --emit's directory before anything reaches
// stdout, so a write error leaves stdout empty; what an engine cannot express is a warning
// naming the file, engine and field (docs/launch.md).
void write_bundle(const render::PlanReport& report, const PlanOptions& options,
                  const ModelArch& arch) {
  const PlanRow& row = report.plan.rows.at(static_cast<std::size_t>(options.pick) - 1);
  const render::LaunchBundle bundle = render::launch_bundle(
      report, {.rank = static_cast<std::size_t>(options.pick),
               .model_repo = model_repo(arch),
               .model_repo_is_local = arch.hf_repo.empty(),
               .model_family = arch.family,
               .ftcost_version = FTCOST_VERSION,
               .gpu_memory_gb = resolve_gpu(row.offer.gpu, default_gpus()).memory_gb});
  const std::filesystem::path directory(*options.emit_dir);
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) {
    cannot_write(directory, error.message());
  }
  for (const char* name : kBundleFiles) {
    std::filesystem::remove(directory / name, error);
  }
  std::string written;
  for (const render::LaunchFile& file : bundle.files) {
    const std::filesystem::path path = directory / file.name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << file.text;
    out.close();
    if (!out) {
      cannot_write(path, std::strerror(errno));
    }
    written += (written.empty() ? "" : ", ") + file.name;
  }
  for (const std::string& warning : bundle.warnings) {
    std::cerr << "ftcost: warning: --emit: " << warning << '\n';
  }
  for (const render::LaunchRefusal& refusal : bundle.refused) {
    std::cerr << "ftcost: warning: " << refusal.file << " not written: " << refusal.engine << " "
              << refusal.field << ": " << refusal.why << '\n';
  }
  std::cerr << "ftcost: plan #" << options.pick << " written to " << directory.string() << ": "
            << written << '\n';
}

// One configuration search; a setup impossible on that count (e.g. sharding rules) is a
// rejection of those offers, not an error of the whole plan.
DurationEstimate search(const ModelArch& arch, const ResolvedSetup& resolved,
                        const SetupRequest& setup, const Gpu& gpu, std::int64_t gpus,
                        const Workload& workload) {
  try {
    return estimate_duration(arch, resolved, setup, gpu, gpus, workload);
  } catch (const InputError& error) {
    DurationEstimate run;
    run.gpu_id = gpu.id;
    run.gpus = gpus;
    run.why_not = error.problem();
    return run;
  }
}

// The duration model for one (GPU, count): estimate_duration searches micro-batch and
// checkpointing, and ZeRO-3 when data parallel does not fit (docs/planner.md#enumeration).
DurationFunction duration_function(const ModelArch& arch, const ResolvedSetup& resolved,
                                   const SetupRequest& setup, const Workload& workload) {
  return [&arch, &resolved, &setup, &workload](const std::string& gpu_id, std::int64_t gpus) {
    return search(arch, resolved, setup, resolve_gpu(gpu_id, default_gpus()), gpus, workload);
  };
}

// What fills the memory of the first ranked plans' GPUs, for the html report: the memory model
// on each run's chosen setup, against the GPU's usable memory.
std::vector<render::PlanMemory> top_plan_memory(const ModelArch& arch, const Plan& result) {
  std::vector<render::PlanMemory> memory;
  for (std::size_t i = 0; i < std::min(result.rows.size(), render::kHtmlMemoryPlans); ++i) {
    const PlanRow& row = result.rows[i];
    memory.push_back({.rank = i + 1,
                      .estimate = estimate_memory(arch, row.run.setup),
                      .capacity_bytes = gib_to_bytes(row.run.capacity_gib)});
  }
  return memory;
}

ExitCode exit_code(PlanOutcome outcome) {
  switch (outcome) {
    case PlanOutcome::Ok:
      return ExitCode::Ok;
    case PlanOutcome::NoFit:
      return ExitCode::NoFit;
    case PlanOutcome::OverBudget:
      return ExitCode::OverBudget;
  }
  return ExitCode::Internal;
}

// No offer passed --gpu/--provider/--tier/--region/--max-gpus: a usage error (exit 2) naming
// the filters, not "nothing fits" (exit 4), which means offers were tried and none could run.
void check_filters_matched(const Plan& result, const PlanRequest& request, const Catalog& catalog) {
  if (result.candidates > 0 || !result.rejected.empty()) {
    return;
  }
  std::vector<std::string> filters;
  const auto add = [&filters](const std::string& flag, const std::vector<std::string>& values) {
    if (!values.empty()) {
      filters.push_back(flag + " " + join_names(values));
    }
  };
  add("--gpu", request.gpus);
  add("--provider", request.providers);
  add("--region", request.regions);
  if (request.tier != TierFilter::Any) {
    filters.push_back("--tier " + std::string(name_of(request.tier)));
  }
  if (request.max_gpus != PlanRequest{}.max_gpus) {
    filters.push_back("--max-gpus " + std::to_string(request.max_gpus));
  }
  const std::string where =
      filters.empty() ? "--catalog" : filters.front().substr(0, filters.front().find(' '));
  const std::string what = filters.empty()
                               ? "the catalog has no offers"
                               : "no offer of the catalog matches " + join_names(filters);
  const bool regions_known = std::any_of(catalog.offers.begin(), catalog.offers.end(),
                                         [](const Offer& o) { return !o.region.empty(); });
  const std::string accepted =
      !request.regions.empty() && !regions_known
          ? "the catalog's offers carry no region: --region needs an imported catalog "
            "(--catalog-add, docs/catalog.md#import)"
          : "widen the filters; `ftcost providers` lists the offers";
  throw InputError("", where, what, accepted, ExitCode::Usage);
}

ExitCode run_plan(PlanOptions& options) {
  const std::vector<Assumption> config_notes =
      apply_from_config(options.from_config, options.model, options.setup, &options.workload);
  const ResolvedWorkload workload = resolve_workload_options(options.workload);
  ResolvedModel model = resolve_model(options.model, default_model_presets());
  // Resolved once: bad setup flags fail before any offer is tried, and every (GPU, count)
  // reuses it (on_gpu_count).
  const ResolvedSetup resolved = resolve_setup(model.arch, options.setup);
  const LoadedCatalog loaded = load_selected_catalog(options.catalog, AgeWarning::Caller);
  std::vector<Assumption> gpu_notes;
  PlanRequest request = plan_request(
      options.flags, loaded.catalog(),
      artifact_sizes(model.arch, resolved.setup, workload.workload.dataset_tokens), gpu_notes);
  request.keep_points = options.format == OutputFormat::Html;  // the report's cost × time chart
  Plan result = plan(request, loaded.catalog(),
                     duration_function(model.arch, resolved, options.setup, workload.workload));
  check_filters_matched(result, request, loaded.catalog());
  render::PlanContext context{.model_id = model.arch.id,
                              .model_name = model.arch.name,
                              .params_total = count_params(model.arch).total,
                              .params_active = count_params(model.arch).active,
                              .method = resolved.setup.method,
                              .dataset_tokens = workload.workload.dataset_tokens,
                              .epochs = workload.workload.epochs,
                              .packing = workload.workload.packing,
                              .eval_share = workload.workload.eval_share,
                              .startup_s = workload.workload.startup_s,
                              .catalog_origin = loaded.origin,
                              .catalog_version = loaded.catalog().version,
                              .catalog_as_of = loaded.catalog().as_of,
                              .catalog_schema_version = loaded.catalog().schema_version,
                              .catalog_offers = loaded.catalog().offers.size(),
                              .assumptions = std::move(model.assumptions)};
  // The search chose micro-batch, accumulation and checkpointing per offer, so the setup
  // assumptions shown are the top plan's (estimate_duration drops the defaults it overrode).
  const std::vector<Assumption> setup_notes =
      result.rows.empty() ? resolved.assumptions() : result.rows.front().run.assumptions;
  const std::vector<Assumption>& gpu_assumptions = gpu_notes;
  for (const auto* list : {&config_notes, &gpu_assumptions, &workload.assumptions, &setup_notes}) {
    context.assumptions.insert(context.assumptions.end(), list->begin(), list->end());
  }
  print_warnings(context.assumptions);
  std::vector<Offer> shown;
  for (const PlanRow& row : result.rows) {
    shown.push_back(row.offer);
  }
  warn_stale_offers_shown(shown, loaded.origin, options.catalog);
  const auto doubtful = std::count_if(result.rows.begin(), result.rows.end(),
                                      [](const PlanRow& row) { return !row.price_caveat.empty(); });
  if (doubtful > 0) {
    std::cerr << "ftcost: warning: " << doubtful << " of the " << result.rows.size()
              << " plans shown rest on doubtful prices (low_confidence; e.g. "
              << std::find_if(result.rows.begin(), result.rows.end(),
                              [](const PlanRow& row) { return !row.price_caveat.empty(); })
                     ->price_caveat
              << ")\n";
  }
  const PlanOutcome outcome = result.outcome;
  const bool emit = options.emit_dir && !result.rows.empty();
  if (emit && static_cast<std::size_t>(options.pick) > result.rows.size()) {
    throw InputError("", "--pick",
                     "plan #" + std::to_string(options.pick) + " does not exist (" +
                         std::to_string(result.rows.size()) + " plans ranked)",
                     "1 to " + std::to_string(result.rows.size()) + ", or a larger --top");
  }
  render::PlanTableOptions table = options.table;
  table.style = text_style(options.color);
  std::vector<render::PlanMemory> memory = options.format == OutputFormat::Html
                                               ? top_plan_memory(model.arch, result)
                                               : std::vector<render::PlanMemory>{};
  const render::PlanReport report{.plan = std::move(result),
                                  .request = request,
                                  .context = std::move(context),
                                  .table = table,
                                  .memory = std::move(memory)};
  if (emit) {
    write_bundle(report, options, model.arch);
  } else if (options.emit_dir) {
    std::cerr << "ftcost: warning: --emit: no plan fits, so no launch files were written\n";
  }
  render::render_plan(report, options.format, std::cout);
  return exit_code(outcome);
}

}  // namespace

void add_plan_command(CLI::App& subcommand, ExitCode& result) {
  auto options = std::make_shared<PlanOptions>();
  CLI::App* command = &subcommand;
  add_model_option(*command, options->model);
  add_from_config_option(*command, options->from_config);
  add_setup_options(*command, options->setup);
  // The GPU count comes from each offer's shape; --max-gpus bounds it.
  command->remove_option(command->get_option("--gpus"));
  add_workload_options(*command, options->workload);
  add_plan_flags(*command, options->flags);
  add_catalog_options(*command, options->catalog);
  command->add_flag("--verbose,-v", options->table.verbose,
                    "Also list every assumption and every rejected offer with its reason");
  command->add_flag("--wide", options->table.wide,
                    "Table: every cost line item, p90 hours and p90 $ (about 150 columns)");
  add_format_option(
      *command, options->format,
      std::array{OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv, OutputFormat::Html});
  add_color_option(*command, options->color);
  CLI::Option* emit = command->add_option(
      "--emit", options->emit_dir,
      "Write launch files for plan --pick into DIR: sky.yaml, task.dstack.yml, axolotl.yaml, "
      "ds_config.json when sharded, plan.json (docs/launch.md)");
  emit->type_name("DIR")->check(file_path());
  add_integer_option(*command, "--pick", options->pick, 1, 1000,
                     "Which ranked plan --emit writes (default: 1)")
      ->needs(emit);
  command->callback([options, &result] { result = run_plan(*options); });
}

}  // namespace ftcost::cli
