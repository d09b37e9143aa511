// `ftcost time`: how long a fine-tune takes on N GPUs of one type (docs/duration-model.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "config_options.hpp"
#include "enum_option.hpp"
#include "ftcost/duration/duration.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/render/duration_render.hpp"
#include "number_option.hpp"
#include "setup_options.hpp"
#include "subject_options.hpp"
#include "warnings.hpp"
#include "workload_options.hpp"

namespace ftcost::cli {
namespace {

// From a slow 1 Gbit/s Ethernet (0.125 GB/s) to far beyond NVLink 5 (900 GB/s per direction).
constexpr double kMinLinkGbPerS = 0.1;
constexpr double kMaxLinkGbPerS = 10'000;

struct TimeOptions {
  std::string model;
  std::optional<std::string> from_config;  ///< --from-config FILE
  std::optional<std::string> gpu;
  SetupRequest request;
  WorkloadOptions workload;
  std::optional<double> link_gb_per_s;
  OutputFormat format = OutputFormat::Table;
};

ExitCode run_time(TimeOptions& options) {
  const std::vector<Assumption> config_notes =
      apply_from_config(options.from_config, options.model, options.request, &options.workload);
  const ResolvedWorkload workload = resolve_workload_options(options.workload);
  const ResolvedModel model = resolve_model(options.model, default_model_presets());
  const GpuChoice gpu = choose_builtin_gpu(*options.gpu);
  const ResolvedSetup resolved = resolve_setup(model.arch, options.request);
  DurationEstimate run =
      estimate_duration(model.arch, resolved, options.request, *gpu.gpu, resolved.setup.gpus,
                        workload.workload, {.link_gb_per_s = options.link_gb_per_s});
  auto& notes = run.assumptions;
  notes.insert(notes.begin(), workload.assumptions.begin(), workload.assumptions.end());
  if (gpu.assumption) {
    notes.insert(notes.begin(), *gpu.assumption);
  }
  notes.insert(notes.begin(), config_notes.begin(), config_notes.end());
  notes.insert(notes.begin(), model.assumptions.begin(), model.assumptions.end());
  print_warnings(notes);
  const bool fits = run.fits;
  render::render_duration({.model_id = model.arch.id,
                           .model_name = model.arch.name,
                           .params_total = count_params(model.arch).total,
                           .params_active = count_params(model.arch).active,
                           .dataset_tokens = workload.workload.dataset_tokens,
                           .epochs = workload.workload.epochs,
                           .run = std::move(run)},
                          options.format, std::cout);
  return fits ? ExitCode::Ok : ExitCode::NoFit;
}

}  // namespace

void add_time_command(CLI::App& subcommand, ExitCode& result) {
  auto options = std::make_shared<TimeOptions>();
  CLI::App* command = &subcommand;
  add_model_option(*command, options->model);
  add_from_config_option(*command, options->from_config);
  add_gpu_option(*command, options->gpu)->required();
  add_setup_options(*command, options->request, BatchDefault::Searched);
  add_workload_options(*command, options->workload);
  add_number_option(*command, "--link-gb-per-s", options->link_gb_per_s, kMinLinkGbPerS,
                    kMaxLinkGbPerS, "Override the per-GPU collective bandwidth, GB/s");
  add_format_option(*command, options->format, kTextFormats);
  command->callback([options, &result] { result = run_time(*options); });
}

}  // namespace ftcost::cli
