// A plausibility bound on a loaded architecture, so counting it can never overflow int64.
#pragma once

#include <sstream>

#include "ftcost/model/model.hpp"
#include "json_reader.hpp"

namespace ftcost::load {

/// Largest accepted model: 1e15 parameters (over 1000× today's largest), far below int64's 9.2e18.
inline constexpr double kMaxModelParams = 1e15;

/// Throws InputError at `where` when `arch` would have more than kMaxModelParams parameters,
/// summed in double so that the check itself cannot overflow.
inline void check_param_scale(const ModelArch& arch, const JsonCursor& where) {
  double params = static_cast<double>(arch.embedding_params) +
                  static_cast<double>(arch.lm_head_params) +
                  static_cast<double>(arch.vision_params);
  for (const BlockGroup& group : arch.blocks) {
    double per_layer = static_cast<double>(group.other_params);
    for (const LinearSpec& linear : group.linears) {
      per_layer += static_cast<double>(linear.copies) *
                   static_cast<double>(linear.in_features + 1) *
                   static_cast<double>(linear.out_features);
    }
    params += static_cast<double>(group.layers) * per_layer;
  }
  if (params > kMaxModelParams) {
    std::ostringstream text;
    text.precision(2);
    text << "implausibly large architecture: about " << params << " parameters";
    where.fail(text.str(), "at most 1e+15 parameters");
  }
}

}  // namespace ftcost::load
