// Ranking, Pareto filtering and the assumption list of a plan (internal to the planner).
#pragma once

#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/catalog/catalog.hpp"
#include "ftcost/plan/planner.hpp"

namespace ftcost::planner {

/// The figure of `figures` that --budget compares with: total_usd, total_usd_high or
/// p90_total_usd.
[[nodiscard]] double budget_figure(const PlanFigures& figures, BudgetBasis basis) noexcept;

/// The lowest budget_figure over `costed` (not empty).
[[nodiscard]] double cheapest_total(const std::vector<PlanFigures>& costed,
                                    BudgetBasis basis) noexcept;

/// Sorts by request.sort (ties: shorter wall time, then lower cost, then the offer's key),
/// applies --pareto, marks within_budget, and keeps request.top rows.
/// With --pareto, only plans no other plan beats on both expected cost and expected wall time
/// are ranked.
[[nodiscard]] std::vector<PlanFigures> rank(const PlanRequest& request, const Catalog& catalog,
                                            const std::vector<PlanFigures>& costed);

/// The assumptions every plan of `request` rests on, with their sources.
[[nodiscard]] std::vector<Assumption> plan_assumptions(const PlanRequest& request);

}  // namespace ftcost::planner
