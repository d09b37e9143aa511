// Runs the real ftcost binary (path from the FTCOST_EXE compile definition) for end-to-end tests.
#pragma once

#include <string>
#include <vector>

namespace ftcost::e2e {

/// What one run of the binary produced.
struct RunResult {
  int exit_code = -1;  ///< process exit status; -1 if it did not exit normally
  std::string out;     ///< everything written to stdout
  std::string err;     ///< everything written to stderr
};

/// Runs FTCOST_EXE with `args` (no shell), capturing stdout, stderr and the exit code.
/// Throws std::runtime_error if the process cannot be started.
[[nodiscard]] RunResult run_ftcost(const std::vector<std::string>& args);

/// Runs FTCOST_EXE with `args` on a pseudo-terminal, so its stdout is a TTY, with NO_COLOR
/// removed from the environment and then `env` ("NAME=value" entries) added. `out` holds what
/// the terminal received from stdout and stderr together, line ends as "\r\n"; `err` is empty.
/// Throws std::runtime_error if the terminal or the process cannot be started.
[[nodiscard]] RunResult run_ftcost_tty(const std::vector<std::string>& args,
                                       const std::vector<std::string>& env = {});

}  // namespace ftcost::e2e
