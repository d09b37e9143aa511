// The subcommands ftcost registers: one add_*_command per file, each storing its ExitCode in
// `result`.
#pragma once

#include "ftcost/base/error.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

using ftcost::ExitCode;

/// Registers every subcommand on `app`; the one that runs writes its outcome to `result`.
/// Every referenced options struct lives as long as `app` (they are owned by the commands).
void register_commands(CLI::App& app, ExitCode& result);

/// `ftcost gpus`: the GPU list (src/cli/gpus_command.cpp).
void add_gpus_command(CLI::App& app, ExitCode& result);

/// `ftcost time`: training duration on one GPU type (src/cli/time_command.cpp).
void add_time_command(CLI::App& app, ExitCode& result);

}  // namespace ftcost::cli
