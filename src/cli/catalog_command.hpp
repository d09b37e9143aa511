// `ftcost catalog validate FILE`: check a price catalog without planning.
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Registers `catalog` (with its `validate` subcommand) on `app`; the outcome goes to `result`.
void add_catalog_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
