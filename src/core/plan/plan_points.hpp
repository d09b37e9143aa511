// The costed plans as points of the cost × time chart (internal to the planner).
#pragma once

#include <cstddef>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/plan/planner.hpp"
#include "plan_rank.hpp"

namespace ftcost::planner {

/// Every plan of `costed` as a PlanPoint, cheapest expected total first (ties: shorter wall
/// time): the first `cap`, plus every plan of the cost × time Pareto front beyond them; each
/// flagged when offer_caveats finds its offer's price doubtful.
[[nodiscard]] std::vector<PlanPoint> plan_points(const std::vector<Candidate>& costed,
                                                 const Catalog& catalog, std::size_t cap);

}  // namespace ftcost::planner
