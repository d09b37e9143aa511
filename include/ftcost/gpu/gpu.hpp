// A GPU's datasheet figures as the memory, duration and planner models use them (plain data), how
// users' spellings resolve to one, and what a setup must change to run on it.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// How GPUs in one machine talk to each other: an NVLink/NVSwitch board (SXM, GH200, B200),
/// AMD's Infinity Fabric between OAM modules, or only the PCIe bus (bridges pairing two cards
/// do not count: data-parallel jobs on 4 or 8 such cards still reduce over PCIe).
enum class Interconnect { Nvlink, Pcie, InfinityFabric };

template <>
struct EnumNames<Interconnect> {
  static constexpr std::array<std::pair<Interconnect, std::string_view>, 3> kEntries{
      {{Interconnect::Nvlink, "nvlink"},
       {Interconnect::Pcie, "pcie"},
       {Interconnect::InfinityFabric, "infinity-fabric"}}};
};

/// A short spelling shared by several variants (e.g. "a100"), resolved to one stated default.
struct AmbiguousAlias {
  std::string alias;                  ///< as listed in data/gpus.json, e.g. "a100"
  std::vector<std::string> variants;  ///< canonical ids it could mean
  std::string why;                    ///< why the default variant was chosen

  [[nodiscard]] bool operator==(const AmbiguousAlias&) const = default;  ///< field by field
};

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
  /// Dense 16-bit GEMM TFLOP/s (FP32 accumulate) measured by published microbenchmarks
  /// (docs/gpus.md#achievable): what the card sustains, below the datasheet's rate for power-
  /// and clock-limited parts (H100 SXM 794.5 of 989.5) and above it for GeForce boost clocks.
  double achievable_tflops = 0;
  std::string achievable_tflops_source;  ///< the measurement, or how the figure was derived
  /// DRAM bandwidth a STREAM-like triad or copy sustains, GB/s (docs/gpus.md#achievable).
  double achievable_bandwidth_gb_per_s = 0;
  std::string achievable_bandwidth_source;  ///< the measurement, or how it was derived
  bool bf16_supported = false;              ///< bf16 arithmetic (Ampere and newer)
  bool flash_attention_supported = false;   ///< FlashAttention-2 runs (sm80+, NVIDIA)
  Interconnect interconnect = Interconnect::Pcie;
  std::optional<double> nvlink_gb_per_s;    ///< total bidirectional NVLink per GPU, GB/s
  std::string source;                       ///< datasheet URL
  std::vector<std::string> aliases;         ///< other accepted spellings ("4090", "rtx4090")
  std::string memory_gib_source;            ///< where memory_gib comes from (measured or derived)
  std::vector<AmbiguousAlias> default_for;  ///< ambiguous aliases that resolve to this GPU

  [[nodiscard]] bool operator==(const Gpu&) const = default;  ///< field by field
};

/// Share of the datasheet dense 16-bit rate a GPU without an achievable_tflops figure is given:
/// the median measured share over data/gpus.json's measured GPUs (docs/gpus.md#achievable).
inline constexpr double kDefaultAchievableTflopsShare = 0.80;
/// The same for bandwidth: the median measured triad/copy share of the datasheet figure.
inline constexpr double kDefaultAchievableBandwidthShare = 0.87;

/// The GPU a spelling names, plus the assumption made when an ambiguous alias picked a default.
struct GpuChoice {
  const Gpu* gpu = nullptr;              ///< never null; points into the list searched
  std::optional<Assumption> assumption;  ///< set when an ambiguous alias picked the default
};

/// The canonical form spellings are compared in: lowercase letters and digits only, with vendor
/// and brand words (nvidia, geforce, tesla, quadro, amd, instinct) removed, so "RTX 4090",
/// "rtx4090", "NVIDIA GeForce RTX 4090" and "rtx-4090" all read "rtx4090".
[[nodiscard]] std::string gpu_spelling_key(std::string_view spelling);

/// The spelling keys that name `gpu` exactly: those of its id, name and aliases (deduplicated).
[[nodiscard]] std::vector<std::string> gpu_spelling_keys(const Gpu& gpu);

/// Finds the GPU `spelling` names among `gpus` by canonical id, name or alias (compared through
/// gpu_spelling_key); an ambiguous alias such as "a100" or "h100" picks its documented default
/// variant and says so in the assumption. Throws InputError("", "--gpu", "unknown GPU 'x'",
/// "did you mean ...", ExitCode::Usage) when nothing matches. Source: docs/gpus.md#spellings.
[[nodiscard]] GpuChoice choose_gpu(std::string_view spelling, const std::vector<Gpu>& gpus);

/// choose_gpu without the assumption: the GPU `spelling` names. Throws as choose_gpu.
[[nodiscard]] const Gpu& resolve_gpu(std::string_view spelling, const std::vector<Gpu>& gpus);

/// Adjusts `setup` to what `gpu` can run: bf16 precisions become fp16-mixed on GPUs without
/// bf16, FlashAttention becomes SDPA on GPUs without FlashAttention 2; each change is returned
/// as an assumption. A change to a value `request` set explicitly (--precision, --attention) is
/// marked Assumption::warning, so the user hears that their flag was overridden; with the default
/// empty request every change is an ordinary assumption. `ftcost vram --gpu` and the duration
/// search both call it, so the two commands estimate the same setup.
/// Source: docs/gpus.md#pre-ampere-gpus.
[[nodiscard]] std::vector<Assumption> adapt_to_gpu(TrainingSetup& setup, const Gpu& gpu,
                                                   const SetupRequest& request = {});

}  // namespace ftcost
