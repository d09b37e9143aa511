// --from-config FILE: an existing Axolotl config as the setup of `vram`, `time` and `plan`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/setup/setup.hpp"
#include "workload_options.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// Adds `--from-config FILE` storing into `path` (which must outlive `app`).
void add_from_config_option(CLI::App& app, std::optional<std::string>& path);

/// With --from-config: `model` becomes the config's base_model unless --model was typed, the
/// typed setup flags are laid over the config's setup (load/axolotl_config.hpp overlay_flags),
/// and, when `workload` is given, --epochs and --packing come from num_epochs and
/// sample_packing unless typed. Returns the assumptions made (the config's defaults, its keys
/// ftcost does not model, the flags that overrode it). Without it, `model` must be set. Throws
/// InputError: "--model" (usage) when neither is given, the loader's (invalid data) for a bad
/// file.
[[nodiscard]] std::vector<Assumption> apply_from_config(const std::optional<std::string>& path,
                                                        std::string& model, SetupRequest& request,
                                                        WorkloadOptions* workload);

}  // namespace ftcost::cli
