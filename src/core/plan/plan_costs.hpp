// Costing one offer × instance count (internal to the planner).
#pragma once

#include <optional>
#include <string>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/plan/planner.hpp"

namespace ftcost::planner {

/// One offer at one instance count, with everything costing needs.
struct CandidateInput {
  const Provider& provider;
  const Offer& offer;
  std::size_t offer_index = 0;
  std::int64_t instances = 1;
  const DurationEstimate& run;
  const CheckpointStore* store = nullptr;  ///< nullptr: checkpoints stay on the volume
  double reliability = 1;
};

/// A costed candidate, or why it was dropped (exactly one is set).
struct Costed {
  std::optional<PlanFigures> figures;
  std::string rejection;
};

/// Setup hours: image pull plus base model and dataset download. Source: docs/planner.md#setup.
[[nodiscard]] double setup_hours(const PlanRequest& request) noexcept;

/// Interruptions per instance-hour for a spot offer: --hazard, else the offer's or provider's
/// default plus the marketplace host term (1 - reliability) / 1 h. Source: docs/planner.md#hazard.
[[nodiscard]] double instance_hazard_per_hour(const PlanRequest& request, const Provider& provider,
                                              const Offer& offer, double reliability) noexcept;

/// Costs one candidate. Source: docs/planner.md#costs.
[[nodiscard]] Costed cost_candidate(const PlanRequest& request, const CandidateInput& input);

}  // namespace ftcost::planner
