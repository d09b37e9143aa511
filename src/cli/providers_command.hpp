// `ftcost providers`: the providers and offers of the selected catalog.
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Registers `providers` on `app`; its outcome goes to `result`.
void add_providers_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
