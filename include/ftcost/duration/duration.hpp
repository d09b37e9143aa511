// The training-duration model: FLOPs per token, per-step time on one GPU type, multi-GPU
// scaling, and the configuration search (docs/duration-model.md).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/gpu/gpu.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/resolve.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// Floating-point operations executed per trained token, split by pass (FLOP/token).
struct FlopsPerToken {
  double forward = 0;  ///< 2 per active linear weight and lm_head weight + attention 4·L·s·d_attn
  double backward = 0;   ///< full: 2x forward; LoRA/QLoRA: input gradients only + adapters
  double recompute = 0;  ///< one more forward when gradient checkpointing recomputes, else 0
  [[nodiscard]] double total() const noexcept { return forward + backward + recompute; }
};

/// FLOPs per token for `setup` (its method, seq_len, LoRA rank/targets, grad_ckpt). Attention is
/// counted as in PaLM's MFU accounting (Chowdhery et al. 2022, appendix B: 12·L·d_attn·s per
/// token for forward+backward, no causal halving). Source: docs/duration-model.md#flops.
[[nodiscard]] FlopsPerToken flops_per_token(const ModelArch& arch, const TrainingSetup& setup);

/// Datasheet dense tensor TFLOP/s `gpu` offers for `precision` (bf16, fp16 or fp32): the
/// denominator of MFU, as MFU is conventionally reported.
[[nodiscard]] double datasheet_peak_tflops(const Gpu& gpu, Precision precision) noexcept;

/// The GEMM TFLOP/s `gpu` sustains for `precision`: its measured achievable dense 16-bit rate
/// (Gpu::achievable_tflops), and for 32-true the FP32 datasheet rate scaled by the same
/// measured/datasheet share. Source: docs/gpus.md#achievable.
[[nodiscard]] double achievable_tflops(const Gpu& gpu, Precision precision) noexcept;

/// The duration model's calibrated constants (docs/duration-model.md#calibration), fitted on the
/// 96 throughput rows of bench/data/calibration.csv (2026-12-04, bench/throughput_bench "refit
/// on all rows"); the benchmark refits them with one source family left out to measure accuracy
/// on runs the fit never saw.
struct DurationConstants {
  /// Model GEMM FLOP/s over the GPU's achievable GEMM rate (achievable_tflops): every framework
  /// calls cuBLAS through PyTorch, so one figure for all.
  double matmul_efficiency = 0.813;
  double eager_traffic = 3.78;   ///< non-GEMM bytes per pass as a multiple of 34·h per token/layer
  double fused_traffic = 0.50;   ///< the same with fused kernels (torch.compile, Unsloth); at
                                 ///< its physical floor (docs/duration-model.md#calibration)
  double eager_launch_us = 211;  ///< host/launch overhead per layer per pass, microseconds
  double fused_launch_us = 5;    ///< the same with fused kernels (at the fit's lower bound)
};

/// Multi-GPU communication settings (docs/duration-model.md#scaling) and the calibrated
/// constants; every field overridable.
struct DurationOptions {
  std::optional<double> link_gb_per_s;  ///< per-GPU collective bandwidth, GB/s (default by
                                        ///< interconnect: NVLink, PCIe, or network when > 8 GPUs)
  DurationConstants constants{};        ///< the calibrated constants (defaults: the in-sample fit)
  /// When full fine-tuning fits nowhere, try 8-bit AdamW and bf16-true for the settings the
  /// request left unset (estimate_duration sets it only after ZeRO-3 also failed).
  bool memory_saving = false;
};

/// Per-GPU collective bandwidth used for `gpus` GPUs of type `gpu`, GB/s.
[[nodiscard]] double link_gb_per_s(const Gpu& gpu, std::int64_t gpus,
                                   const DurationOptions& options) noexcept;

/// Time of one optimizer step on one GPU, by component (seconds).
struct StepTime {
  double matmul_s = 0;         ///< GEMM FLOPs at the profile's efficiency
  double elementwise_s = 0;    ///< non-GEMM kernels, bandwidth-bound
  double weight_read_s = 0;    ///< reading the 16-bit weights once per pass per micro-batch
  double dequant_s = 0;        ///< QLoRA: dequantizing NF4 weights per pass per micro-batch
  double launch_s = 0;         ///< per-layer launch overhead
  double optimizer_s = 0;      ///< optimizer update on the GPU, bandwidth-bound (0 if offloaded)
  double offload_s = 0;        ///< --cpu-offload: host copies and the host optimizer step
  double communication_s = 0;  ///< gradient/parameter collectives for gpus > 1
  double total_s = 0;          ///< max(compute, communication) + the non-overlapped share
  double tokens = 0;           ///< tokens each GPU processes per optimizer step
};

/// Time of one optimizer step of `setup` on `setup.gpus` GPUs of type `gpu`. Pure.
/// Source: docs/duration-model.md#step-time.
[[nodiscard]] StepTime step_time(const ModelArch& arch, const TrainingSetup& setup, const Gpu& gpu,
                                 const DurationOptions& options);

/// The memory a setup needs per GPU, as the memory model reports it.
struct MemoryNeed {
  double fit_bytes = 0;       ///< what must stay within the GPU's usable memory (fit_bytes() in
                              ///< vram_fit.hpp)
  double reserved_bytes = 0;  ///< torch.cuda.max_memory_reserved()
};

/// The memory model as the search sees it (estimate_memory in production, a stand-in in tests).
using MemoryModel = std::function<MemoryNeed(const TrainingSetup&)>;

/// Runs `workload` with `resolved` on `gpus` GPUs of type `gpu`. Unless `request` fixed them,
/// picks the micro-batch (largest that fits, powers of two up to the per-GPU batch) and
/// gradient checkpointing (only when needed) that give the most tokens/s, keeping the global
/// batch through gradient accumulation. `fits` is false with why_not when nothing fits.
/// Throws InputError for a non-positive workload. Source: docs/duration-model.md#search.
[[nodiscard]] DurationEstimate estimate_duration_with(const ModelArch& arch,
                                                      const TrainingSetup& resolved,
                                                      const SetupRequest& request, const Gpu& gpu,
                                                      std::int64_t gpus, const Workload& workload,
                                                      const MemoryModel& memory,
                                                      const DurationOptions& options = {});

/// Measured over predicted throughput, as an 80% range: the held-out log errors of the
/// leave-one-source-out check (bench/throughput_bench, 96 rows, 2026-12-04) have median
/// log(predicted/measured) -0.005, 10th percentile -0.167 and 90th +0.435; widened 1.1x about
/// the median, a band built from the other sources covered 78 of 96 rows (81.2%). Strata no
/// measured run calibrates are widened 1.5x more (an assumption, not a measurement).
/// Source: docs/duration-model.md#uncertainty.
struct ThroughputBand {
  double low_factor = 1;   ///< measured / predicted at the low end (< 1)
  double high_factor = 1;  ///< measured / predicted at the high end (> 1)
};

/// How much wider (about its median, in log space) the band is for a stratum no measured run
/// calibrates: an assumption, not a measurement (docs/duration-model.md#uncertainty).
inline constexpr double kUncalibratedBandWidening = 1.5;

/// The band for a GPU generation and framework some measured run calibrates (`calibrated`),
/// or a wider one.
[[nodiscard]] ThroughputBand throughput_band(bool calibrated) noexcept;

/// Whether measured runs calibrate `gpu`'s generation with `framework`: NVIDIA Ampere, Ada
/// Lovelace or Hopper under hf, axolotl or torchtune.
[[nodiscard]] bool throughput_calibrated(const Gpu& gpu, Framework framework) noexcept;

/// The fields the configuration search chooses itself when the request leaves them unset, so
/// their framework defaults are not stated as assumptions of a duration.
inline constexpr SetupFields kSearchedFields{SetupField::MicroBatch, SetupField::GradAccum,
                                             SetupField::GradCkpt};

/// estimate_duration_with on the real memory model: `resolved` is resolve_setup(arch, request),
/// made once by the caller; it is moved to `gpus` GPUs (on_gpu_count), searched with
/// estimate_memory, and every assumption made on the way is returned (the defaults of
/// kSearchedFields left out). When `request.sharding` is unset, gpus > 1 and the framework's
/// default (data parallel) does not fit, ZeRO-3 is tried and used if it fits (an assumption).
/// When full fine-tuning still fits nowhere and the request left --optimizer and --precision
/// unset, 8-bit AdamW, then bf16-true, then both are tried (a warning names the switch;
/// docs/duration-model.md#search). Throws what on_gpu_count throws (InputError, ExitCode::Usage)
/// and InputError for a non-positive workload.
[[nodiscard]] DurationEstimate estimate_duration(const ModelArch& arch,
                                                 const ResolvedSetup& resolved,
                                                 const SetupRequest& request, const Gpu& gpu,
                                                 std::int64_t gpus, const Workload& workload,
                                                 const DurationOptions& options = {});

}  // namespace ftcost
