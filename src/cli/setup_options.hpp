// The training-setup flags shared by `vram`, `duration` and `plan`.
#pragma once

#include "ftcost/setup.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// Adds --method --precision --optimizer --seq-len --micro-batch --grad-accum --grad-ckpt
/// --attention --lora-rank --lora-targets --quant --loss --gpus --sharding --cpu-offload
/// --framework --compile --optimizer-in-bwd to `app`, each storing into `request` (unset when
/// absent). Enum values are checked against their names with "did you mean"; integers against
/// 1 .. the maxima in resolve.hpp. `request` must outlive `app`.
void add_setup_options(CLI::App& app, SetupRequest& request);

}  // namespace ftcost::cli
