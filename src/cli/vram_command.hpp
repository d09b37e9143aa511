// `ftcost vram` registration.
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Adds `vram --model M [setup flags] [--vram GIB | --gpu ID] [--format table|json|csv|html]
/// [--color WHEN]`. With
/// --gpu the setup is adapted to the GPU (adapt_to_gpu) and fitted in its usable memory. Its run
/// sets `result` to Ok, or NoFit when a capacity is given and the estimate does not fit.
void add_vram_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
