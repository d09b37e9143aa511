// Builds InputError's one-line message from its parts.
#include "ftcost/base/error.hpp"

#include <string_view>
#include <utility>

namespace ftcost {
namespace {

// Control characters (a pasted "8b\n", a NUL in a file name) would break the message's one line;
// show them as C escapes instead.
std::string escape_controls(std::string_view text) {
  constexpr std::string_view kHex = "0123456789abcdef";
  std::string escaped;
  escaped.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '\n') {
      escaped += "\\n";
    } else if (c == '\r') {
      escaped += "\\r";
    } else if (c == '\t') {
      escaped += "\\t";
    } else if (byte < 0x20 || byte == 0x7f) {
      escaped += "\\x";
      escaped += kHex[byte >> 4U];
      escaped += kHex[byte & 0xfU];
    } else {
      escaped += c;
    }
  }
  return escaped;
}

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
  return escape_controls(text);
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
