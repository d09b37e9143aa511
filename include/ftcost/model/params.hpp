// Parameter counts derived from a ModelArch.
#pragma once

#include <cstdint>

#include "ftcost/model/model.hpp"

namespace ftcost {

/// Parameter counts (elements, not bytes) of a model, split the way memory and FLOP models need.
struct ParamCounts {
  std::int64_t total = 0;   ///< every weight, tied embeddings counted once
  std::int64_t active = 0;  ///< weights each text token passes through (dense text-only: == total)
  std::int64_t block_linear = 0;  ///< weights of all linear projections in all blocks (quantizable)
  std::int64_t block_other = 0;   ///< norms, routers and other non-linear block weights
  std::int64_t embedding = 0;     ///< input embedding (+ learned positions)
  std::int64_t lm_head = 0;       ///< untied output projection, else 0
  std::int64_t final_other = 0;   ///< final norm etc.
  std::int64_t vision = 0;        ///< vision tower + projector (in total, not in active)
};

/// Counts parameters from the architecture. Source: docs/models.md#parameter-count.
[[nodiscard]] ParamCounts count_params(const ModelArch& arch) noexcept;

}  // namespace ftcost
