// The training-setup flags shared by `vram`, `time` and `plan`.
#pragma once

#include "ftcost/setup/setup.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// What an unset --micro-batch, --grad-accum or --grad-ckpt becomes, as the help text says:
/// the framework's default (`vram`) or the configuration search's choice (`time`, `plan`).
enum class BatchDefault { Framework, Searched };

/// Adds --method --precision --optimizer --seq-len --micro-batch --grad-accum --grad-ckpt
/// --attention --lora-rank --lora-targets --quant --loss --gpus --sharding --cpu-offload
/// --framework --compile --optimizer-in-bwd to `app`, each storing into `request` (unset when
/// absent). Enum values are checked against their names with "did you mean"; integers against
/// 1 .. the maxima in resolve.hpp. `request` must outlive `app`.
void add_setup_options(CLI::App& app, SetupRequest& request,
                       BatchDefault batch_default = BatchDefault::Framework);

}  // namespace ftcost::cli
