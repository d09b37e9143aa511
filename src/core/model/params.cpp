// Parameter counting over a ModelArch's block groups.
#include "ftcost/model/params.hpp"

namespace ftcost {

ParamCounts count_params(const ModelArch& arch) noexcept {
  ParamCounts counts;
  std::int64_t active_linear = 0;
  for (const BlockGroup& group : arch.blocks) {
    for (const LinearSpec& linear : group.linears) {
      const std::int64_t per_copy =
          linear.in_features * linear.out_features + (linear.has_bias ? linear.out_features : 0);
      counts.block_linear += group.layers * linear.copies * per_copy;
      active_linear += group.layers * linear.active_copies * per_copy;
    }
    counts.block_other += group.layers * group.other_params;
  }
  counts.embedding = arch.embedding_params;
  counts.lm_head = arch.tied_embeddings ? 0 : arch.lm_head_params;
  counts.final_other = arch.final_params;
  counts.vision = arch.vision_params;
  const std::int64_t outside_blocks = counts.embedding + counts.lm_head + counts.final_other;
  counts.total = counts.block_linear + counts.block_other + outside_blocks + counts.vision;
  counts.active = active_linear + counts.block_other + outside_blocks;
  return counts;
}

}  // namespace ftcost
