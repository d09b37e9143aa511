// Parameter counts by storage class, as the weight and sharding terms need them.
#include <algorithm>

#include "ftcost/model/params.hpp"
#include "memory_terms.hpp"

namespace ftcost::memory_detail {

ParamSplit split_params(const ModelArch& arch, const TrainingSetup& setup) {
  const ParamCounts counts = count_params(arch);
  ParamSplit split;
  split.block_linear = static_cast<double>(counts.block_linear);
  split.non_linear = static_cast<double>(counts.total - counts.block_linear);
  for (const BlockGroup& group : arch.blocks) {
    double layer_linear = 0;
    for (const LinearSpec& linear : group.linears) {
      const double matrix = static_cast<double>(linear.in_features * linear.out_features);
      split.largest_linear = std::max(split.largest_linear, matrix);
      layer_linear += matrix * static_cast<double>(linear.copies);
    }
    split.layer_linear = std::max(split.layer_linear, layer_linear);
    split.layer_lora = std::max(split.layer_lora, block_lora_params(group, setup).stored);
  }
  split.head = static_cast<double>(counts.lm_head > 0 ? counts.lm_head : counts.embedding);
  split.lora = lora_params(arch, setup).stored;
  split.trainable = setup.method == Method::Full ? static_cast<double>(counts.total) : split.lora;
  return split;
}

}  // namespace ftcost::memory_detail
