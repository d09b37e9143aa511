// The selection, ranking and project flags of `ftcost plan`, and the PlanRequest they make.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftcost/catalog/catalog.hpp"
#include "ftcost/plan/planner.hpp"

namespace CLI {
class App;
}

namespace ftcost::cli {

/// The flags as given; `request` holds every PlanRequest field a flag sets directly (its
/// defaults are the flags' defaults).
struct PlanFlags {
  std::vector<std::string> gpus;  ///< --gpu spellings ("4090", "H100 SXM"), resolved later
  PlanRequest request;
};

/// Adds --gpu --provider --tier --max-hours --min-reliability --max-gpus --budget --top --sort
/// --pareto --hazard --keep-days --download --checkpoint-to --keep-checkpoints --download-gbps
/// --image-pull-minutes to `app`; `flags` must outlive it.
void add_plan_flags(CLI::App& app, PlanFlags& flags);

/// The PlanRequest for `catalog`: GPU spellings resolved to canonical ids (a spelling that picks
/// one variant, "h100" -> h100-sxm, adds an assumption to `notes`), provider ids and
/// --checkpoint-to checked against the catalog. Throws InputError (usage) naming the flag, with
/// "did you mean", for an unknown GPU, provider or store.
[[nodiscard]] PlanRequest plan_request(const PlanFlags& flags, const Catalog& catalog,
                                       const ArtifactSizes& artifacts,
                                       std::vector<Assumption>& notes);

/// --provider ids for `catalog`: an id that names no provider but prefixes some ("runpod") selects
/// the whole family (runpod-community, runpod-secure). Throws InputError (usage, "did you mean")
/// for an id that matches nothing.
[[nodiscard]] std::vector<std::string> expand_providers(const std::vector<std::string>& wanted,
                                                        const Catalog& catalog);

}  // namespace ftcost::cli
