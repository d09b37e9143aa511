// `ftcost plan`: rank every GPU offer by the whole project's cost (docs/planner.md).
#pragma once

#include "commands.hpp"

namespace ftcost::cli {

/// Registers `plan` on `app`; its outcome (ok, no-fit, over-budget) goes to `result`.
void add_plan_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
