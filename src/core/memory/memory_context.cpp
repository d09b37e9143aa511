// The per-estimate context: the setup's shared facts, parameter split and shard plan, once.
#include "memory_terms.hpp"

namespace ftcost::memory_detail {

MemoryContext memory_context(const ModelArch& arch, const TrainingSetup& setup) {
  const SetupTraits traits = setup_traits(setup);
  return {.arch = arch,
          .setup = setup,
          .traits = traits,
          .base = base_weight_bytes(setup, traits),
          .split = split_params(arch, setup),
          .shards = shard_plan(setup, traits)};
}

}  // namespace ftcost::memory_detail
