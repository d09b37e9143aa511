// The list of subcommands, in the order --help shows them.
#include "commands.hpp"

#include <CLI/CLI.hpp>

#include "catalog_command.hpp"
#include "models_command.hpp"
#include "plan_command.hpp"
#include "providers_command.hpp"
#include "vram_command.hpp"

namespace ftcost::cli {

void register_commands(CLI::App& app, ExitCode& result) {
  add_models_command(app, result);
  add_gpus_command(app, result);
  add_vram_command(app, result);
  add_time_command(app, result);
  add_plan_command(app, result);
  add_providers_command(app, result);
  add_catalog_command(app, result);
}

}  // namespace ftcost::cli
