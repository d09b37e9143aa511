// `ftcost vram`: peak GPU memory per GPU for a model and training setup.
#include "vram_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "enum_option.hpp"
#include "ftcost/models.hpp"
#include "ftcost/resolve.hpp"
#include "ftcost/units.hpp"
#include "ftcost/vram_fit.hpp"
#include "ftcost/vram_render.hpp"
#include "setup_options.hpp"

namespace ftcost::cli {

namespace {

constexpr double kMaxCapacityGib = 100'000;  // far above any GPU; rejects absurd values

struct VramOptions {
  std::string model;
  SetupRequest request;
  std::optional<double> capacity_gib;
  OutputFormat format = OutputFormat::Table;
};

FitReport fit_report(const ModelArch& arch, const TrainingSetup& setup, const VramEstimate& e,
                     double capacity_gib) {
  FitReport fit;
  fit.capacity_label = fmt::format("{:.1f} GiB", capacity_gib);
  fit.capacity_bytes = gib_to_bytes(capacity_gib);
  fit.headroom_bytes = fit.capacity_bytes - (e.device_total_bytes - e.paged_optimizer_bytes);
  fit.fits = fit.headroom_bytes >= 0;
  fit.largest_micro_batch = largest_micro_batch(arch, setup, fit.capacity_bytes);
  fit.longest_seq_len = longest_seq_len(arch, setup, fit.capacity_bytes);
  return fit;
}

ExitCode run_vram(const VramOptions& options) {
  ResolvedModel model = resolve_model(options.model, default_model_presets());
  ResolvedSetup resolved = resolve_setup(model.arch, options.request);
  VramReport report;
  report.arch = &model.arch;
  report.setup = resolved.setup;
  report.estimate = estimate_vram(model.arch, resolved.setup);
  if (options.capacity_gib) {
    report.fit = fit_report(model.arch, resolved.setup, report.estimate, *options.capacity_gib);
  }
  report.assumptions = std::move(model.assumptions);
  report.assumptions.insert(report.assumptions.end(), resolved.assumptions.begin(),
                            resolved.assumptions.end());
  report.assumptions.insert(report.assumptions.end(), report.estimate.assumptions.begin(),
                            report.estimate.assumptions.end());
  render_vram(report, options.format, std::cout);
  return report.fit && !report.fit->fits ? ExitCode::NoFit : ExitCode::Ok;
}

}  // namespace

void add_vram_command(CLI::App& app, ExitCode& result) {
  auto options = std::make_shared<VramOptions>();
  CLI::App* command =
      app.add_subcommand("vram", "Peak GPU memory per GPU for a fine-tune, by component and phase");
  command->add_option("--model", options->model, "Preset id, size alias or config.json path")
      ->required();
  add_setup_options(*command, options->request);
  command
      ->add_option_function<double>(
          "--vram", [options](double gib) { options->capacity_gib = gib; },
          "GPU memory in GiB: report fit, headroom, largest micro-batch and seq-len")
      ->check(CLI::Range(0.001, kMaxCapacityGib));
  add_format_option(*command, options->format);
  command->callback([options, &result] { result = run_vram(*options); });
}

}  // namespace ftcost::cli
