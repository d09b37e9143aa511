// The cost × time chart of every costed plan (the html plan report's main figure).
#pragma once

#include "ftcost/plan/planner.hpp"
#include "html_writer.hpp"

namespace ftcost::render::html {

/// The most ranked plans the chart rings and labels with their rank.
inline constexpr std::size_t kLabelledPlans = 10;

/// Up to this many points every point gets its whiskers; past it (imported catalogs) only the
/// ranked plans and the Pareto front do, as thousands of crossing ranges hide the marks.
inline constexpr std::size_t kMaxWhiskeredPoints = 500;

/// Writes a <figure> with an SVG scatter of plan.points (x: wall hours, y: total USD, both log):
/// one mark per point (class "mark": a circle for on-demand, a triangle for spot, filled by
/// provider), whiskers for each point's 80% ranges where low < high (class "whisker"; an
/// infinite high end runs to the plot's edge with an arrowhead; past kMaxWhiskeredPoints points
/// only for the ranked plans and the front), the Pareto front of the points
/// as a step line, rings and rank labels for the first kLabelledPlans of plan.rows, a legend,
/// and a caption saying what was drawn (and how many of plan.candidates). A paragraph instead
/// when there are no points.
void plan_scatter(Markup& page, const Plan& plan);

}  // namespace ftcost::render::html
