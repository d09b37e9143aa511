// Builds InputError's one-line message from its parts.
#include "ftcost/error.hpp"

#include <utility>

namespace ftcost {
namespace {

std::string join_message(const std::string& origin, const std::string& where,
                         const std::string& problem, const std::string& accepted) {
  std::string text;
  for (const std::string* part : {&origin, &where}) {
    if (!part->empty()) {
      text += *part;
      text += ": ";
    }
  }
  text += problem;
  if (!accepted.empty()) {
    text += " (";
    text += accepted;
    text += ")";
  }
  return text;
}

}  // namespace

InputError::InputError(std::string origin, std::string where, std::string problem,
                       std::string accepted, ExitCode exit_code)
    : std::runtime_error(join_message(origin, where, problem, accepted)),
      origin_(std::move(origin)),
      where_(std::move(where)),
      problem_(std::move(problem)),
      accepted_(std::move(accepted)),
      exit_code_(exit_code) {}

}  // namespace ftcost
