// The assumptions list every estimate prints, as table lines and as a JSON array.
#pragma once

#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"

namespace ftcost::render {

/// Terminal width the text tables keep to.
inline constexpr std::size_t kTextWidth = 100;

/// Writes "  - text [source]" wrapped at word boundaries to kTextWidth columns, continuation
/// lines indented by four spaces (a single word longer than the line is kept whole).
void write_assumption_item(std::ostream& out, const std::string& line);

/// Writes a blank line, "assumptions:", then one write_assumption_item per assumption; nothing
/// when `assumptions` is empty.
void write_assumptions(std::ostream& out, const std::vector<Assumption>& assumptions);

/// The assumptions as a JSON array of {"text", "source"} objects (empty array when none).
[[nodiscard]] nlohmann::json assumptions_json(const std::vector<Assumption>& assumptions);

}  // namespace ftcost::render
