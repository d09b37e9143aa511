// Edit-distance suggestions, after the idea of ninja's SpellcheckStringV (src/util.cc).
#include "ftcost/spelling.hpp"

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

std::optional<std::string> closest_name(std::string_view input,
                                        const std::vector<std::string>& known,
                                        std::size_t max_distance) {
  // A one-character input is within distance 1 of every one-character name; suggest nothing.
  if (input.size() < 2) {
    return std::nullopt;
  }
  std::optional<std::string> best;
  std::size_t best_distance = max_distance + 1;
  for (const std::string& name : known) {
    const std::size_t distance = edit_distance(input, name);
    if (distance < best_distance && distance < name.size()) {
      best_distance = distance;
      best = name;
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
