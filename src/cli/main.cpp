// ftcost's entry point: registers the subcommands, runs the chosen one, maps errors to exit codes.
#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>

#include "commands.hpp"
#include "ftcost/error.hpp"

namespace {

constexpr const char* kExitCodesFooter =
    "Exit codes: 0 ok; 1 internal error; 2 bad command line; 3 invalid input file;\n"
    "            4 nothing fits; 5 over --budget (docs/exit-codes.md).";

int code(ftcost::ExitCode exit_code) {
  return static_cast<int>(exit_code);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ftcost: what will this LLM fine-tune cost, and on which GPU at which provider?"};
  app.set_version_flag("--version", std::string("ftcost ") + FTCOST_VERSION);
  app.footer(kExitCodesFooter);
  app.require_subcommand(1, 1);
  app.failure_message([](const CLI::App*, const CLI::Error& error) {
    return std::string("ftcost: error: ") + error.what() + " (run with --help for usage)\n";
  });
  ftcost::cli::ExitCode result = ftcost::cli::ExitCode::Ok;
  ftcost::cli::register_commands(app, result);
  try {
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
