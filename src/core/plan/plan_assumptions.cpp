// The assumptions every plan rests on, stated with their sources (docs/planner.md).
#include <string>

#include "ftcost/base/number_text.hpp"
#include "ftcost/duration/workload.hpp"
#include "plan/plan_rank.hpp"

namespace ftcost::planner {

std::vector<Assumption> plan_assumptions(const PlanRequest& request) {
  std::vector<Assumption> list;
  list.push_back({"setup: image pull and start " + short_number(request.image_pull_minutes) +
                      " min (image " + short_number(request.image_gb) +
                      " GB), base model and dataset download at " +
                      short_number(request.download_gb_per_s) + " GB/s, billed",
                  "docs/planner.md#setup (2i2c image pull; HF Hub default download speed)"});
  list.push_back({"dataset on disk: " + short_number(kCharsPerToken) + " bytes per token",
                  "docs/planner.md#artifact-sizes"});
  list.push_back({"storage: volume kept " + short_number(request.keep_days) +
                      " days after training at the stopped rate; " +
                      std::to_string(request.keep_checkpoints) + " checkpoint(s) kept",
                  "docs/planner.md#storage"});
  list.push_back({"checkpoint save: " + short_number(request.checkpoint_fixed_s) +
                      " s fixed + bytes at " + short_number(request.local_write_gb_per_s) +
                      " GB/s to local disk (at the store's speed to object storage)",
                  "docs/planner.md#interruptions (reference spot.csv: NVMe and S3 writes)"});
  list.push_back(
      {"spot hazard: provider default (labelled assumption) unless --hazard; "
       "marketplace hosts add (1 - reliability) per hour; N instances see hazard x sqrt(N)",
       "docs/planner.md#hazard"});
  const std::string interval = request.checkpoint_every_hours
                                   ? "spot: checkpoint every " +
                                         short_number(*request.checkpoint_every_hours) +
                                         " h (--checkpoint-every; the cost at Daly's optimum is "
                                         "interruption.optimum_interruption_usd)"
                                   : std::string("spot: checkpoint interval from Daly (2006)");
  list.push_back({interval + "; lost work half an interval unless the notice window fits a save; "
                             "interruptions ~ Poisson for p90",
                  "docs/planner.md#interruptions"});
  if (request.idle_hours > 0 || request.volume_gb || request.network_volume) {
    list.push_back(
        {"job: " + short_number(request.idle_hours) +
             " idle hours billed on the instances; volume " +
             (request.volume_gb ? short_number(*request.volume_gb) + " GB rented"
                                : std::string("sized to what the run writes")) +
             (request.network_volume ? "; data on the provider's network volume where it sells one"
                                     : ""),
         "docs/planner.md#job"});
  }
  list.push_back(
      {"waiting for spot capacity to return is not billed and is not included in "
       "wall time",
       "docs/planner.md#interruptions"});
  list.push_back(
      {"cost range: each plan costed again at the fast and slow ends of its 80% duration range "
       "(the slow end with p90 interruptions); plans whose range overlaps the top plan's are "
       "tied within uncertainty",
       "docs/duration-model.md#uncertainty"});
  if (request.budget_usd) {
    list.push_back(
        {"--budget is compared with the " +
             std::string(request.budget_on == BudgetBasis::Expected ? "expected total"
                         : request.budget_on == BudgetBasis::High   ? "high end of the cost range"
                                                                    : "p90 total") +
             " (--budget-on " + std::string(name_of(request.budget_on)) + ")",
         "docs/planner.md#budget"});
  }
  return list;
}

}  // namespace ftcost::planner
