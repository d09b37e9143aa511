// "Did you mean" suggestions for mistyped names (models, GPUs, providers, flags' values).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost {

/// Levenshtein edit distance between `a` and `b`, compared case-insensitively.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// `name` split into lower-case tokens at every non-alphanumeric character and where a digit
/// follows a letter: "llama-3.1-8b" -> {llama, 3, 1, 8b}, "a100-80gb" -> {a, 100, 80gb}.
[[nodiscard]] std::vector<std::string> name_tokens(std::string_view name);

/// The entry of `known` most like `input`: first by the number of name_tokens of two or more
/// characters it shares with `input` ("llama-8b" shares llama and 8b with "llama-3.1-8b" but only
/// llama with "llama-2-7b"), then by edit_distance. An entry sharing no token qualifies only
/// within `max_distance` edits (default 3, as ninja's SpellcheckString) that change fewer than
/// half the characters of the longer of the two ("mamba" suggests nothing, not "gemma"). A
/// one-character input gets no suggestion. Ties go to the earliest entry.
[[nodiscard]] std::optional<std::string> closest_name(std::string_view input,
                                                      const std::vector<std::string>& known,
                                                      std::size_t max_distance = 3);

/// "did you mean 'x'?" when closest_name finds one, else "" — for InputError's accepted text.
[[nodiscard]] std::string did_you_mean(std::string_view input,
                                       const std::vector<std::string>& known);

}  // namespace ftcost
