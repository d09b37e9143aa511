// `ftcost models` registration.
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Adds `models [--format table|json|csv]`; its run sets `result` to ExitCode::Ok.
void add_models_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
