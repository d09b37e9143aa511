// `ftcost vram`: peak GPU memory per GPU for a model and training setup.
#include "vram_command.hpp"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "color_option.hpp"
#include "config_options.hpp"
#include "enum_option.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/load/model_load.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "ftcost/render/memory_render.hpp"
#include "ftcost/setup/resolve.hpp"
#include "number_option.hpp"
#include "setup_options.hpp"
#include "subject_options.hpp"
#include "warnings.hpp"

namespace ftcost::cli {

namespace {

// Far outside any GPU; they reject absurd values and typos, not real hardware.
constexpr double kMinCapacityGib = 0.001;
constexpr double kMaxCapacityGib = 100'000;

struct VramOptions {
  std::string model;
  std::optional<std::string> from_config;  ///< --from-config FILE
  SetupRequest request;
  std::optional<double> capacity_gib;
  std::optional<std::string> gpu;
  OutputFormat format = OutputFormat::Table;
  ColorChoice color = ColorChoice::Auto;  ///< --color: how the table's bars are drawn
};

/// The memory to fit into: a plain --vram figure or a GPU's usable memory.
struct Capacity {
  std::string label;
  std::string source;  ///< "--vram" or the GPU id
  double gib = 0;
};

// The single switches people make to fit a job without changing its batch, those that fit alone
// (docs/memory-model.md#to-fit): recomputation, 8-bit AdamW, pure bf16, optimizer offload.
std::vector<std::string> memory_savers(const ModelArch& arch, const TrainingSetup& setup,
                                       double capacity_bytes) {
  std::vector<std::string> savers;
  const auto try_switch = [&](const std::string& flag, auto change) {
    TrainingSetup changed = setup;
    if (change(changed) && fits(arch, changed, capacity_bytes)) {
      savers.push_back(flag);
    }
  };
  try_switch("--grad-ckpt full", [](TrainingSetup& s) {
    return s.grad_ckpt == GradCkpt::None ? (s.grad_ckpt = GradCkpt::Full, true) : false;
  });
  try_switch("--optimizer adamw-8bit", [](TrainingSetup& s) {
    return s.optimizer == Optimizer::AdamW ? (s.optimizer = Optimizer::AdamW8bit, true) : false;
  });
  try_switch("--precision bf16-true", [](TrainingSetup& s) {
    if (s.method != Method::Full || s.precision != Precision::Bf16Mixed) {
      return false;
    }
    s.precision = Precision::Bf16True;
    return true;
  });
  try_switch("--cpu-offload optimizer", [](TrainingSetup& s) {
    return s.cpu_offload == CpuOffload::None ? (s.cpu_offload = CpuOffload::Optimizer, true)
                                             : false;
  });
  return savers;
}

render::FitReport fit_report(const ModelArch& arch, const TrainingSetup& setup,
                             const MemoryEstimate& e, const Capacity& capacity) {
  render::FitReport fit;
  fit.capacity_label = capacity.label;
  fit.capacity_source = capacity.source;
  fit.capacity_bytes = gib_to_bytes(capacity.gib);
  fit.headroom_bytes = fit.capacity_bytes - fit_bytes(e);
  fit.fits = fit.headroom_bytes >= 0;
  fit.largest_micro_batch = largest_micro_batch(arch, setup, fit.capacity_bytes);
  fit.longest_seq_len = longest_seq_len(arch, setup, fit.capacity_bytes);
  fit.longest_seq_len_is_context =
      fit.longest_seq_len && *fit.longest_seq_len == arch.max_position_embeddings;
  fit.same_step_split = same_step_split(arch, setup, fit.capacity_bytes);
  if (!fit.fits) {
    fit.memory_savers = memory_savers(arch, setup, fit.capacity_bytes);
  }
  return fit;
}

// With --gpu, the setup is first adapted to the GPU exactly as `ftcost time` adapts it (fp16 and
// SDPA before Ampere), so both commands estimate the same run.
std::optional<Capacity> capacity_for(const VramOptions& options, TrainingSetup& setup,
                                     std::vector<Assumption>& notes) {
  if (options.capacity_gib) {
    return Capacity{.label = fmt::format("{:.1f} GiB", *options.capacity_gib),
                    .source = "--vram",
                    .gib = *options.capacity_gib};
  }
  if (!options.gpu) {
    return std::nullopt;
  }
  const GpuChoice choice = choose_builtin_gpu(*options.gpu);
  if (choice.assumption) {
    notes.push_back(*choice.assumption);
  }
  const std::vector<Assumption> adapted = adapt_to_gpu(setup, *choice.gpu, options.request);
  notes.insert(notes.end(), adapted.begin(), adapted.end());
  return Capacity{
      .label = fmt::format("{} ({:.2f} GiB usable)", choice.gpu->id, choice.gpu->memory_gib),
      .source = choice.gpu->id,
      .gib = choice.gpu->memory_gib};
}

ExitCode run_vram(VramOptions& options) {
  const std::vector<Assumption> config_notes =
      apply_from_config(options.from_config, options.model, options.request, nullptr);
  ResolvedModel model = resolve_model(options.model, default_model_presets());
  ResolvedSetup resolved = resolve_setup(model.arch, options.request);
  render::MemoryReport report;
  report.arch = &model.arch;
  report.assumptions = std::move(model.assumptions);
  report.assumptions.insert(report.assumptions.end(), config_notes.begin(), config_notes.end());
  const std::vector<Assumption> setup_notes = resolved.assumptions();
  report.assumptions.insert(report.assumptions.end(), setup_notes.begin(), setup_notes.end());
  const std::optional<Capacity> capacity =
      capacity_for(options, resolved.setup, report.assumptions);
  report.setup = resolved.setup;
  report.estimate = estimate_memory(model.arch, resolved.setup);
  if (capacity) {
    report.fit = fit_report(model.arch, resolved.setup, report.estimate, *capacity);
  }
  report.assumptions.insert(report.assumptions.end(), report.estimate.assumptions.begin(),
                            report.estimate.assumptions.end());
  report.style = text_style(options.color);
  print_warnings(report.assumptions);
  render::render_memory(report, options.format, std::cout);
  return report.fit && !report.fit->fits ? ExitCode::NoFit : ExitCode::Ok;
}

}  // namespace

void add_vram_command(CLI::App& subcommand, ExitCode& result) {
  auto options = std::make_shared<VramOptions>();
  CLI::App* command = &subcommand;
  add_model_option(*command, options->model);
  add_from_config_option(*command, options->from_config);
  add_setup_options(*command, options->request);
  CLI::Option* vram =
      add_number_option(*command, "--vram", options->capacity_gib, kMinCapacityGib, kMaxCapacityGib,
                        "GPU memory in GiB: report fit, headroom, largest micro-batch and seq-len");
  add_gpu_option(*command, options->gpu)
      ->description("GPU id or spelling (ftcost gpus): fit in its usable memory, as --vram does")
      ->excludes(vram);
  add_format_option(
      *command, options->format,
      std::array{OutputFormat::Table, OutputFormat::Json, OutputFormat::Csv, OutputFormat::Html});
  add_color_option(*command, options->color);
  command->callback([options, &result] { result = run_vram(*options); });
}

}  // namespace ftcost::cli
