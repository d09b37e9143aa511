// Time of one optimizer step on one GPU type: roofline terms plus collectives
// (docs/duration-model.md#step-time).
#include <algorithm>

#include "ftcost/duration.hpp"
#include "ftcost/params.hpp"

namespace ftcost {
namespace {

// Korthikanti et al. 2022, eq. 1: a transformer layer stores 34·s·b·h bytes of activations in
// 16-bit; the non-GEMM kernels move a multiple of that per pass (the profile's factor).
constexpr double kActivationBytesPerHidden = 34;
// NF4 dequantization per weight per pass: read 0.5 B of codes, write 2 B of bf16, and the GEMM
// reads those 2 B back (bitsandbytes dequantize_4bit + matmul).
constexpr double kDequantBytesPerWeight = 4.5;
// Optimizer update traffic per trainable parameter: AdamW reads parameter, gradient and two
// moments and writes three of them; 16 B is the fp32-state / bf16-parameter mix.
constexpr double kOptimizerBytesPerParam = 16;
// GeForce cards sustain clocks above their rated boost clock (docs/duration-model.md#clock).
constexpr double kGeforceClockFactor = 1.10;
// Share of the shorter of compute and communication that does not overlap with the other.
constexpr double kExposedCommunicationShare = 0.015;
// Per-GPU collective bandwidths, GB/s (docs/duration-model.md#scaling).
constexpr double kNvlinkEfficiency = 0.8;
constexpr double kPcieGbPerS = 12;
constexpr double kNetworkGbPerS = 40;
constexpr std::int64_t kGpusPerNode = 8;

double passes_with_recompute(const TrainingSetup& setup, double passes) {
  return passes + (setup.grad_ckpt == GradCkpt::None ? 0 : 1);
}

bool sharded(Sharding sharding) {
  return sharding == Sharding::Fsdp || sharding == Sharding::Zero3;
}

double weight_bytes(const ModelArch& arch, const TrainingSetup& setup) {
  const ParamCounts counts = count_params(arch);
  const double total = static_cast<double>(counts.total);
  if (setup.method == Method::Qlora) {
    // 4-bit codes plus per-block constants (~0.56 B per weight with double quantization).
    return static_cast<double>(counts.block_linear) * 0.5625 +
           (total - static_cast<double>(counts.block_linear)) * 2;
  }
  return total * 2;
}

double communication_seconds(const ModelArch& arch, const TrainingSetup& setup, const Gpu& gpu,
                             const ScalingOptions& options) {
  if (setup.gpus <= 1) {
    return 0;
  }
  const double trainable = setup.method == Method::Full
                               ? static_cast<double>(count_params(arch).total)
                               : lora_adapter_params(arch, setup);
  const double share = static_cast<double>(setup.gpus - 1) / static_cast<double>(setup.gpus);
  const double gradient_bytes = trainable * 2;
  double bytes = 0;
  if (sharded(setup.sharding)) {
    // FSDP/ZeRO-3 all-gather the parameters for every forward, backward and recompute pass and
    // reduce-scatter the gradients, once per micro-batch.
    const double gathers = passes_with_recompute(setup, 2) * weight_bytes(arch, setup);
    bytes = share * (gathers + gradient_bytes) * static_cast<double>(setup.grad_accum);
  } else {
    // Ring all-reduce of the gradients once per optimizer step (DDP, ZeRO-1/2).
    bytes = 2 * share * gradient_bytes;
  }
  return bytes / (link_gb_per_s(gpu, setup.gpus, options) * 1e9);
}

}  // namespace

FrameworkProfile framework_profile(const TrainingSetup& setup) noexcept {
  // Calibrated on the throughput rows of bench/data/calibration.csv (docs/duration-model.md).
  constexpr double kEagerGemmEfficiency = 0.69;
  constexpr double kTorchtuneGemmEfficiency = 0.75;
  constexpr double kEagerTraffic = 3.9;
  constexpr double kFusedTraffic = 0.8;
  constexpr double kEagerLaunchUs = 300;
  constexpr double kFusedLaunchUs = 60;
  const bool fused = setup.compiled || setup.framework == Framework::Unsloth;
  return {.matmul_efficiency = setup.framework == Framework::Torchtune ? kTorchtuneGemmEfficiency
                                                                       : kEagerGemmEfficiency,
          .elementwise_traffic = fused ? kFusedTraffic : kEagerTraffic,
          .launch_us_per_layer_pass = fused ? kFusedLaunchUs : kEagerLaunchUs};
}

double effective_peak_tflops(const Gpu& gpu, Precision precision) noexcept {
  double peak = gpu.fp16_dense_tflops;
  if (precision == Precision::Fp32True) {
    peak = gpu.fp32_tflops;
  } else if (precision != Precision::Fp16Mixed && gpu.bf16_supported) {
    peak = gpu.bf16_dense_tflops;
  }
  const bool geforce = gpu.name.find("GeForce") != std::string::npos;
  return geforce ? peak * kGeforceClockFactor : peak;
}

double link_gb_per_s(const Gpu& gpu, std::int64_t gpus, const ScalingOptions& options) noexcept {
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
                   const ScalingOptions& options) {
  const FrameworkProfile profile = framework_profile(setup);
  const double bandwidth = gpu.memory_bandwidth_gb_per_s * 1e9;
  const double tokens_per_micro = static_cast<double>(setup.micro_batch * setup.seq_len);
  const double micro_batches = static_cast<double>(setup.grad_accum);
  const double layers = static_cast<double>(arch.num_layers);
  const double linear = static_cast<double>(count_params(arch).block_linear);

  StepTime step;
  step.tokens = tokens_per_micro * micro_batches;
  step.matmul_s = flops_per_token(arch, setup).total() * step.tokens /
                  (effective_peak_tflops(gpu, setup.precision) * 1e12 * profile.matmul_efficiency);
  step.elementwise_s = profile.elementwise_traffic * kActivationBytesPerHidden *
                       static_cast<double>(arch.hidden_size) * layers *
                       passes_with_recompute(setup, 3) * step.tokens / bandwidth;
  step.weight_read_s = micro_batches * passes_with_recompute(setup, 3) *
                       static_cast<double>(count_params(arch).total) * 2 / bandwidth;
  if (setup.method == Method::Qlora) {
    step.dequant_s = micro_batches * passes_with_recompute(setup, 2) * linear *
                     kDequantBytesPerWeight / bandwidth;
  }
  step.launch_s = micro_batches * profile.launch_us_per_layer_pass * 1e-6 * layers *
                  passes_with_recompute(setup, 2);
  const double trainable = setup.method == Method::Full
                               ? static_cast<double>(count_params(arch).total)
                               : lora_adapter_params(arch, setup);
  const double shards = setup.sharding == Sharding::None || setup.sharding == Sharding::Ddp
                            ? 1.0
                            : static_cast<double>(setup.gpus);
  step.optimizer_s = trainable / shards * kOptimizerBytesPerParam / bandwidth;
  step.communication_s = communication_seconds(arch, setup, gpu, options);
  const double compute = step.matmul_s + step.elementwise_s + step.weight_read_s + step.dequant_s +
                         step.launch_s + step.optimizer_s;
  step.total_s = std::max(compute, step.communication_s) +
                 kExposedCommunicationShare * std::min(compute, step.communication_s);
  return step;
}

}  // namespace ftcost
