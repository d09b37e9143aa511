// One training run of a model on N GPUs of one kind: what the duration model hands the planner.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// The training work: how many tokens pass through the model in total.
struct Workload {
  double dataset_tokens = 0;  ///< tokens in one pass over the dataset (> 0)
  double epochs = 1;          ///< passes over the dataset (> 0)
  std::int64_t global_batch_sequences =
      0;  ///< sequences per optimizer step (0 = keep the request's)
};

/// The outcome of running the workload on `gpus` GPUs of type `gpu_id`.
struct DurationEstimate {
  std::string gpu_id;     ///< canonical GPU id
  std::int64_t gpus = 1;  ///< GPUs used
  bool fits = false;      ///< false: no configuration fits in memory (see why_not)
  std::string why_not;    ///< reason when !fits, e.g. "needs 31.2 GiB per GPU, has 23.6 GiB"
  TrainingSetup setup;    ///< the configuration chosen; when !fits, the one that came nearest
                          ///< to fitting (smallest peak), for reporting what was tried
  double peak_reserved_gib = 0;     ///< per-GPU peak memory as the allocator reserves it, GiB
  double capacity_gib = 0;          ///< usable memory per GPU, GiB
  double tokens_per_s_per_gpu = 0;  ///< training throughput per GPU, tokens/s
  /// The 80% range of tokens_per_s_per_gpu (throughput_band): measured runs from sources the
  /// fit never saw fell inside it 80.7% of the time (docs/duration-model.md#uncertainty).
  double tokens_per_s_per_gpu_low = 0;
  double tokens_per_s_per_gpu_high = 0;  ///< see tokens_per_s_per_gpu_low
  double tokens_per_s_total = 0;         ///< all GPUs together, tokens/s
  double step_s = 0;                     ///< one optimizer step (all micro-batches), seconds
  double train_hours = 0;       ///< wall-clock training time, hours (excludes setup/restarts)
  double train_hours_low = 0;   ///< train_hours at tokens_per_s_per_gpu_high, hours
  double train_hours_high = 0;  ///< train_hours at tokens_per_s_per_gpu_low, hours
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
