// Time of one optimizer step on one GPU type: roofline terms plus collectives
// (docs/duration-model.md#step-time).
#include <algorithm>

#include "ftcost/duration/duration.hpp"
#include "ftcost/model/params.hpp"
#include "ftcost/setup/setup_traits.hpp"

namespace ftcost {
namespace {

// Korthikanti et al. 2022, eq. 1: a transformer layer stores 34·s·b·h bytes of activations in
// 16-bit; the non-GEMM kernels move a multiple of that per pass (the profile's factor).
constexpr double kActivationBytesPerHidden = 34;
// Dequantization per weight per pass: read the quantized bytes (quantized_bytes_per_param),
// write 2 B of bf16, and the GEMM reads those 2 B back (bitsandbytes dequantize_4bit + matmul).
constexpr double kDequantWrittenAndReadBytes = 4;
// Optimizer update traffic per trainable parameter: AdamW reads parameter, gradient and two
// moments and writes three of them; 16 B is the fp32-state / bf16-parameter mix.
constexpr double kOptimizerBytesPerParam = 16;
// Share of the shorter of compute and communication that does not overlap with the other.
constexpr double kExposedCommunicationShare = 0.015;
// Per-GPU collective bandwidths, GB/s (docs/duration-model.md#scaling).
constexpr double kNvlinkEfficiency = 0.8;
constexpr double kPcieGbPerS = 12;
constexpr double kNetworkGbPerS = 40;
constexpr std::int64_t kGpusPerNode = 8;
// Host offload (docs/duration-model.md#offload). Host<->GPU copies: PCIe 4.0 x16 carries 31.5 GB/s
// per direction (PCI-SIG), ~80% of it in pinned copies.
constexpr double kHostLinkGbPerS = 25;
// A CPU AdamW step streams the fp32 master weight, gradient and two moments in and writes three
// of them back plus a 16-bit copy for the GPU: ~30 B per parameter of host memory traffic.
constexpr double kHostOptimizerBytesPerParam = 30;
// Host memory bandwidth one GPU's optimizer shard gets: a server socket's DDR (8 channels of
// DDR4-3200: 204.8 GB/s) at ~50% streamed, shared by 4 GPUs (assumed).
constexpr double kHostGbPerSPerGpu = 25;

double passes_with_recompute(const TrainingSetup& setup, double passes) {
  return passes + (setup.grad_ckpt == GradCkpt::None ? 0 : 1);
}

// Bytes of the parameters FSDP/ZeRO-3 all-gather per pass: the frozen base as the memory model
// holds it (quantized linears, the rest in 16 or 32 bits), or the 16-bit weights that mixed
// precision gathers for full fine-tuning.
double gathered_weight_bytes(const ParamCounts& counts, const TrainingSetup& setup,
                             const SetupTraits& traits) {
  const double linear = static_cast<double>(counts.block_linear);
  const double other = static_cast<double>(counts.total) - linear;
  if (setup.method == Method::Full) {
    return (linear + other) * 2;
  }
  const BaseWeightBytes base = base_weight_bytes(setup, traits);
  return linear * base.linear + other * base.other;
}

double communication_seconds(const ParamCounts& counts, double trainable,
                             const TrainingSetup& setup, const SetupTraits& traits, const Gpu& gpu,
                             const DurationOptions& options) {
  if (setup.gpus <= 1) {
    return 0;
  }
  const double share = static_cast<double>(setup.gpus - 1) / static_cast<double>(setup.gpus);
  const double gradient_bytes = trainable * 2;
  double bytes = 0;
  if (traits.zero_stage >= 3) {
    // FSDP/ZeRO-3 all-gather the parameters for every forward, backward and recompute pass and
    // reduce-scatter the gradients, once per micro-batch.
    const double gathers =
        passes_with_recompute(setup, 2) * gathered_weight_bytes(counts, setup, traits);
    bytes = share * (gathers + gradient_bytes) * static_cast<double>(setup.grad_accum);
  } else {
    // Ring all-reduce of the gradients once per optimizer step (DDP, ZeRO-1/2).
    bytes = 2 * share * gradient_bytes;
  }
  return bytes / (link_gb_per_s(gpu, setup.gpus, options) * 1e9);
}

// How efficiently a training stack runs: calibrated on docs/duration-model.md#calibration.
struct FrameworkProfile {
  double matmul_efficiency = 0;    ///< achieved / peak tensor FLOP/s in the model's GEMMs (0..1)
  double elementwise_traffic = 0;  ///< multiple of Korthikanti's 34·h bytes/token/layer moved
                                   ///< by non-GEMM kernels per pass (eager >1, fused <1)
  double launch_us_per_layer_pass = 0;  ///< host/launch overhead per layer per pass, microseconds
};

// The profile of a setup: one GEMM efficiency (every framework calls cuBLAS through PyTorch; a
// separate torchtune figure was dropped on 2026-12-04 because only torchtune's own rows could
// inform it), non-GEMM traffic and launch overhead by kernel fusion (eager, or fused when
// setup.compiled or under Unsloth's Triton kernels). Unsloth has no calibration rows: its
// profile is derived, not fitted.
FrameworkProfile framework_profile(const SetupTraits& traits, const DurationConstants& k) noexcept {
  const bool fused = traits.fused_kernels;
  return {.matmul_efficiency = k.matmul_efficiency,
          .elementwise_traffic = fused ? k.fused_traffic : k.eager_traffic,
          .launch_us_per_layer_pass = fused ? k.fused_launch_us : k.eager_launch_us};
}

// Copies to and from host memory and the host optimizer step, when --cpu-offload moves state
// off the GPU: gradients go down every micro-batch, the optimizer runs on the host, and either
// the updated trainable weights come back (optimizer offload) or every weight shard comes up
// for each pass (parameter offload: FSDP CPUOffload / ZeRO-3 offload_param).
double offload_seconds(const ParamCounts& counts, double trainable, const TrainingSetup& setup,
                       const SetupTraits& traits) {
  if (setup.cpu_offload == CpuOffload::None) {
    return 0;
  }
  const double link = kHostLinkGbPerS * 1e9;
  const double shards = traits.zero_stage >= 1 ? static_cast<double>(setup.gpus) : 1.0;
  const double micro_batches = static_cast<double>(setup.grad_accum);
  const double gradients_down = micro_batches * trainable / shards * 2 / link;
  const double host_step =
      trainable / shards * kHostOptimizerBytesPerParam / (kHostGbPerSPerGpu * 1e9);
  double weights_up = trainable / shards * 2 / link;
  if (setup.cpu_offload == CpuOffload::Params) {
    weights_up = micro_batches * passes_with_recompute(setup, 2) *
                 gathered_weight_bytes(counts, setup, traits) / static_cast<double>(setup.gpus) /
                 link;
  }
  return gradients_down + host_step + weights_up;
}

}  // namespace

double datasheet_peak_tflops(const Gpu& gpu, Precision precision) noexcept {
  if (precision == Precision::Fp32True) {
    return gpu.fp32_tflops;
  }
  return precision != Precision::Fp16Mixed && gpu.bf16_supported ? gpu.bf16_dense_tflops
                                                                 : gpu.fp16_dense_tflops;
}

double achievable_tflops(const Gpu& gpu, Precision precision) noexcept {
  if (precision != Precision::Fp32True) {
    return gpu.achievable_tflops;
  }
  // The measured share of the 16-bit datasheet rate, applied to the FP32 datasheet rate.
  const double datasheet_16bit = gpu.bf16_supported ? gpu.bf16_dense_tflops : gpu.fp16_dense_tflops;
  return gpu.fp32_tflops * gpu.achievable_tflops / datasheet_16bit;
}

double link_gb_per_s(const Gpu& gpu, std::int64_t gpus, const DurationOptions& options) noexcept {
  if (options.link_gb_per_s) {
    return *options.link_gb_per_s;
  }
  if (gpus > kGpusPerNode) {
    return kNetworkGbPerS;
  }
  if (gpu.interconnect != Interconnect::Pcie && gpu.nvlink_gb_per_s) {
    return *gpu.nvlink_gb_per_s / 2 * kNvlinkEfficiency;
  }
  return kPcieGbPerS;
}

StepTime step_time(const ModelArch& arch, const TrainingSetup& setup, const Gpu& gpu,
                   const DurationOptions& options) {
  const SetupTraits traits = setup_traits(setup);
  const FrameworkProfile profile = framework_profile(traits, options.constants);
  const double bandwidth = gpu.achievable_bandwidth_gb_per_s * 1e9;
  const double tokens_per_micro = static_cast<double>(setup.micro_batch * setup.seq_len);
  const double micro_batches = static_cast<double>(setup.grad_accum);
  const double layers = static_cast<double>(arch.num_layers);
  const ParamCounts counts = count_params(arch);
  const double linear = static_cast<double>(counts.block_linear);

  StepTime step;
  step.tokens = tokens_per_micro * micro_batches;
  step.matmul_s = flops_per_token(arch, setup).total() * step.tokens /
                  (achievable_tflops(gpu, setup.precision) * 1e12 * profile.matmul_efficiency);
  step.elementwise_s = profile.elementwise_traffic * kActivationBytesPerHidden *
                       static_cast<double>(arch.hidden_size) * layers *
                       passes_with_recompute(setup, 3) * step.tokens / bandwidth;
  step.weight_read_s = micro_batches * passes_with_recompute(setup, 3) *
                       static_cast<double>(counts.total) * 2 / bandwidth;
  if (traits.quantized_base) {
    step.dequant_s = micro_batches * passes_with_recompute(setup, 2) * linear *
                     (quantized_bytes_per_param(setup.quant) + kDequantWrittenAndReadBytes) /
                     bandwidth;
  }
  step.launch_s = micro_batches * profile.launch_us_per_layer_pass * 1e-6 * layers *
                  passes_with_recompute(setup, 2);
  // ZeRO-1 and up shard the optimizer states, so each GPU updates its shard.
  const double shards = traits.zero_stage >= 1 ? static_cast<double>(setup.gpus) : 1.0;
  const double trainable = trainable_params(arch, setup);
  // With --cpu-offload the optimizer runs on the host (offload_s), not on the GPU.
  step.optimizer_s = setup.cpu_offload == CpuOffload::None
                         ? trainable / shards * kOptimizerBytesPerParam / bandwidth
                         : 0;
  step.offload_s = offload_seconds(counts, trainable, setup, traits);
  step.communication_s = communication_seconds(counts, trainable, setup, traits, gpu, options);
  const double compute = step.matmul_s + step.elementwise_s + step.weight_read_s + step.dequant_s +
                         step.launch_s + step.optimizer_s + step.offload_s;
  step.total_s = std::max(compute, step.communication_s) +
                 kExposedCommunicationShare * std::min(compute, step.communication_s);
  return step;
}

}  // namespace ftcost
