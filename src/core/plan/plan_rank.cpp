// Ranking plans: sort keys with stable tie-breaks, the cost × time Pareto front, --top.
#include "plan/plan_rank.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

namespace ftcost::planner {
namespace {

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

// What ordering needs of one plan, kept small: the first sort key inline (most comparisons end
// there) and the index of the candidate for the rest. 16 bytes, so ordering 125,000 plans of a
// 100,000-offer catalog touches 2 MB (bench/plan_bench).
struct SortEntry {
  double first_key = 0;
  std::uint32_t index = 0;  ///< into the costed plans (a 64 MiB catalog has < 750,000 offers)
};

// Orders entries by a sort key, with the tie-breaks that make the order total.
class Ordering {
 public:
  Ordering(SortKey key, const Catalog& catalog, const std::vector<Candidate>& costed)
      : key_(key), catalog_(catalog), costed_(costed) {}

  [[nodiscard]] const Candidate& candidate(const SortEntry& e) const { return costed_[e.index]; }
  [[nodiscard]] std::array<double, 3> keys(const SortEntry& e) const {
    return keys_for(key_, candidate(e));
  }
  [[nodiscard]] bool keys_before(const SortEntry& a, const SortEntry& b) const {
    if (a.first_key != b.first_key) {
      return a.first_key < b.first_key;
    }
    return keys(a) < keys(b);
  }

  [[nodiscard]] std::vector<SortEntry> entries() const {
    std::vector<SortEntry> list;
    list.reserve(costed_.size());
    for (std::size_t i = 0; i < costed_.size(); ++i) {
      list.push_back({keys_for(key_, costed_[i])[0], static_cast<std::uint32_t>(i)});
    }
    return list;
  }

  // Sorts the first `kept` entries of `order` (all when kept is 0 or beyond the size) into their
  // final order; the rest are left unordered.
  void sort(std::vector<SortEntry>& order, std::size_t kept) const {
    const auto before = [this](const SortEntry& a, const SortEntry& b) {
      return keys_before(a, b);
    };
    auto end = order.end();
    if (kept > 0 && kept < order.size()) {
      const auto middle = order.begin() + static_cast<std::ptrdiff_t>(kept);
      std::partial_sort(order.begin(), middle, order.end(), before);
      // Plans beyond `kept` that tie the last kept one compete for its place.
      const auto boundary = keys(*(middle - 1));
      end = std::partition(middle, order.end(),
                           [&](const SortEntry& e) { return keys(e) == boundary; });
    } else {
      std::sort(order.begin(), order.end(), before);
    }
    break_ties(order.begin(), end);
  }

 private:
  // The order is total: plans whose keys tie are ordered by their offer's key (offer_key), then
  // instance count, so output is stable. Offer keys are strings, built only for the plans that
  // tie (a few), not for every costed plan (100,000 strings for an imported catalog).
  void break_ties(std::vector<SortEntry>::iterator first,
                  std::vector<SortEntry>::iterator last) const {
    while (first != last) {
      const auto first_keys = keys(*first);
      const auto run_end =
          std::find_if(first, last, [&](const SortEntry& e) { return keys(e) != first_keys; });
      if (run_end - first > 1) {
        std::vector<std::tuple<std::string, std::int64_t, SortEntry>> run;
        for (auto it = first; it != run_end; ++it) {
          const Candidate& c = candidate(*it);
          run.emplace_back(offer_key(catalog_.offers[c.offer_index]), c.instances, *it);
        }
        std::sort(run.begin(), run.end(), [](const auto& a, const auto& b) {
          return std::tie(std::get<0>(a), std::get<1>(a)) <
                 std::tie(std::get<0>(b), std::get<1>(b));
        });
        for (const auto& entry : run) {
          *first++ = std::get<2>(entry);
        }
      }
      first = run_end;
    }
  }

  SortKey key_;
  const Catalog& catalog_;
  const std::vector<Candidate>& costed_;
};

// Sorted by cost (ties by time), a plan is dominated exactly when an earlier kept plan is at
// least as fast.
std::vector<SortEntry> pareto_front(const Catalog& catalog, const std::vector<Candidate>& costed) {
  const Ordering by_cost(SortKey::Cost, catalog, costed);
  std::vector<SortEntry> order = by_cost.entries();
  by_cost.sort(order, 0);
  std::vector<SortEntry> front;
  for (const SortEntry& e : order) {
    if (front.empty() || costed[e.index].wall_hours < costed[front.back().index].wall_hours) {
      front.push_back(e);
    }
  }
  return front;
}

// Imported catalogs price one instance type in many regions; the ranking shows each shape (offer
// without its region, and instance count) once, in its cheapest region by the sort order, so
// twenty regions of one instance do not crowd out every other offer. --region narrows first.
std::vector<SortEntry> one_region_per_shape(std::vector<SortEntry> order, std::size_t kept,
                                            const Catalog& catalog, const Ordering& ordering) {
  ordering.sort(order, 0);
  std::set<std::pair<std::string, std::int64_t>> seen;
  std::vector<SortEntry> shown;
  for (const SortEntry& e : order) {
    const Candidate& c = ordering.candidate(e);
    Offer shape = catalog.offers[c.offer_index];
    shape.region.clear();
    if (seen.emplace(offer_key(shape), c.instances).second) {
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
  const Ordering ordering(request.sort, catalog, costed);
  std::vector<SortEntry> order;
  if (request.pareto) {
    order = pareto_front(catalog, costed);
    for (SortEntry& e : order) {
      e.first_key = ordering.keys(e)[0];
    }
  } else {
    order = ordering.entries();
  }
  if (any_region(catalog)) {
    order = one_region_per_shape(std::move(order), request.top, catalog, ordering);
  }
  const std::size_t kept = request.top > 0 ? std::min(request.top, order.size()) : order.size();
  ordering.sort(order, kept);
  std::vector<Candidate> ranked;
  ranked.reserve(kept);
  for (std::size_t i = 0; i < kept; ++i) {
    ranked.push_back(costed[order[i].index]);
  }
  return ranked;
}

}  // namespace ftcost::planner
