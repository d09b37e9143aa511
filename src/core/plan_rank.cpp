// Ranking plans: sort keys with stable tie-breaks, the cost × time Pareto front, --top.
#include "plan_rank.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>

namespace ftcost::planner {
namespace {

// The sort key as a tuple compared lexicographically; the offer key and instance count make the
// order total, so equal plans always print in the same order.
auto sort_tuple(SortKey key, const PlanFigures& f, std::string_view offer) {
  const double total = f.cost.total_usd();
  switch (key) {
    case SortKey::Cost:
      return std::make_tuple(total, f.wall_hours, 0.0, offer, f.instances);
    case SortKey::Time:
      return std::make_tuple(f.wall_hours, total, 0.0, offer, f.instances);
    case SortKey::P90:
      return std::make_tuple(f.p90_total_usd, total, f.wall_hours, offer, f.instances);
  }
  return std::make_tuple(total, f.wall_hours, 0.0, offer, f.instances);
}

void sort_by(SortKey key, const Catalog& catalog, std::vector<PlanFigures>& rows) {
  std::vector<std::string> keys(catalog.offers.size());
  for (const PlanFigures& f : rows) {
    if (keys[f.offer_index].empty()) {
      keys[f.offer_index] = offer_key(catalog.offers[f.offer_index]);
    }
  }
  std::sort(rows.begin(), rows.end(), [&](const PlanFigures& a, const PlanFigures& b) {
    return sort_tuple(key, a, keys[a.offer_index]) < sort_tuple(key, b, keys[b.offer_index]);
  });
}

}  // namespace

double cheapest_total(const std::vector<PlanFigures>& costed) noexcept {
  double best = costed.front().cost.total_usd();
  for (const PlanFigures& f : costed) {
    best = std::min(best, f.cost.total_usd());
  }
  return best;
}

std::vector<PlanFigures> pareto_front(std::vector<PlanFigures> sorted_by_cost) {
  std::vector<PlanFigures> front;
  for (PlanFigures& f : sorted_by_cost) {
    // Sorted by cost (ties by time), a plan is dominated exactly when an earlier kept plan is
    // at least as fast.
    if (front.empty() || f.wall_hours < front.back().wall_hours) {
      front.push_back(std::move(f));
    }
  }
  return front;
}

std::vector<PlanFigures> rank(const PlanRequest& request, const Catalog& catalog,
                              std::vector<PlanFigures> costed) {
  if (request.pareto) {
    sort_by(SortKey::Cost, catalog, costed);
    costed = pareto_front(std::move(costed));
  }
  sort_by(request.sort, catalog, costed);
  if (request.top > 0 && costed.size() > request.top) {
    costed.resize(request.top);
  }
  for (PlanFigures& f : costed) {
    f.within_budget = !request.budget_usd || f.cost.total_usd() <= *request.budget_usd;
  }
  return costed;
}

}  // namespace ftcost::planner
