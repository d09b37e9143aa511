// A GPU's datasheet figures as the memory, duration and planner models use them (plain data).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace ftcost {

/// How GPUs in one machine talk to each other.
enum class Interconnect { Nvlink, Pcie };

/// One GPU model from data/gpus.json (docs/gpus.md gives every field's datasheet source).
struct Gpu {
  std::string id;                        ///< canonical id, e.g. "rtx-4090", "h100-sxm"
  std::string name;                      ///< "GeForce RTX 4090"
  std::string vendor;                    ///< "NVIDIA", "AMD"
  std::string architecture;              ///< "Ada Lovelace", "Hopper", ...
  double memory_gb = 0;                  ///< vendor-labelled capacity, GB (10^9 bytes) as printed
  double memory_gib = 0;                 ///< usable capacity as PyTorch sees it, GiB (2^30 bytes)
  double memory_bandwidth_gb_per_s = 0;  ///< peak DRAM bandwidth, GB/s (10^9 bytes/s)
  double bf16_dense_tflops = 0;  ///< dense BF16 tensor TFLOP/s with FP32 accumulate (0 if none)
  double fp16_dense_tflops = 0;  ///< dense FP16 tensor TFLOP/s with FP32 accumulate
  std::optional<double> fp8_dense_tflops;  ///< dense FP8 TFLOP/s, when supported
  double fp32_tflops = 0;                  ///< non-tensor FP32 TFLOP/s
  bool bf16_supported = false;             ///< bf16 arithmetic (Ampere and newer)
  bool flash_attention_supported = false;  ///< FlashAttention-2 runs (sm80+, NVIDIA)
  Interconnect interconnect = Interconnect::Pcie;
  std::optional<double> nvlink_gb_per_s;  ///< total bidirectional NVLink per GPU, GB/s
  std::string source;                     ///< datasheet URL
  std::vector<std::string> aliases;       ///< other accepted spellings ("4090", "rtx4090")
};

}  // namespace ftcost
