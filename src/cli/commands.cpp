// The list of subcommands, in the order --help shows them.
#include "commands.hpp"

#include <CLI/CLI.hpp>

namespace ftcost::cli {

void register_commands(CLI::App& app, ExitCode& result) {
  (void)app;
  (void)result;
}

}  // namespace ftcost::cli
