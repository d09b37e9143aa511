// Each framework's documented defaults for the flags a user leaves unset (internal).
#pragma once

#include "ftcost/setup/setup.hpp"

namespace ftcost::defaults_detail {

/// One default value and the place it is documented.
template <class T>
struct Sourced {
  T value;
  const char* source;
};

/// The defaults of one framework; sources are in docs/memory-model.md#framework-defaults.
struct FrameworkDefaults {
  Sourced<Precision> precision;
  Sourced<Optimizer> optimizer;
  Sourced<std::int64_t> seq_len;
  Sourced<std::int64_t> micro_batch;
  Sourced<std::int64_t> grad_accum;
  Sourced<GradCkpt> grad_ckpt;
  Sourced<Attention> attention;
  Sourced<std::int64_t> lora_rank;
  Sourced<const char*> lora_targets;
  Sourced<Quant> qlora_quant;
  Sourced<Loss> loss;
  Sourced<Sharding> multi_gpu_sharding;
};

[[nodiscard]] const FrameworkDefaults& framework_defaults(Framework framework);

}  // namespace ftcost::defaults_detail
