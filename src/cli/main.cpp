// ftcost's entry point: registers the subcommands, runs the chosen one, maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"

namespace {

constexpr const char* kExitCodesFooter =
    "Exit codes: 0 ok; 1 internal error; 2 bad command line; 3 invalid input file;\n"
    "            4 nothing fits; 5 over --budget (docs/exit-codes.md).";

int code(ftcost::ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

// CLI11 reports a mistyped command as "A subcommand is required"; name the typo instead.
// Returns the command argv[1] names, or "" when it is an option (--help, --version).
std::string check_command_name(int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') {
    return {};
  }
  std::string typed = argv[1];
  const std::vector<std::string> names = ftcost::cli::command_names();
  if (std::find(names.begin(), names.end(), typed) != names.end()) {
    return typed;
  }
  std::string hint = ftcost::did_you_mean(typed, names);
  for (const std::string& name : names) {
    // closest_name counts a swap of two letters as two edits, too many for 4-letter names.
    if (hint.empty() && std::is_permutation(typed.begin(), typed.end(), name.begin(), name.end())) {
      hint = "did you mean '" + name + "'?";
    }
  }
  throw ftcost::InputError(
      "", "", "'" + typed + "' is not a command",
      (hint.empty() ? "" : hint + " ") + "commands: " + ftcost::join_names(names));
}

}  // namespace

namespace {

int run(int argc, char** argv) {
  CLI::App app{"ftcost: what will this LLM fine-tune cost, and on which GPU at which provider?"};
  app.set_version_flag("--version", std::string("ftcost ") + FTCOST_VERSION);
  app.footer(kExitCodesFooter);
  app.require_subcommand(1, 1);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("ftcost: error: ") + error.what() + " (run with --help for usage)\n";
  });
  ftcost::cli::ExitCode result = ftcost::cli::ExitCode::Ok;
  try {
    const std::string command = check_command_name(argc, argv);
    ftcost::cli::register_commands(app, result, command);
    app.parse(argc, argv);
    return code(result);
  } catch (const CLI::ParseError& error) {
    // --help and --version arrive as ParseErrors with code 0; never leak CLI11's 100+ codes.
    return app.exit(error) == 0 ? 0 : code(ftcost::ExitCode::Usage);
  } catch (const ftcost::InputError& error) {
    std::cerr << "ftcost: error: " << error.what() << '\n';
    return code(error.exit_code());
  } catch (const std::exception& error) {
    std::cerr << "ftcost: internal error: " << error.what() << '\n';
    return code(ftcost::ExitCode::Internal);
  }
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (...) {  // building the command line itself failed (e.g. out of memory)
    std::fputs("ftcost: internal error: could not set up the command line\n", stderr);
    return code(ftcost::ExitCode::Internal);
  }
}
