// Rendering the price catalog listing (`ftcost providers`).
#pragma once

#include <ostream>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/render/output_format.hpp"

namespace ftcost::render {

/// Writes the catalog's providers and offers (`ftcost providers`): a table of providers and a
/// table of offers, JSON with both, or CSV with one row per offer.
void render_providers(const Catalog& catalog, OutputFormat format, std::ostream& out);

}  // namespace ftcost::render
