// The one way JSON text becomes values: a single SAX pass that checks structure (bounded nesting,
// no duplicate keys) while it builds the document, and can stream one array's elements.
#pragma once

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace ftcost::load {

/// The deepest nesting of arrays and objects any JSON input may have. Real configs, catalogs and
/// dataset rows nest a handful of levels; the limit keeps every recursive walk of a parsed value
/// (string counting, dump()) far from the stack's end. 512 is also simdjson's default depth.
inline constexpr int kMaxJsonDepth = 512;

/// Receives each element of a streamed array as soon as it is complete, with its index; the
/// element is not kept in the document. Exceptions it throws pass through.
using ElementVisitor = std::function<void(const nlohmann::json& element, std::size_t index)>;

/// Parses `text` in one linear pass (nlohmann's SAX DOM builder, never its callback parser,
/// whose time is quadratic in the length of an array of objects). Throws InputError
/// (ExitCode::InvalidData) naming `origin`:
///   - "<origin>: <pointer>: duplicate key" for the second occurrence of a key in one object;
///   - "<origin>: JSON nested deeper than 512 levels" at the first deeper level.
/// Syntax errors throw nlohmann::json::parse_error (position in .byte); a number beyond a double
/// throws nlohmann::json::out_of_range. When `streamed_array` names an array by JSON Pointer
/// ("/offers"), each of its elements goes to `visit` instead of into the result, where the array
/// stays empty.
[[nodiscard]] nlohmann::json parse_checked(std::string_view text, const std::string& origin,
                                           std::string_view streamed_array = {},
                                           const ElementVisitor& visit = nullptr);

}  // namespace ftcost::load
