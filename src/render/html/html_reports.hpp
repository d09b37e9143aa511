// The html reports (docs/report.md): one self-contained page each, for `plan` and `vram`.
#pragma once

#include <ostream>

#include "ftcost/render/memory_render.hpp"
#include "ftcost/render/plan_render.hpp"

namespace ftcost::render {

/// The plan report (html/plan_html.cpp): title, outcome and request header, the cost × time chart
/// of report.plan.points, the ranked table with its marks explained, report.memory as stacked
/// bars against each GPU's capacity, every assumption, the rejected offers.
void write_plan_html(const PlanReport& report, std::ostream& out);

/// The vram report (html/memory_html.cpp): setup and peaks, the components at the binding phase
/// and each phase's allocation as bars against the capacity (when one is given), the component
/// table, assumptions.
void write_memory_html(const MemoryReport& report, std::ostream& out);

}  // namespace ftcost::render
