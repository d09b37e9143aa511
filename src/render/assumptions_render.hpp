// The assumptions list every estimate prints, as table lines and as a JSON array.
#pragma once

#include <nlohmann/json_fwd.hpp>
#include <ostream>
#include <vector>

#include "ftcost/assumption.hpp"

namespace ftcost::render {

/// Writes a blank line, "assumptions:", then "  - text [source]" per assumption; nothing when
/// `assumptions` is empty.
void write_assumptions(std::ostream& out, const std::vector<Assumption>& assumptions);

/// The assumptions as a JSON array of {"text", "source"} objects (empty array when none).
[[nodiscard]] nlohmann::json assumptions_json(const std::vector<Assumption>& assumptions);

}  // namespace ftcost::render
