// Text pieces shared by the plan renderers (internal to ftcost_render).
#pragma once

#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "ftcost/render/plan_render.hpp"

namespace ftcost::render {

/// "1x rtx-4090" or "2 x 8x h100-sxm" for multi-instance plans; `gpu` is the GPU id as shown
/// (row.offer.gpu, or a cut one where columns are scarce).
[[nodiscard]] std::string shape_text(const PlanRow& row, const std::string& gpu);

/// "mb 4 x ga 2, ckpt full, zero3, offload params" — the chosen configuration in a few words
/// (checkpointing, sharding and offload only when used). `compact` leaves out "ddp", which
/// several GPUs without another sharding imply.
[[nodiscard]] std::string config_text(const TrainingSetup& setup, bool compact = false);

/// The assumptions --verbose prints, in its order: the context's, the plan's, then one per spot
/// plan shown naming its hazard, with the hazard's source in the text (and an empty source).
[[nodiscard]] std::vector<Assumption> assumption_lines(const Plan& plan,
                                                       const PlanContext& context);

/// The request header of the table and the html report: model, method, dataset, catalog,
/// project, ranked by (with the costed and rejected counts).
[[nodiscard]] std::vector<std::pair<std::string, std::string>> header_lines(
    const Plan& plan, const PlanRequest& request, const PlanContext& context);

/// "outcome: ok", "outcome: over-budget: cheapest plan $12.30 exceeds --budget $10.00", ...
[[nodiscard]] std::string outcome_text(const Plan& plan, const PlanRequest& request);

/// The table renderer (plan_table.cpp).
void write_plan_table(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                      const PlanTableOptions& options, std::ostream& out);

/// The JSON renderer (plan_json.cpp).
void write_plan_json(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                     std::ostream& out);

/// The CSV renderer (plan_csv.cpp).
void write_plan_csv(const Plan& plan, std::ostream& out);

}  // namespace ftcost::render
