// Rendering the model preset list (`ftcost models`).
#pragma once

#include <ostream>
#include <vector>

#include "ftcost/model/model.hpp"
#include "ftcost/render/output_format.hpp"

namespace ftcost::render {

/// Writes one row per model: id, name, family, total and active parameter counts
/// (count_params; table shows billions, JSON/CSV exact counts), layers, hidden size, vocabulary
/// and max context in tokens (empty/null when the config does not state it), to `out` only.
void render_models(const std::vector<ModelArch>& models, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
