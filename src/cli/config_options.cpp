// --from-config: reading the config, then letting typed flags win (docs/launch.md#from-config).
#include "config_options.hpp"

#include <CLI/CLI.hpp>

#include "ftcost/base/error.hpp"
#include "ftcost/load/axolotl_config.hpp"
#include "ftcost/load/model_load.hpp"
#include "subject_options.hpp"

namespace ftcost::cli {

void add_from_config_option(CLI::App& app, std::optional<std::string>& path) {
  app.add_option("--from-config", path,
                 "Axolotl config (YAML) to take the model and setup from; typed flags win")
      ->check(file_path())
      ->type_name("FILE");
}

std::vector<Assumption> apply_from_config(const std::optional<std::string>& path,
                                          std::string& model, SetupRequest& request,
                                          WorkloadOptions* workload) {
  if (!path) {
    if (model.empty()) {
      throw InputError("", "--model", "required", "--model SPEC, or --from-config FILE");
    }
    return {};
  }
  ConfigSetup config = load_axolotl_config(*path);
  std::vector<Assumption> notes = std::move(config.notes);
  if (model.empty()) {
    model = config.model;
    try {
      (void)resolve_model(model, default_model_presets());
    } catch (const InputError& error) {
      // The model came from the file, not from a flag: say so, as invalid data.
      throw InputError(*path, "/base_model", error.problem(), error.accepted(),
                       ExitCode::InvalidData);
    }
  } else if (model != config.model) {
    notes.push_back({"--model " + model + " overrides base_model " + config.model + " of " + *path,
                     "docs/launch.md#from-config"});
  }
  const std::vector<Assumption> overridden = overlay_flags(config.request, request, *path);
  notes.insert(notes.end(), overridden.begin(), overridden.end());
  request = config.request;
  if (workload != nullptr) {
    if (!workload->epochs) {
      workload->epochs = config.epochs;
    }
    if (!workload->packing) {
      workload->packing = config.packing;
    }
  }
  return notes;
}

}  // namespace ftcost::cli
