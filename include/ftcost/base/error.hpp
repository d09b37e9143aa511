// The one exception type for bad input, and the process exit codes the CLI maps results to.
#pragma once

#include <stdexcept>
#include <string>

namespace ftcost {

/// Process exit codes; documented in docs/exit-codes.md and the --help footer.
enum class ExitCode : int {
  Ok = 0,           ///< success; with --budget, the best plan is within budget
  Internal = 1,     ///< a bug: an unexpected exception reached main
  Usage = 2,        ///< bad command line: unknown flag, bad value, impossible combination
  InvalidData = 3,  ///< unreadable or invalid input file (config.json, catalog, dataset)
  NoFit = 4,        ///< nothing fits: no GPU/offer can hold the job
  OverBudget = 5,   ///< plans exist but the cheapest exceeds --budget
};

/// Bad input, reported as one line: "<origin>: <where>: <problem> (<accepted>)".
///
/// origin: the file or source the input came from ("config.json", "<built-in models>"), or empty
///         for command-line flags.
/// where:  the flag ("--seq-len") or the JSON Pointer ("/offers/3/usd_per_hour") or "line:column".
/// problem: what was wrong, including the offending value.
/// accepted: what would have been valid (may be empty); a "did you mean" suggestion goes here too.
/// exit_code: ExitCode::Usage for flags, ExitCode::InvalidData for files.
class InputError : public std::runtime_error {
 public:
  InputError(std::string origin, std::string where, std::string problem, std::string accepted = {},
             ExitCode exit_code = ExitCode::Usage);

  [[nodiscard]] const std::string& origin() const noexcept { return origin_; }
  [[nodiscard]] const std::string& where() const noexcept { return where_; }
  [[nodiscard]] const std::string& problem() const noexcept { return problem_; }
  [[nodiscard]] const std::string& accepted() const noexcept { return accepted_; }
  [[nodiscard]] ExitCode exit_code() const noexcept { return exit_code_; }

 private:
  std::string origin_;
  std::string where_;
  std::string problem_;
  std::string accepted_;
  ExitCode exit_code_;
};

}  // namespace ftcost
