// `ftcost vram` registration.
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Adds `vram --model M [setup flags] [--vram GIB] [--format table|json|csv]`. Its run sets
/// `result` to Ok, or NoFit when --vram is given and the estimate does not fit.
void add_vram_command(CLI::App& app, ExitCode& result);

}  // namespace ftcost::cli
