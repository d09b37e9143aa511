// Ranking, Pareto filtering and the assumption list of a plan (internal to the planner).
#pragma once

#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/catalog/catalog.hpp"
#include "ftcost/plan/planner.hpp"

namespace ftcost::planner {

/// What ranking needs of one costed plan (72 bytes, where PlanFigures takes about 1 KB): the
/// planner keeps one per candidate and rebuilds the whole figures only for the rows it shows, so
/// a 100,000-offer catalog costs a few megabytes instead of a hundred (bench/plan_bench).
struct Candidate {
  std::size_t offer_index = 0;  ///< into Catalog::offers
  std::int64_t instances = 1;
  double total_usd = 0;        ///< PlanFigures::cost.total_usd()
  double p90_total_usd = 0;    ///< PlanFigures::p90_total_usd
  double total_usd_low = 0;    ///< PlanFigures::total_usd_low
  double total_usd_high = 0;   ///< PlanFigures::total_usd_high (may be infinity)
  double wall_hours = 0;       ///< PlanFigures::wall_hours
  double wall_hours_low = 0;   ///< PlanFigures::wall_hours_low
  double wall_hours_high = 0;  ///< PlanFigures::wall_hours_high (may be infinity)
};

/// The ranking figures of `figures`.
[[nodiscard]] Candidate candidate_of(const PlanFigures& figures) noexcept;

/// The figure of `candidate` that --budget compares with: total_usd, total_usd_high or
/// p90_total_usd.
[[nodiscard]] double budget_figure(const Candidate& candidate, BudgetBasis basis) noexcept;

/// The lowest budget_figure over `costed` (not empty).
[[nodiscard]] double cheapest_total(const std::vector<Candidate>& costed,
                                    BudgetBasis basis) noexcept;

/// Sorts by request.sort (ties: shorter wall time, then lower cost, then the offer's key),
/// applies --pareto, and keeps request.top candidates, best first.
/// With --pareto, only plans no other plan beats on both expected cost and expected wall time
/// are ranked.
[[nodiscard]] std::vector<Candidate> rank(const PlanRequest& request, const Catalog& catalog,
                                          const std::vector<Candidate>& costed);

/// The assumptions every plan of `request` rests on, with their sources.
[[nodiscard]] std::vector<Assumption> plan_assumptions(const PlanRequest& request);

}  // namespace ftcost::planner
