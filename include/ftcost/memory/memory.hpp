// Peak GPU memory per GPU for a training setup: the memory model (docs/memory-model.md).
#pragma once

#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/model/model.hpp"
#include "ftcost/setup/setup.hpp"

namespace ftcost {

/// Training phases whose live memory is compared; the peak is the maximum over them.
enum class Phase { Forward, Backward, OptimizerStep };

template <>
struct EnumNames<Phase> {
  static constexpr std::array<std::pair<Phase, std::string_view>, 3> kEntries{
      {{Phase::Forward, "forward"},
       {Phase::Backward, "backward"},
       {Phase::OptimizerStep, "optimizer-step"}}};
};

/// Memory of one component per GPU, in bytes.
struct MemoryComponent {
  /// One of weights_frozen, weights_trainable, optimizer_states, ddp_buckets, fsdp_gathered,
  /// gradients, autocast_copies, activations, logits (components of 0 bytes are left out; the
  /// CUDA context and paged optimizer state are outside the allocator: see MemoryEstimate).
  std::string name;
  double bytes = 0;    ///< bytes per GPU held by this component at the binding phase
  std::string detail;  ///< what it holds in this phase, e.g. "saved for backward"
};

/// Live bytes per GPU at the end of one phase (allocated by PyTorch tensors).
struct PhaseMemory {
  Phase phase = Phase::Forward;
  double allocated_bytes = 0;
};

/// The memory estimate for one GPU.
struct MemoryEstimate {
  std::vector<MemoryComponent>
      components;                        ///< breakdown at the binding phase; sums to peak_allocated
  std::vector<PhaseMemory> phases;       ///< every phase's live allocation
  Phase binding_phase = Phase::Forward;  ///< the phase with the largest allocation
  std::string binding_term;              ///< the largest component at the binding phase ("logits")
  /// Host (CPU) memory per GPU that --cpu-offload moves off the GPU: optimizer states (and
  /// DeepSpeed's fp32 master and gradient copies), and with `params` the weight and gradient
  /// shards. Pinned host RAM the machine must have on top of the dataset and the process.
  double host_offload_bytes = 0;
  double peak_allocated_bytes = 0;  ///< what torch.cuda.max_memory_allocated() would report
  double peak_reserved_bytes = 0;   ///< what torch.cuda.max_memory_reserved() would report
  double device_total_bytes =
      0;  ///< what nvidia-smi would show: reserved + CUDA context + paged optimizer state
  double paged_optimizer_bytes = 0;     ///< bitsandbytes paged optimizer state: CUDA managed
                                        ///< memory outside PyTorch's allocator (not in allocated or
                                        ///< reserved; counted in device_total when resident)
  std::vector<Assumption> assumptions;  ///< every assumption behind the numbers
};

/// How much of an estimate to build. Totals: every byte figure, phases and binding_phase, but no
/// components, binding_term or assumptions (what a configuration search needs, at a fraction of
/// the cost: the breakdown is built once, for the setup that is shown).
enum class MemoryDetail { Full, Totals };

/// Estimates peak memory per GPU. Pure; same inputs give the same result. `setup` must come
/// from resolve_setup (valid ranges and combinations); every LoRA target must name a linear of
/// `arch` or "lm_head". Source: docs/memory-model.md.
[[nodiscard]] MemoryEstimate estimate_memory(const ModelArch& arch, const TrainingSetup& setup,
                                             MemoryDetail detail = MemoryDetail::Full);

}  // namespace ftcost
