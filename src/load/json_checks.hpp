// Structural checks every JSON input gets before it is parsed into values: bounded nesting, no
// duplicate keys, and (for streamed documents) bounded arrays.
#pragma once

#include <cstddef>
#include <limits>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost::load {

/// The deepest nesting of arrays and objects any JSON input may have. Real configs, catalogs and
/// dataset rows nest a handful of levels; the limit keeps every recursive walk of a parsed value
/// (string counting, dump()) far from the stack's end. 512 is also simdjson's default depth.
inline constexpr int kMaxJsonDepth = 512;

/// Limits beyond depth and duplicate keys.
struct JsonLimits {
  /// Elements any array may hold, except the one at `unbounded_array` (a JSON Pointer).
  /// nlohmann's callback parser rescans an array each time one of its objects ends, so a
  /// document parsed with a callback must bound the arrays it keeps whole.
  std::size_t max_array_elements = std::numeric_limits<std::size_t>::max();
  std::string unbounded_array;
};

/// Reads `text` once as SAX events (linear time, no values built) and throws InputError
/// (ExitCode::InvalidData) naming `origin`:
///   - "<origin>: <pointer>: duplicate key" for the second occurrence of a key in one object;
///   - "<origin>: JSON nested deeper than 512 levels" at the first deeper level;
///   - "<origin>: <pointer>: array of more than N elements" beyond `limits`.
/// A syntax error stops the pass silently: the parse that follows reports it with its position.
void check_json_structure(std::string_view text, const std::string& origin,
                          const JsonLimits& limits = {});

}  // namespace ftcost::load
