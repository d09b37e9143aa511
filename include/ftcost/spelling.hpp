// "Did you mean" suggestions for mistyped names (models, GPUs, providers, flags' values).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost {

/// Levenshtein edit distance between `a` and `b`, compared case-insensitively.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The entry of `known` closest to `input` by edit_distance, if that distance is at most
/// `max_distance` (default 3, as ninja's SpellcheckString) and the input is not a mere
/// prefix-free guess of one or two characters. Ties go to the earliest entry.
[[nodiscard]] std::optional<std::string> closest_name(std::string_view input,
                                                      const std::vector<std::string>& known,
                                                      std::size_t max_distance = 3);

/// "did you mean 'x'?" when closest_name finds one, else "" — for InputError's accepted text.
[[nodiscard]] std::string did_you_mean(std::string_view input,
                                       const std::vector<std::string>& known);

}  // namespace ftcost
