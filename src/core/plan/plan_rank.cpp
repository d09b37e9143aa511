// Ranking plans: sort keys with stable tie-breaks, the cost × time Pareto front, --top.
#include "plan/plan_rank.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace ftcost::planner {
namespace {

// What ordering needs of one plan, kept small: sorting 300,000 whole PlanFigures moved over a
// gigabyte (measured with bench/plan_bench), sorting these moves a few megabytes.
struct SortEntry {
  std::array<double, 3> keys{};  ///< by the chosen SortKey, most significant first
  std::int64_t instances = 1;
  std::size_t index = 0;  ///< into the costed plans
  double total_usd = 0;
  double wall_hours = 0;
};

bool keys_before(const SortEntry& a, const SortEntry& b) {
  return a.keys < b.keys;
}

// The order is total: plans whose keys tie are ordered by their offer's key (offer_key), then
// instance count, so output is stable. Offer keys are strings, built only for the plans that
// tie (a few), not for every costed plan (100,000 strings for an imported catalog).
void break_ties(std::vector<SortEntry>::iterator first, std::vector<SortEntry>::iterator last,
                const Catalog& catalog, const std::vector<Candidate>& costed) {
  while (first != last) {
    const auto run_end =
        std::find_if(first, last, [&](const SortEntry& e) { return e.keys != first->keys; });
    if (run_end - first > 1) {
      std::vector<std::pair<std::string, SortEntry>> run;
      for (auto it = first; it != run_end; ++it) {
        run.emplace_back(offer_key(catalog.offers[costed[it->index].offer_index]), *it);
      }
      std::sort(run.begin(), run.end(), [](const auto& a, const auto& b) {
        return std::tie(a.first, a.second.instances) < std::tie(b.first, b.second.instances);
      });
      for (auto& [key, entry] : run) {
        *first++ = entry;
      }
    }
    first = run_end;
  }
}

// Sorts the first `kept` entries of `order` (all when kept is 0 or beyond the size) into their
// final order; the rest are left unordered.
void sort_entries(std::vector<SortEntry>& order, std::size_t kept, const Catalog& catalog,
                  const std::vector<Candidate>& costed) {
  auto end = order.end();
  if (kept > 0 && kept < order.size()) {
    const auto middle = order.begin() + static_cast<std::ptrdiff_t>(kept);
    std::partial_sort(order.begin(), middle, order.end(), keys_before);
    // Plans beyond `kept` that tie the last kept one compete for its place.
    const auto boundary = (middle - 1)->keys;
    end =
        std::partition(middle, order.end(), [&](const SortEntry& e) { return e.keys == boundary; });
  } else {
    std::sort(order.begin(), order.end(), keys_before);
  }
  break_ties(order.begin(), end, catalog, costed);
}

std::array<double, 3> keys_for(SortKey key, const Candidate& f) {
  const double total = f.total_usd;
  switch (key) {
    case SortKey::Cost:
      return {total, f.wall_hours, 0.0};
    case SortKey::Time:
      return {f.wall_hours, total, 0.0};
    case SortKey::P90:
      return {f.p90_total_usd, total, f.wall_hours};
  }
  return {total, f.wall_hours, 0.0};
}

std::vector<SortEntry> entries(SortKey key, const std::vector<Candidate>& costed) {
  std::vector<SortEntry> list;
  list.reserve(costed.size());
  for (std::size_t i = 0; i < costed.size(); ++i) {
    const Candidate& f = costed[i];
    list.push_back({keys_for(key, f), f.instances, i, f.total_usd, f.wall_hours});
  }
  return list;
}

// Sorted by cost (ties by time), a plan is dominated exactly when an earlier kept plan is at
// least as fast.
std::vector<SortEntry> pareto_front(std::vector<SortEntry> by_cost, const Catalog& catalog,
                                    const std::vector<Candidate>& costed) {
  sort_entries(by_cost, 0, catalog, costed);
  std::vector<SortEntry> front;
  for (const SortEntry& e : by_cost) {
    if (front.empty() || e.wall_hours < front.back().wall_hours) {
      front.push_back(e);
    }
  }
  return front;
}

// Imported catalogs price one instance type in many regions; the ranking shows each shape (offer
// without its region, and instance count) once, in its cheapest region by the sort order, so
// twenty regions of one instance do not crowd out every other offer. --region narrows first.
std::vector<SortEntry> one_region_per_shape(std::vector<SortEntry> order, std::size_t kept,
                                            const Catalog& catalog,
                                            const std::vector<Candidate>& costed) {
  sort_entries(order, 0, catalog, costed);
  std::set<std::pair<std::string, std::int64_t>> seen;
  std::vector<SortEntry> shown;
  for (const SortEntry& e : order) {
    Offer shape = catalog.offers[costed[e.index].offer_index];
    shape.region.clear();
    if (seen.emplace(offer_key(shape), e.instances).second) {
      shown.push_back(e);
      if (kept > 0 && shown.size() == kept) {
        break;
      }
    }
  }
  return shown;
}

bool any_region(const Catalog& catalog) {
  return std::any_of(catalog.offers.begin(), catalog.offers.end(),
                     [](const Offer& o) { return !o.region.empty(); });
}

}  // namespace

Candidate candidate_of(const PlanFigures& figures) noexcept {
  return {.offer_index = figures.offer_index,
          .instances = figures.instances,
          .total_usd = figures.cost.total_usd(),
          .p90_total_usd = figures.p90_total_usd,
          .total_usd_low = figures.total_usd_low,
          .total_usd_high = figures.total_usd_high,
          .wall_hours = figures.wall_hours,
          .wall_hours_low = figures.wall_hours_low,
          .wall_hours_high = figures.wall_hours_high};
}

double budget_figure(const Candidate& candidate, BudgetBasis basis) noexcept {
  switch (basis) {
    case BudgetBasis::Expected:
      return candidate.total_usd;
    case BudgetBasis::High:
      return candidate.total_usd_high;
    case BudgetBasis::P90:
      return candidate.p90_total_usd;
  }
  return candidate.total_usd;
}

double cheapest_total(const std::vector<Candidate>& costed, BudgetBasis basis) noexcept {
  double best = budget_figure(costed.front(), basis);
  for (const Candidate& c : costed) {
    best = std::min(best, budget_figure(c, basis));
  }
  return best;
}

std::vector<Candidate> rank(const PlanRequest& request, const Catalog& catalog,
                            const std::vector<Candidate>& costed) {
  std::vector<SortEntry> order = entries(request.sort, costed);
  if (request.pareto) {
    std::vector<SortEntry> front = pareto_front(entries(SortKey::Cost, costed), catalog, costed);
    for (SortEntry& e : front) {
      e.keys = keys_for(request.sort, costed[e.index]);
    }
    order = std::move(front);
  }
  if (any_region(catalog)) {
    order = one_region_per_shape(std::move(order), request.top, catalog, costed);
  }
  const std::size_t kept = request.top > 0 ? std::min(request.top, order.size()) : order.size();
  sort_entries(order, kept, catalog, costed);
  std::vector<Candidate> ranked;
  ranked.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    ranked.push_back(costed[order[i].index]);
  }
  return ranked;
}

}  // namespace ftcost::planner
