// Chart points: the cheapest costed plans and the Pareto front, capped so huge catalogs stay
// drawable.
#include "plan/plan_points.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <set>

#include "ftcost/catalog/consistency.hpp"

namespace ftcost::planner {

std::vector<PlanPoint> plan_points(const std::vector<Candidate>& costed, const Catalog& catalog,
                                   std::size_t cap) {
  std::vector<std::size_t> order(costed.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&costed](std::size_t a, std::size_t b) {
    const double ta = costed[a].total_usd;
    const double tb = costed[b].total_usd;
    return ta != tb ? ta < tb : costed[a].wall_hours < costed[b].wall_hours;
  });
  // In cost order, a plan is on the front exactly when it is faster than every cheaper one.
  std::vector<std::size_t> kept;
  double fastest = std::numeric_limits<double>::infinity();
  for (std::size_t position = 0; position < order.size(); ++position) {
    const Candidate& f = costed[order[position]];
    const bool on_front = f.wall_hours < fastest;
    fastest = std::min(fastest, f.wall_hours);
    if (position < cap || on_front) {
      kept.push_back(order[position]);
    }
  }
  std::vector<std::size_t> offers;
  offers.reserve(kept.size());
  for (std::size_t i : kept) {
    offers.push_back(costed[i].offer_index);
  }
  // offer_caveats groups the catalog once when many offers are asked about.
  const std::vector<OfferCaveat> caveats = offer_caveats(catalog, offers);
  std::set<std::size_t> doubtful;
  for (const OfferCaveat& caveat : caveats) {
    doubtful.insert(caveat.offer);
  }
  std::vector<PlanPoint> points;
  points.reserve(kept.size());
  for (std::size_t i : kept) {
    const Candidate& f = costed[i];
    const Offer& offer = catalog.offers[f.offer_index];
    points.push_back({.offer_index = f.offer_index,
                      .provider = offer.provider,
                      .gpu = offer.gpu,
                      .instances = f.instances,
                      .gpus_total = f.instances * offer.gpus,
                      .tier = offer.tier,
                      .total_usd = f.total_usd,
                      .total_usd_low = f.total_usd_low,
                      .total_usd_high = f.total_usd_high,
                      .wall_hours = f.wall_hours,
                      .wall_hours_low = f.wall_hours_low,
                      .wall_hours_high = f.wall_hours_high,
                      .price_caveat = doubtful.count(f.offer_index) > 0});
  }
  return points;
}

}  // namespace ftcost::planner
