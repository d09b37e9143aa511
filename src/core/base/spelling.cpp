// Edit-distance suggestions, after the idea of ninja's SpellcheckStringV (src/util.cc).
#include "ftcost/base/spelling.hpp"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace ftcost {
namespace {

char lower(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Two-row dynamic programme: O(|a|·|b|) time, O(|b|) memory.
  std::vector<std::size_t> previous(b.size() + 1);
  std::vector<std::size_t> current(b.size() + 1);
  std::iota(previous.begin(), previous.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution =
          previous[j - 1] + (lower(a[i - 1]) == lower(b[j - 1]) ? 0 : 1);
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
    }
    std::swap(previous, current);
  }
  return previous[b.size()];
}

std::vector<std::string> name_tokens(std::string_view name) {
  std::vector<std::string> tokens;
  std::string token;
  for (const char c : name) {
    const bool alnum = std::isalnum(static_cast<unsigned char>(c)) != 0;
    const bool digit = std::isdigit(static_cast<unsigned char>(c)) != 0;
    const bool after_letter =
        !token.empty() && std::isalpha(static_cast<unsigned char>(token.back())) != 0;
    if (!alnum || (digit && after_letter)) {
      if (!token.empty()) {
        tokens.push_back(token);
      }
      token.clear();
    }
    if (alnum) {
      token += lower(c);
    }
  }
  if (!token.empty()) {
    tokens.push_back(token);
  }
  return tokens;
}

std::optional<std::string> closest_name(std::string_view input,
                                        const std::vector<std::string>& known,
                                        std::size_t max_distance) {
  // A one-character input is within distance 1 of every one-character name; suggest nothing.
  if (input.size() < 2) {
    return std::nullopt;
  }
  const std::vector<std::string> wanted = name_tokens(input);
  std::optional<std::string> best;
  std::size_t best_shared = 0;
  std::size_t best_distance = 0;
  for (const std::string& name : known) {
    std::size_t shared = 0;
    for (const std::string& token : name_tokens(name)) {
      const bool meaningful = token.size() >= 2;  // "b" of "8b" alone says nothing
      shared += meaningful && std::find(wanted.begin(), wanted.end(), token) != wanted.end();
    }
    const std::size_t distance = edit_distance(input, name);
    // Without a shared token, a name must keep most of its characters: "gemma" is 3 edits from
    // "mamba" but no suggestion for it.
    if (shared == 0 &&
        (distance > max_distance || 2 * distance >= std::max(input.size(), name.size()))) {
      continue;
    }
    if (!best || shared > best_shared || (shared == best_shared && distance < best_distance)) {
      best = name;
      best_shared = shared;
      best_distance = distance;
    }
  }
  return best;
}

std::string did_you_mean(std::string_view input, const std::vector<std::string>& known) {
  if (auto best = closest_name(input, known)) {
    return "did you mean '" + *best + "'?";
  }
  return {};
}

}  // namespace ftcost
