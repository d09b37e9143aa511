// The subcommands ftcost registers: one add_*_command per file, each storing its ExitCode in
// `result`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/error.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

using ftcost::ExitCode;

/// Registers every subcommand on `app` (names and descriptions), with its options only for
/// `selected` (every command's when empty); the one that runs writes its outcome to `result`.
/// Every referenced options struct lives as long as `app` (they are owned by the commands).
void register_commands(CLI::App& app, ExitCode& result, std::string_view selected);

/// The subcommands' names, in the order --help shows them.
[[nodiscard]] std::vector<std::string> command_names();

/// `ftcost gpus`: the GPU list (src/cli/gpus_command.cpp).
void add_gpus_command(CLI::App& subcommand, ExitCode& result);

/// `ftcost time`: training duration on one GPU type (src/cli/time_command.cpp).
void add_time_command(CLI::App& subcommand, ExitCode& result);

}  // namespace ftcost::cli
