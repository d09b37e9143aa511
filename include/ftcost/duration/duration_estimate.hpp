// One training run of a model on N GPUs of one kind: what the duration model hands the planner.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// How samples become sequences: padded per micro-batch to its longest sample (off: the default
/// of TRL's SFTConfig `packing`, Axolotl's `sample_packing`, torchtune's `packed`), or
/// concatenated into full --seq-len sequences (on). Source: docs/duration-model.md#padding.
enum class Packing { Off, On };

template <>
struct EnumNames<Packing> {
  static constexpr std::array<std::pair<Packing, std::string_view>, 2> kEntries{
      {{Packing::Off, "off"}, {Packing::On, "on"}}};
};

/// One bin of a dataset's sample-length histogram.
struct LengthCount {
  std::int64_t tokens = 0;   ///< tokens in each sample of this bin (>= 1)
  std::int64_t samples = 0;  ///< samples of that length (>= 1)
};

/// The training work: how many tokens pass through the model in total, and how long its samples
/// are when that is known.
struct Workload {
  double dataset_tokens = 0;  ///< tokens in one pass over the dataset (> 0)
  double epochs = 1;          ///< passes over the dataset (> 0)
  std::int64_t global_batch_sequences =
      0;                           ///< sequences per optimizer step (0 = keep the request's)
  Packing packing = Packing::Off;  ///< how samples become sequences
  /// Sample lengths measured from --dataset, ascending by tokens; empty when not measured.
  std::vector<LengthCount> sample_lengths;
  /// Tokens per sample from --avg-tokens, when that is how the workload was given.
  std::optional<double> avg_sample_tokens;
  /// Evaluation tokens as a share of each epoch's training tokens, evaluated once per epoch
  /// (--eval-share; 0: Transformers' eval_strategy "no" default), >= 0.
  double eval_share = 0;
  /// Seconds from launch to steady-state steps: CUDA context, cuBLAS/allocator warm-up and, when
  /// compiled, torch.compile (--startup-s; unset: kStartupSeconds or kCompiledStartupSeconds).
  std::optional<double> startup_s;
};

/// Startup of an eager run before steady-state steps, seconds: an assumption (first steps pay
/// for CUDA context creation, cuBLAS workspaces and caching-allocator growth), stated in the
/// output and overridable with --startup-s (docs/duration-model.md#end-to-end).
inline constexpr double kStartupSeconds = 60;
/// The same with torch.compile (--compile): graph capture and Inductor code generation for
/// every distinct block shape on the first steps, minutes for a 7-8B model (assumed).
inline constexpr double kCompiledStartupSeconds = 240;

/// The outcome of running the workload on `gpus` GPUs of type `gpu_id`.
struct DurationEstimate {
  std::string gpu_id;     ///< canonical GPU id
  std::int64_t gpus = 1;  ///< GPUs used
  bool fits = false;      ///< false: no configuration fits in memory (see why_not)
  std::string why_not;    ///< reason when !fits, e.g. "needs 31.2 GiB per GPU, has 23.6 GiB"
  TrainingSetup setup;    ///< the configuration chosen; when !fits, the one that came nearest
                          ///< to fitting (smallest peak), for reporting what was tried
  double peak_reserved_gib = 0;     ///< per-GPU peak memory as the allocator reserves it, GiB
  double nearest_peak_gib = 0;      ///< when !fits: the smallest peak any candidate needed, GiB
  double capacity_gib = 0;          ///< usable memory per GPU, GiB
  double tokens_per_s_per_gpu = 0;  ///< tokens the GPU processes per second, padding included
  /// Real (non-padding) tokens per second per GPU: tokens_per_s_per_gpu x padding_efficiency.
  /// Hours and cost follow this figure.
  double useful_tokens_per_s_per_gpu = 0;
  double padding_efficiency = 1;  ///< real / processed tokens (1 when packed or not measured)
  double sequence_tokens = 0;     ///< mean tokens per processed sequence, padding included
  /// The 80% range of tokens_per_s_per_gpu (throughput_band): measured runs from sources the
  /// fit never saw fell inside it 81.2% of the time (docs/duration-model.md#uncertainty).
  double tokens_per_s_per_gpu_low = 0;
  double tokens_per_s_per_gpu_high = 0;  ///< see tokens_per_s_per_gpu_low
  double tokens_per_s_total = 0;         ///< all GPUs together, useful tokens/s
  double step_s = 0;                     ///< one optimizer step (all micro-batches), seconds
  /// End-to-end training time, hours: steady_train_hours + startup_hours + eval_hours (what a
  /// provider bills for the training itself; setup, checkpoint writes and restarts are the
  /// planner's).
  double train_hours = 0;
  double train_hours_low = 0;     ///< train_hours at tokens_per_s_per_gpu_high, hours
  double train_hours_high = 0;    ///< train_hours at tokens_per_s_per_gpu_low, hours
  double steady_train_hours = 0;  ///< the training tokens at steady-state useful tokens/s, hours
  double startup_hours = 0;       ///< launch to steady-state steps (Workload::startup_s), hours
  double eval_hours = 0;          ///< forward-only passes over the eval tokens, hours
  /// False where no measured run calibrates the GPU generation or framework (AMD, Turing,
  /// Blackwell, Unsloth, ...): the range is widened and an assumption says so.
  bool band_calibrated = true;
  double mfu = 0;  ///< executed FLOPs (recomputation included) / effective peak (0..1)
  /// True for GPUs of a vendor no measured fine-tuning run calibrates (AMD): the throughput
  /// applies NVIDIA-measured efficiency to the datasheet peak and is likely optimistic
  /// (docs/duration-model.md#amd).
  bool throughput_extrapolated = false;
  std::vector<Assumption> assumptions;
};

}  // namespace ftcost
