// The planner: enumerate offer × instance count, cost each (plan_costs.cpp), filter and rank.
#include "ftcost/plan/planner.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <utility>

#include "ftcost/base/error.hpp"
#include "ftcost/base/number_text.hpp"
#include "ftcost/base/spelling.hpp"
#include "ftcost/catalog/consistency.hpp"
#include "plan/plan_costs.hpp"
#include "plan/plan_points.hpp"
#include "plan/plan_rank.hpp"

namespace ftcost {
namespace {

bool selected(const std::vector<std::string>& wanted, const std::string& id) {
  return wanted.empty() || std::find(wanted.begin(), wanted.end(), id) != wanted.end();
}

bool equal_ignoring_case(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trimmed(std::string_view text) noexcept {
  while (!text.empty() && text.front() == ' ') {
    text.remove_prefix(1);
  }
  while (!text.empty() && text.back() == ' ') {
    text.remove_suffix(1);
  }
  return text;
}

bool region_selected(const std::vector<std::string>& filters, std::string_view region) {
  return filters.empty() || std::any_of(filters.begin(), filters.end(), [&](const std::string& f) {
           return region_matches(region, f);
         });
}

bool tier_selected(TierFilter filter, Tier tier) {
  switch (filter) {
    case TierFilter::Any:
      return true;
    case TierFilter::OnDemand:
      return tier == Tier::OnDemand;
    case TierFilter::Spot:
      return tier == Tier::Spot;
  }
  return true;
}

// Instance counts to try: 1, and powers of two up to max_gpus where the provider joins large
// instances with a fast fabric (docs/planner.md#multi-node).
std::vector<std::int64_t> instance_counts(const Provider& provider, const Offer& offer,
                                          std::int64_t max_gpus) {
  std::vector<std::int64_t> counts;
  if (offer.gpus > max_gpus) {
    return counts;
  }
  counts.push_back(1);
  if (provider.multi_node && offer.gpus >= provider.multi_node->min_gpus_per_instance) {
    for (std::int64_t n = 2; n * offer.gpus <= max_gpus; n *= 2) {
      counts.push_back(n);
    }
  }
  return counts;
}

// Calls the duration model once per (gpu, count): many offers share a shape.
class DurationCache {
 public:
  explicit DurationCache(const DurationFunction& run) : run_(run) {}
  const DurationEstimate& get(const std::string& gpu, std::int64_t gpus) {
    auto key = std::make_pair(gpu, gpus);
    auto it = cache_.find(key);
    if (it == cache_.end()) {
      it = cache_.emplace(std::move(key), run_(gpu, gpus)).first;
    }
    return it->second;
  }

 private:
  const DurationFunction& run_;
  std::map<std::pair<std::string, std::int64_t>, DurationEstimate> cache_;
};

double reliability_of(const Provider& provider, const Offer& offer) {
  return offer.reliability.value_or(provider.reliability ? provider.reliability->value : 1.0);
}

// Why a run that the memory and duration models produced cannot be costed, or "".
std::string run_problem(const DurationEstimate& run) {
  if (!run.fits) {
    return run.why_not.empty() ? "does not fit in GPU memory" : run.why_not;
  }
  if (!std::isfinite(run.train_hours) || run.train_hours <= 0) {
    return "no throughput estimate for this GPU";
  }
  return {};
}

// A filter that applies after costing, or "".
std::string filter_problem(const PlanRequest& request, const PlanFigures& figures) {
  if (request.max_hours && figures.wall_hours > *request.max_hours) {
    return "expected wall time " + short_number(figures.wall_hours) + " h exceeds --max-hours";
  }
  return {};
}

struct Enumerated {
  std::vector<planner::Candidate> costed;
  std::vector<Rejection> rejected;
};

Enumerated enumerate(const PlanRequest& request, const Catalog& catalog, DurationCache& runs,
                     const CheckpointStore* store) {
  Enumerated result;
  // Most offers are single-instance; multi-node ones add a few candidates each.
  result.costed.reserve(catalog.offers.size() + catalog.offers.size() / 4);
  for (std::size_t i = 0; i < catalog.offers.size(); ++i) {
    const Offer& offer = catalog.offers[i];
    const Provider* provider = catalog.find_provider(offer.provider);
    if (provider == nullptr || !selected(request.gpus, offer.gpu) ||
        !selected(request.providers, offer.provider) || !tier_selected(request.tier, offer.tier) ||
        !region_selected(request.regions, offer.region)) {
      continue;
    }
    const double reliability = reliability_of(*provider, offer);
    for (std::int64_t instances : instance_counts(*provider, offer, request.max_gpus)) {
      const auto reject = [&](std::string reason) {
        result.rejected.push_back(
            {offer.provider, offer.gpu, offer.gpus, instances, offer.tier, std::move(reason)});
      };
      if (request.min_reliability && reliability < *request.min_reliability) {
        reject("host reliability " + short_number(reliability) + " is below --min-reliability");
        continue;
      }
      const DurationEstimate& estimate = runs.get(offer.gpu, instances * offer.gpus);
      if (std::string problem = run_problem(estimate); !problem.empty()) {
        reject(std::move(problem));
        continue;
      }
      planner::Costed costed = planner::cost_candidate(
          request, {*provider, offer, i, instances, estimate, store, reliability});
      if (!costed.figures) {
        reject(std::move(costed.rejection));
      } else if (std::string problem = filter_problem(request, *costed.figures); !problem.empty()) {
        reject(std::move(problem));
      } else {
        result.costed.push_back(planner::candidate_of(*costed.figures));
      }
    }
  }
  return result;
}

// The whole figures of a ranked candidate: costed again, which gives exactly the numbers it was
// ranked by (cost_candidate is pure), so only the rows shown ever hold them.
PlanRow make_row(const PlanRequest& request, const planner::Candidate& candidate,
                 const Catalog& catalog, DurationCache& runs, const CheckpointStore* store) {
  const Offer& offer = catalog.offers[candidate.offer_index];
  const Provider& provider = *catalog.find_provider(offer.provider);
  const DurationEstimate& estimate = runs.get(offer.gpu, candidate.instances * offer.gpus);
  const planner::Costed costed =
      planner::cost_candidate(request, {provider, offer, candidate.offer_index, candidate.instances,
                                        estimate, store, reliability_of(provider, offer)});
  const PlanFigures& figures = *costed.figures;
  PlanRow row;
  static_cast<PlanFigures&>(row) = figures;
  if (request.budget_usd) {
    row.within_budget = planner::budget_figure(candidate, request.budget_on) <= *request.budget_usd;
  }
  row.offer = offer;
  row.provider_name = provider.name;
  if (figures.interruption) {
    row.hazard_source = figures.interruption->hazard_from_flag ? "--hazard"
                        : row.offer.hazard_per_hour            ? row.offer.note.str()
                                                               : provider.spot->hazard_source;
  }
  row.run = estimate;
  return row;
}

}  // namespace

bool region_matches(std::string_view region, std::string_view filter) noexcept {
  filter = trimmed(filter);
  if (region.empty() || filter.empty()) {
    return false;
  }
  if (region.size() > filter.size() && region[filter.size()] == '-' &&
      equal_ignoring_case(region.substr(0, filter.size()), filter)) {
    return true;
  }
  for (std::size_t start = 0; start <= region.size();) {
    const std::size_t end = std::min(region.find(',', start), region.size());
    if (equal_ignoring_case(trimmed(region.substr(start, end - start)), filter)) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

double billed_seconds(double running_s, const BillingRule& rule) noexcept {
  const double granularity = rule.granularity_s > 0 ? rule.granularity_s : 1.0;
  return std::max(rule.minimum_s, std::ceil(running_s / granularity) * granularity);
}

Plan plan(const PlanRequest& request, const Catalog& catalog, const DurationFunction& run) {
  const CheckpointStore* store = checkpoint_store(catalog, request.checkpoint_to);
  DurationCache runs(run);
  Enumerated all = enumerate(request, catalog, runs, store);
  Plan result;
  result.rejected = std::move(all.rejected);
  for (const UnpricedOffer& u : catalog.unpriced) {
    if (selected(request.gpus, u.gpu) && selected(request.providers, u.provider) &&
        tier_selected(request.tier, u.tier)) {
      result.rejected.push_back({u.provider, u.gpu, u.gpus, 1, u.tier, u.where + ": " + u.reason});
    }
  }
  result.candidates = all.costed.size();
  if (request.keep_points) {
    result.points = planner::plan_points(all.costed, catalog, kMaxPlanPoints);
  }
  result.assumptions = planner::plan_assumptions(request);
  if (all.costed.empty()) {
    result.outcome = PlanOutcome::NoFit;
    return result;
  }
  result.cheapest_usd = planner::cheapest_total(all.costed, request.budget_on);
  result.outcome = request.budget_usd && *result.cheapest_usd > *request.budget_usd
                       ? PlanOutcome::OverBudget
                       : PlanOutcome::Ok;
  const std::vector<planner::Candidate> ranked = planner::rank(request, catalog, all.costed);
  for (const planner::Candidate& candidate : ranked) {
    result.rows.push_back(make_row(request, candidate, catalog, runs, store));
  }
  // Ties within uncertainty: cost ranges that overlap the top row's. Plans on the top row's GPU
  // model share its duration error (one throughput estimate scales both), so their order holds
  // and they are not tied.
  // Doubtful prices reach the plans built on them (docs/catalog.md#consistency).
  std::vector<std::size_t> shown;
  shown.reserve(ranked.size());
  for (const planner::Candidate& candidate : ranked) {
    shown.push_back(candidate.offer_index);
  }
  for (const OfferCaveat& caveat : offer_caveats(catalog, shown)) {
    for (std::size_t r = 0; r < result.rows.size(); ++r) {
      if (ranked[r].offer_index == caveat.offer && result.rows[r].price_caveat.empty()) {
        result.rows[r].price_caveat = caveat.text;
      }
    }
  }
  const PlanRow& top = result.rows.front();
  for (PlanRow& row : result.rows) {
    const bool overlap =
        row.total_usd_low <= top.total_usd_high && top.total_usd_low <= row.total_usd_high;
    row.tied_with_top = &row == &top || (overlap && row.offer.gpu != top.offer.gpu);
  }
  return result;
}

const CheckpointStore* checkpoint_store(const Catalog& catalog, const std::string& checkpoint_to) {
  if (checkpoint_to == kCheckpointToVolume) {
    return nullptr;
  }
  if (const CheckpointStore* store = catalog.find_store(checkpoint_to)) {
    return store;
  }
  std::vector<std::string> known{kCheckpointToVolume};
  for (const CheckpointStore& store : catalog.checkpoint_stores) {
    known.push_back(store.id);
  }
  const std::string hint = did_you_mean(checkpoint_to, known);
  throw InputError("", "--checkpoint-to", "unknown store '" + checkpoint_to + "'",
                   hint.empty() ? "one of " + join_names(known) : hint, ExitCode::Usage);
}

}  // namespace ftcost
