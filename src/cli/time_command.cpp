// `ftcost time`: how long a fine-tune takes on N GPUs of one type (docs/duration-model.md).
#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "commands.hpp"
#include "enum_option.hpp"
#include "ftcost/duration.hpp"
#include "ftcost/gpus.hpp"
#include "ftcost/models.hpp"
#include "ftcost/workload.hpp"
#include "render/run_render.hpp"
#include "workload_options.hpp"

namespace ftcost::cli {
namespace {

struct TimeOptions {
  std::string model;
  std::string gpu;
  std::int64_t gpus = 1;
  SetupRequest request;
  WorkloadOptions workload;
  std::optional<double> link_gb_per_s;
  OutputFormat format = OutputFormat::Table;
};

void add_setup_flags(CLI::App& command, SetupRequest& request) {
  add_enum_option(command, "--method", request.method, "full, lora or qlora");
  add_enum_option(command, "--framework", request.framework, "Training stack");
  add_enum_option(command, "--precision", request.precision, "Training precision");
  add_enum_option(command, "--optimizer", request.optimizer, "Optimizer");
  add_enum_option(command, "--grad-ckpt", request.grad_ckpt,
                  "Gradient checkpointing (default: only when needed)");
  add_enum_option(command, "--attention", request.attention, "Attention kernel");
  add_enum_option(command, "--quant", request.quant, "Base-weight storage under LoRA");
  add_enum_option(command, "--sharding", request.sharding, "Multi-GPU sharding");
  command.add_option("--seq-len", request.seq_len, "Tokens per sequence");
  command.add_option("--micro-batch", request.micro_batch,
                     "Sequences per GPU per step (default: the largest that fits)");
  command.add_option("--grad-accum", request.grad_accum, "Micro-batches per optimizer step");
  command.add_option("--lora-rank", request.lora_rank, "LoRA rank");
}

ExitCode run_time(const TimeOptions& options) {
  const ResolvedWorkload workload = resolve_workload_options(options.workload);
  const ResolvedModel model = resolve_model(options.model, default_model_presets());
  const GpuChoice gpu = choose_gpu(options.gpu, default_gpus());
  RunEstimate run = estimate_run(model.arch, options.request, *gpu.gpu, options.gpus,
                                 workload.workload, {.link_gb_per_s = options.link_gb_per_s});
  auto& notes = run.assumptions;
  notes.insert(notes.begin(), workload.assumptions.begin(), workload.assumptions.end());
  if (gpu.assumption) {
    notes.insert(notes.begin(), *gpu.assumption);
  }
  notes.insert(notes.begin(), model.assumptions.begin(), model.assumptions.end());
  render::render_run(run, options.format, std::cout);
  return run.fits ? ExitCode::Ok : ExitCode::NoFit;
}

}  // namespace

void add_time_command(CLI::App& app, ExitCode& result) {
  auto options = std::make_shared<TimeOptions>();
  CLI::App* command =
      app.add_subcommand("time", "Training time on N GPUs of one type: tokens/s, step time, hours");
  command->add_option("--model", options->model, "Preset id, size alias or config.json path")
      ->required();
  command->add_option("--gpu", options->gpu, "GPU id or common spelling (ftcost gpus)")->required();
  command->add_option("--gpus", options->gpus, "GPUs used (data parallel)")
      ->check(CLI::Range(std::int64_t{1}, std::int64_t{65536}));
  command
      ->add_option("--link-gb-per-s", options->link_gb_per_s,
                   "Override the per-GPU collective bandwidth, GB/s")
      ->check(CLI::PositiveNumber);
  add_setup_flags(*command, options->request);
  add_workload_options(*command, options->workload);
  add_format_option(*command, options->format);
  command->callback([options, &result] { result = run_time(*options); });
}

}  // namespace ftcost::cli
