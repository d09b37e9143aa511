// The configuration search: the fastest micro-batch / checkpointing choice that fits
// (docs/duration-model.md#search).
#include <algorithm>
#include <cmath>
#include <string>

#include "ftcost/base/error.hpp"
#include "ftcost/base/number_text.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/duration/duration.hpp"
#include "ftcost/duration/end_to_end.hpp"
#include "ftcost/duration/padding.hpp"
#include "ftcost/setup/resolve.hpp"

namespace ftcost {
namespace {

constexpr std::int64_t kLargestMicroBatch = 64;

void check_workload(const Workload& workload) {
  if (!(workload.dataset_tokens > 0) || !std::isfinite(workload.dataset_tokens)) {
    throw InputError("", "--tokens", "training tokens must be > 0", "a positive count like 50M");
  }
  if (!(workload.epochs > 0) || !std::isfinite(workload.epochs)) {
    throw InputError("", "--epochs", "epochs must be > 0", "a positive number like 3");
  }
}

// Micro-batch candidates: the request's when given, else the one --grad-accum implies, else (no
// accumulation possible under optimizer-in-backward) the whole per-GPU batch, else every divisor
// of the per-GPU batch up to kLargestMicroBatch, so that micro-batch x grad-accum is the per-GPU
// batch exactly (check_batch_flags made it divisible).
std::vector<std::int64_t> micro_batch_choices(const SetupRequest& request,
                                              const TrainingSetup& base,
                                              std::int64_t per_gpu_batch) {
  if (request.micro_batch) {
    return {*request.micro_batch};
  }
  if (request.grad_accum) {
    return {std::max<std::int64_t>(1, per_gpu_batch / *request.grad_accum)};
  }
  if (base.optimizer_in_backward) {
    return {per_gpu_batch};
  }
  std::vector<std::int64_t> choices;
  for (std::int64_t b = 1; b <= std::min(per_gpu_batch, kLargestMicroBatch); ++b) {
    if (per_gpu_batch % b == 0) {
      choices.push_back(b);
    }
  }
  return choices;
}

std::vector<TrainingSetup> candidates(const TrainingSetup& base, const SetupRequest& request,
                                      std::int64_t per_gpu_batch, GradCkpt ckpt) {
  std::vector<TrainingSetup> setups;
  for (const std::int64_t micro_batch : micro_batch_choices(request, base, per_gpu_batch)) {
    TrainingSetup setup = base;
    setup.micro_batch = micro_batch;
    setup.grad_ckpt = ckpt;
    setup.grad_accum = request.grad_accum ? *request.grad_accum
                                          : std::max<std::int64_t>(1, per_gpu_batch / micro_batch);
    if (setup.grad_accum <= kMaxGradAccum) {
      setups.push_back(setup);
    }
  }
  return setups;
}

// An explicit --global-batch must split exactly into GPUs x micro-batch x grad-accum; flags that
// contradict it are usage errors naming both (docs/duration-model.md#search).
void check_batch_flags(const SetupRequest& request, std::int64_t global, std::int64_t gpus) {
  const std::string stated = "--global-batch " + std::to_string(global);
  if (global % gpus != 0) {
    throw InputError("", "--global-batch",
                     stated + " does not split evenly over " + std::to_string(gpus) + " GPUs",
                     "a multiple of --gpus");
  }
  const std::int64_t per_gpu = global / gpus;
  if (per_gpu > kLargestMicroBatch * kMaxGradAccum) {
    throw InputError("", "--global-batch",
                     stated + " needs more than " + std::to_string(kMaxGradAccum) +
                         " micro-batches of " + std::to_string(kLargestMicroBatch) +
                         " sequences per GPU per step",
                     "at most " + std::to_string(kLargestMicroBatch * kMaxGradAccum * gpus) +
                         " sequences on " + std::to_string(gpus) + " GPU(s)");
  }
  const auto per_gpu_text = std::to_string(per_gpu) + " sequences per GPU";
  if (request.micro_batch && request.grad_accum &&
      *request.micro_batch * *request.grad_accum != per_gpu) {
    throw InputError("", "--global-batch",
                     stated + " contradicts --micro-batch " + std::to_string(*request.micro_batch) +
                         " x --grad-accum " + std::to_string(*request.grad_accum),
                     "micro-batch x grad-accum = " + per_gpu_text + ", or drop one of them");
  }
  for (const auto& [field, value] : {std::pair{SetupField::MicroBatch, request.micro_batch},
                                     std::pair{SetupField::GradAccum, request.grad_accum}}) {
    const std::string flag = flag_of(field);
    if (value && per_gpu % *value != 0) {
      std::string problem = stated;
      problem += " (" + per_gpu_text + ") is not a multiple of ";
      problem += flag + " " + std::to_string(*value);
      std::string accepted = "a " + flag;
      accepted += " that divides " + per_gpu_text;
      throw InputError("", "--global-batch", problem, accepted);
    }
  }
}

// Recomputation costs a forward pass, so it is tried only when nothing fits without it.
std::vector<GradCkpt> checkpointing_order(const SetupRequest& request) {
  if (request.grad_ckpt) {
    return {*request.grad_ckpt};
  }
  return {GradCkpt::None, GradCkpt::Full};
}

// A step that outgrows the whole run is a recipe no one trains with: say so rather than print
// hours for a fraction of one step.
void warn_step_beyond_run(DurationEstimate& run, const Workload& workload) {
  // Real tokens on both sides: a step's sequences at their real length, the run after truncation.
  const double step_tokens =
      static_cast<double>(run.setup.micro_batch * run.setup.grad_accum * run.gpus) *
      run.sequence_tokens * run.padding_efficiency;
  const double run_tokens = trained_tokens_per_epoch(workload, run.setup.seq_len) * workload.epochs;
  if (step_tokens > run_tokens) {
    run.assumptions.push_back({.text = "one optimizer step takes " +
                                       std::to_string(static_cast<std::int64_t>(step_tokens)) +
                                       " tokens, more than the whole run's " +
                                       std::to_string(static_cast<std::int64_t>(run_tokens)) +
                                       ": the hours are for less than one step",
                               .source = "docs/duration-model.md#search",
                               .warning = true});
  }
}

// The 80% range of the throughput and hours, from the leave-one-source-out residuals.
void set_range(DurationEstimate& run, const Gpu& gpu) {
  run.band_calibrated = throughput_calibrated(gpu, run.setup.framework);
  const ThroughputBand band = throughput_band(run.band_calibrated);
  run.tokens_per_s_per_gpu_low = run.tokens_per_s_per_gpu * band.low_factor;
  run.tokens_per_s_per_gpu_high = run.tokens_per_s_per_gpu * band.high_factor;
  // Steady steps and evaluation scale with throughput; startup does not.
  const double scaled = run.steady_train_hours + run.eval_hours;
  run.train_hours_low = scaled / band.high_factor + run.startup_hours;
  run.train_hours_high = scaled / band.low_factor + run.startup_hours;
  const std::string range = "x" + fixed_number(band.low_factor, 2) + " to x" +
                            fixed_number(band.high_factor, 2) + " the point estimate";
  if (run.band_calibrated) {
    run.assumptions.push_back(
        {"80% range of tokens/s: " + range +
             " (measured runs from sources the fit never saw fell inside 81.2% of the time)",
         "docs/duration-model.md#uncertainty"});
  } else {
    run.assumptions.push_back({"80% range of tokens/s: " + range + ", widened " +
                                   short_number(kUncalibratedBandWidening) +
                                   "x: no measured run calibrates " + gpu.architecture +
                                   " GPUs with --framework " +
                                   std::string(name_of(run.setup.framework)),
                               "docs/duration-model.md#uncertainty"});
  }
}

// What the hours add to the steady-state steps, and what they leave to the planner.
void state_end_to_end(DurationEstimate& run, const Workload& workload) {
  std::string text =
      "end-to-end hours add " + short_number(run.startup_hours * kSecondsPerHour) +
      " s of startup (" +
      (workload.startup_s ? std::string("--startup-s")
                          : std::string(run.setup.compiled ? "assumed, with torch.compile"
                                                           : "assumed; --startup-s sets it")) +
      ")";
  text += workload.eval_share > 0
              ? " and evaluation of " + short_number(100 * workload.eval_share) +
                    "% of the tokens each epoch (--eval-share)"
              : " and no evaluation (--eval-share 0, Transformers' eval_strategy \"no\")";
  text += "; checkpoint saves and restarts are costed by `ftcost plan`";
  run.assumptions.push_back({.text = text, .source = "docs/duration-model.md#end-to-end"});
}

/// The fastest candidate that fits (useful_tokens_per_s > 0), and the one nearest to fitting.
struct SearchResult {
  TrainingSetup fastest;
  double useful_tokens_per_s = 0;  ///< per GPU; 0 when nothing fits
  double tokens_per_s = 0;         ///< per GPU, padding included
  SequenceFill fill;               ///< of the fastest
  double step_s = 0;               ///< of the fastest
  double reserved_gib = 0;         ///< of the fastest
  double mfu = 0;                  ///< of the fastest
  TrainingSetup closest;           ///< smallest peak: what is reported when nothing fits
  double smallest_peak_gib = 0;
};

// Memory is sized for a full --seq-len micro-batch (the longest batch sets the peak); time for
// the expected padded length, and the search maximizes real tokens per second, so padding
// counts against large micro-batches of unpacked samples.
SearchResult search(const ModelArch& arch, const TrainingSetup& base, const SetupRequest& request,
                    std::int64_t per_gpu, const Gpu& gpu, const Workload& workload,
                    const MemoryModel& memory, const DurationOptions& options) {
  SearchResult result{.fastest = base, .fill = {}, .closest = base};
  for (const GradCkpt ckpt : checkpointing_order(request)) {
    for (const TrainingSetup& setup : candidates(base, request, per_gpu, ckpt)) {
      const MemoryNeed need = memory(setup);
      const double peak_gib = bytes_to_gib(need.fit_bytes);
      if (result.smallest_peak_gib == 0 || peak_gib < result.smallest_peak_gib) {
        result.smallest_peak_gib = peak_gib;
        result.closest = setup;
      }
      const SequenceFill fill = sequence_fill(workload, setup.seq_len, setup.micro_batch);
      TrainingSetup timed = setup;
      // Whole tokens: the step runs ceil(padded length) tokens per sequence, never fewer than the
      // real ones, so useful <= processed holds exactly.
      timed.seq_len = std::max<std::int64_t>(
          1, static_cast<std::int64_t>(std::ceil(fill.processed_tokens - 1e-9)));
      const StepTime step = step_time(arch, timed, gpu, options);
      const double sequences = static_cast<double>(setup.micro_batch * setup.grad_accum);
      const double useful_per_sequence =
          std::min(fill.useful_tokens, static_cast<double>(timed.seq_len));
      const double useful_tokens_per_s = sequences * useful_per_sequence / step.total_s;
      if (peak_gib <= gpu.memory_gib && useful_tokens_per_s > result.useful_tokens_per_s) {
        result.useful_tokens_per_s = useful_tokens_per_s;
        result.tokens_per_s = step.tokens / step.total_s;
        result.fill = {.processed_tokens = static_cast<double>(timed.seq_len),
                       .useful_tokens = useful_per_sequence,
                       .measured = fill.measured};
        result.step_s = step.total_s;
        result.fastest = setup;
        result.reserved_gib = bytes_to_gib(need.reserved_bytes);
        result.mfu = flops_per_token(arch, timed).total() * result.tokens_per_s /
                     (datasheet_peak_tflops(gpu, setup.precision) * 1e12);
      }
    }
    if (result.useful_tokens_per_s > 0) {
      break;
    }
  }
  return result;
}

// What truncation cut from unpacked samples, and what padding did to the chosen micro-batch
// when sample lengths were measured.
void state_padding(DurationEstimate& run, const Workload& workload) {
  if (workload.packing == Packing::On) {
    return;
  }
  const double dropped =
      1 - trained_tokens_per_epoch(workload, run.setup.seq_len) / workload.dataset_tokens;
  if (dropped > 0.01) {
    // One decimal near 100%, so 99.9% never reads "100%".
    const int decimals = dropped > 0.995 ? 1 : 0;
    run.assumptions.push_back({.text = fixed_number(100 * dropped, decimals) +
                                       "% of the dataset's tokens lie beyond --seq-len " +
                                       std::to_string(run.setup.seq_len) +
                                       " and are truncated (not trained, not timed)",
                               .source = "docs/duration-model.md#padding",
                               .warning = true});
  }
  if (workload.sample_lengths.empty()) {
    return;
  }
  run.assumptions.push_back(
      {.text = "unpacked micro-batches of " + std::to_string(run.setup.micro_batch) +
               " padded to their longest sample: " +
               std::to_string(std::lround(run.sequence_tokens)) + " tokens per sequence, " +
               std::to_string(std::lround(run.sequence_tokens * run.padding_efficiency)) +
               " of them real (" + std::to_string(std::lround(100 * run.padding_efficiency)) + "%)",
       .source = "docs/duration-model.md#padding"});
}

// Full fine-tuning that fits nowhere at the requested optimizer and precision: the memory-saving
// variants people switch to, in the order they give up least (docs/duration-model.md#search):
// bitsandbytes 8-bit AdamW (states 2 B instead of 8 B per parameter), then pure bf16 weights,
// gradients and states (bf16-true: 8 B instead of 16 B), then both. Only the settings the user
// left to the defaults are changed.
std::vector<TrainingSetup> memory_saving_variants(const TrainingSetup& base,
                                                  const SetupRequest& request, const Gpu& gpu) {
  std::vector<TrainingSetup> variants;
  if (base.method != Method::Full || request.optimizer || request.precision) {
    return variants;
  }
  const bool can_8bit = base.optimizer == Optimizer::AdamW;
  const bool can_bf16 = base.precision == Precision::Bf16Mixed && gpu.bf16_supported;
  if (can_8bit) {
    TrainingSetup v = base;
    v.optimizer = Optimizer::AdamW8bit;
    variants.push_back(v);
  }
  if (can_bf16) {
    TrainingSetup v = base;
    v.precision = Precision::Bf16True;
    variants.push_back(v);
  }
  if (can_8bit && can_bf16) {
    TrainingSetup v = base;
    v.optimizer = Optimizer::AdamW8bit;
    v.precision = Precision::Bf16True;
    variants.push_back(v);
  }
  // The optimizer on the host (its copies and host step are timed, docs #offload). Paged
  // optimizers are not tried: paging their states over PCIe every step is not timed.
  if (can_8bit && base.cpu_offload == CpuOffload::None && !request.cpu_offload) {
    TrainingSetup offload = base;
    offload.cpu_offload = CpuOffload::Optimizer;
    if (can_bf16) {
      offload.precision = Precision::Bf16True;
    }
    variants.push_back(offload);
  }
  return variants;
}

}  // namespace

DurationEstimate estimate_duration_with(const ModelArch& arch, const TrainingSetup& resolved,
                                        const SetupRequest& request, const Gpu& gpu,
                                        std::int64_t gpus, const Workload& workload,
                                        const MemoryModel& memory, const DurationOptions& options) {
  check_workload(workload);
  DurationEstimate run;
  run.gpu_id = gpu.id;
  run.gpus = gpus;
  run.capacity_gib = gpu.memory_gib;
  TrainingSetup base = resolved;
  base.gpus = gpus;
  run.assumptions = adapt_to_gpu(base, gpu, request);
  run.throughput_extrapolated = gpu.vendor != "NVIDIA";
  if (run.throughput_extrapolated) {
    run.assumptions.push_back(
        {.text = gpu.name + ": no measured fine-tuning run on " + gpu.vendor +
                 " GPUs calibrates the duration model; NVIDIA-measured efficiency is applied to " +
                 "the datasheet peak, which training benchmarks found optimistic on ROCm: treat " +
                 "its hours and cost as a lower bound",
         .source = "docs/duration-model.md#amd"});
  }
  if (base.framework == Framework::Unsloth) {
    run.assumptions.push_back(
        {.text = "--framework unsloth: no measured run calibrates its speed; its profile is "
                 "derived from the kernels it replaces (fused Triton RoPE, RMSNorm, SwiGLU, "
                 "cross-entropy) and gives ~1.15x hf at equal settings, below the 1.6-1.9x of "
                 "published comparisons: its hours are likely pessimistic",
         .source = "docs/duration-model.md#frameworks"});
  }
  if (workload.global_batch_sequences > 0) {
    check_batch_flags(request, workload.global_batch_sequences, gpus);
  }
  const std::int64_t per_gpu = workload.global_batch_sequences > 0
                                   ? workload.global_batch_sequences / gpus
                                   : resolved.micro_batch * resolved.grad_accum;
  SearchResult found = search(arch, base, request, per_gpu, gpu, workload, memory, options);
  if (found.useful_tokens_per_s == 0 && options.memory_saving) {
    for (const TrainingSetup& variant : memory_saving_variants(base, request, gpu)) {
      SearchResult saved = search(arch, variant, request, per_gpu, gpu, workload, memory, options);
      if (saved.useful_tokens_per_s > 0) {
        run.assumptions.push_back(
            {.text = "on " + gpu.id + " x" + std::to_string(gpus) + " nothing fit with " +
                     std::string(name_of(base.optimizer)) + " in " +
                     std::string(name_of(base.precision)) + "; the search switched to " +
                     std::string(name_of(variant.optimizer)) + " in " +
                     std::string(name_of(variant.precision)) +
                     (variant.cpu_offload != base.cpu_offload
                          ? " with the optimizer on the host (--cpu-offload optimizer)"
                          : "") +
                     " (set --optimizer and --precision to keep yours)",
             .source = "docs/duration-model.md#search",
             .warning = true});
        found = std::move(saved);
        break;
      }
    }
  }
  if (found.useful_tokens_per_s == 0) {
    // Two decimals, as data/gpus.json lists usable memory.
    run.why_not = "needs " + fixed_number(found.smallest_peak_gib, 2) + " GiB per GPU, has " +
                  fixed_number(gpu.memory_gib, 2) + " GiB";
    run.nearest_peak_gib = found.smallest_peak_gib;
    run.setup = found.closest;
    return run;
  }
  run.fits = true;
  run.setup = found.fastest;
  run.peak_reserved_gib = found.reserved_gib;
  run.mfu = found.mfu;
  if (!request.micro_batch || !request.grad_ckpt) {
    run.assumptions.push_back(
        {.text = "chose micro-batch " + std::to_string(run.setup.micro_batch) + " x grad-accum " +
                 std::to_string(run.setup.grad_accum) + ", grad-ckpt " +
                 std::string(name_of(run.setup.grad_ckpt)) + ": the fastest that fits, keeping " +
                 std::to_string(per_gpu) + (per_gpu == 1 ? " sequence" : " sequences") +
                 " per GPU per step",
         .source = "docs/duration-model.md#search"});
  }
  run.tokens_per_s_per_gpu = found.tokens_per_s;
  run.useful_tokens_per_s_per_gpu = found.useful_tokens_per_s;
  run.padding_efficiency = found.fill.efficiency();
  run.sequence_tokens = found.fill.processed_tokens;
  run.tokens_per_s_total = found.useful_tokens_per_s * static_cast<double>(gpus);
  run.step_s = found.step_s;
  run.steady_train_hours = trained_tokens_per_epoch(workload, run.setup.seq_len) * workload.epochs /
                           run.tokens_per_s_total / kSecondsPerHour;
  const EndToEndHours extra = end_to_end_hours(
      run.steady_train_hours, flops_per_token(arch, run.setup), workload, run.setup.compiled);
  run.startup_hours = extra.startup;
  run.eval_hours = extra.eval;
  run.train_hours = run.steady_train_hours + run.startup_hours + run.eval_hours;
  state_end_to_end(run, workload);
  set_range(run, gpu);
  state_padding(run, workload);
  warn_step_beyond_run(run, workload);
  return run;
}

}  // namespace ftcost
