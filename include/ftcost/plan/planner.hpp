// The planner: every offer × instance count, costed as a whole project and ranked
// (docs/planner.md).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "ftcost/catalog/catalog.hpp"
#include "ftcost/duration/duration_estimate.hpp"
#include "ftcost/plan/artifacts.hpp"

namespace ftcost {

/// Ranking order of plans.
enum class SortKey { Cost, Time, P90 };
/// Which figure of a plan --budget gates on: the expected total, the high end of its 80% range
/// (slow run and p90 interruptions), or the p90 interruption cost at the expected duration.
enum class BudgetBasis { Expected, High, P90 };
/// Which tiers to consider.
enum class TierFilter { OnDemand, Spot, Any };
/// What the user downloads when training ends.
enum class DownloadKind { Adapter, Merged, None };

/// The checkpoint destination meaning "the instance's own volume" (no external store).
inline constexpr const char* kCheckpointToVolume = "volume";

/// Where `checkpoint_to` ("volume" or a store id) sends checkpoints: nullptr for the provider's
/// volume, else the catalog's store. Throws InputError (where "--checkpoint-to", Usage) naming
/// the known stores, with "did you mean", for an unknown id.
[[nodiscard]] const CheckpointStore* checkpoint_store(const Catalog& catalog,
                                                      const std::string& checkpoint_to);

/// Whether `region` (an offer's) is selected by `filter` (--region), compared case-insensitively:
/// equal ("us-east-1"), a prefix ending at a '-' boundary ("us-east", "europe" for
/// "europe-west4"), or equal to one comma-separated part of a marketplace's place ("US" or
/// "Texas" for "Texas, US"). An empty region never matches. Source: docs/planner.md#regions.
[[nodiscard]] bool region_matches(std::string_view region, std::string_view filter) noexcept;

/// Everything the planner needs besides the catalog and the run estimates.
struct PlanRequest {
  ArtifactSizes artifacts;  ///< sizes from artifact_sizes()
  // Selection (empty lists = everything).
  std::vector<std::string> gpus;       ///< canonical GPU ids
  std::vector<std::string> providers;  ///< provider ids
  std::vector<std::string> regions;    ///< region filters (region_matches); empty = any region
  TierFilter tier = TierFilter::Any;
  std::int64_t max_gpus = 64;                     ///< GPUs per job, all instances together
  std::optional<double> max_hours;                ///< expected wall time limit, hours
  std::optional<double> min_reliability;          ///< host reliability floor (0..1)
  std::optional<double> budget_usd;               ///< exit-code check only; plans are kept
  BudgetBasis budget_on = BudgetBasis::Expected;  ///< the figure --budget is compared with
  std::optional<double> hazard_per_hour;  ///< replaces every spot hazard (per instance-hour)
  SortKey sort = SortKey::Cost;
  bool pareto = false;   ///< keep only cost × time Pareto-optimal plans
  std::size_t top = 10;  ///< rows kept after ranking (0 = all)
  // Project.
  double keep_days = 7;  ///< days the volume is kept after training
  DownloadKind download = DownloadKind::Adapter;
  std::string checkpoint_to = kCheckpointToVolume;  ///< "volume" or a CheckpointStore id
  std::int64_t keep_checkpoints = 1;                ///< checkpoints kept on disk (save_total_limit)
  double download_gb_per_s = 0.36;                  ///< base model and dataset download speed, GB/s
  double image_pull_minutes = 6;                    ///< container image pull and start, minutes
  double image_gb = 6.35;                           ///< container image size, GB (ingress fees)
  double local_write_gb_per_s = 1.0;                ///< checkpoint write speed to local disk, GB/s
  double checkpoint_fixed_s = 5;  ///< per save besides the bytes: trainer state, sync (assumed)
  /// --checkpoint-every: spot plans save this often (hours) instead of at Daly's optimum
  std::optional<double> checkpoint_every_hours;
  double idle_hours = 0;  ///< --idle-hours: debugging/evaluation time billed on the instances
  /// --volume-gb: the volume the user rents per instance, GB (at least what the run writes)
  std::optional<double> volume_gb;
  /// --network-volume: keep data and checkpoints on the provider's network volume where it sells
  /// one (billed from start to the end of --keep-days), else on the instance volume
  bool network_volume = false;
  /// Also return every costed plan as a PlanPoint (Plan::points), before --pareto and --top: the
  /// html report's cost × time chart draws them.
  bool keep_points = false;
};

/// The training run for `gpus` GPUs of canonical id `gpu_id` (the duration model's answer).
using DurationFunction =
    std::function<DurationEstimate(const std::string& gpu_id, std::int64_t gpus)>;

/// The cost line items of one plan, USD.
struct CostBreakdown {
  double compute_usd = 0;       ///< instances × $/h × billed training time (granularity applied)
  double setup_usd = 0;         ///< image pull + downloads, billed, plus ingress fees
  double storage_usd = 0;       ///< volume while running + retention at the stopped rate
                                ///< + external checkpoint store
  double egress_usd = 0;        ///< final download + checkpoint uploads, beyond free allowance
  double interruption_usd = 0;  ///< spot only: checkpoint writes, lost work, restarts (expected)
  double idle_usd = 0;          ///< --idle-hours on every instance at its hourly price

  [[nodiscard]] double total_usd() const noexcept {
    return compute_usd + setup_usd + storage_usd + egress_usd + interruption_usd + idle_usd;
  }
};

/// The spot part of a plan (numbers only; the hazard's source is PlanRow::hazard_source).
struct InterruptionPlan {
  double hazard_per_hour = 0;     ///< for the whole job (instances scaled), per hour
  bool hazard_from_flag = false;  ///< --hazard replaced the catalog's default
  double notice_s = 0;
  double checkpoint_write_s = 0;
  double checkpoint_interval_hours = 0;  ///< Daly's optimum, or --checkpoint-every
  /// With --checkpoint-every: the expected interruption cost at Daly's optimum instead, USD
  /// (the fixed interval's cost difference is interruption_usd minus this); else 0
  double optimum_interruption_usd = 0;
  double expected_interruptions = 0;
  std::int64_t p90_interruptions = 0;
  double lost_hours_per_interruption = 0;
  double restart_hours = 0;
  double expected_overhead_hours = 0;  ///< checkpoint writes + lost work + restarts
  double p90_overhead_hours = 0;
  double p90_interruption_usd = 0;
};

/// The numbers of one costed plan (kept small: the planner costs every candidate).
struct PlanFigures {
  std::size_t offer_index = 0;  ///< into Catalog::offers
  std::int64_t instances = 1;
  std::int64_t gpus_total = 1;
  double usd_per_hour = 0;  ///< all instances together
  double reliability = 1;   ///< host reliability used for --min-reliability
  double setup_hours = 0;
  double train_hours = 0;
  double wall_hours = 0;      ///< expected: setup + training + interruption overheads
  double p90_wall_hours = 0;  ///< with the 90th-percentile number of interruptions
  double billed_hours = 0;    ///< expected billed hours per instance
  CostBreakdown cost;
  double p90_total_usd = 0;
  /// The 80% range of the total: costed again at the duration's train_hours_low and
  /// train_hours_high (docs/duration-model.md#uncertainty); the high end also takes the p90
  /// interruption count. Infinity when spot restarts outpace a run as slow as the high end.
  double total_usd_low = 0;
  double total_usd_high = 0;       ///< see total_usd_low
  double wall_hours_low = 0;       ///< expected wall hours at train_hours_low
  double wall_hours_high = 0;      ///< p90 wall hours at train_hours_high (infinity as above)
  double disk_gb = 0;              ///< volume size per instance, GB
  bool on_network_volume = false;  ///< --network-volume and the provider sells one
  double store_gb = 0;             ///< kept checkpoints in the external store, GB (0 on the volume)
  double ingress_gb = 0;           ///< downloaded into each instance at setup, GB
  double egress_gb = 0;            ///< final download + checkpoint uploads, GB
  /// The figure of budget_on <= --budget; nullopt when no budget was given
  std::optional<bool> within_budget;
  std::optional<InterruptionPlan> interruption;  ///< set for spot plans
};

/// One ranked plan: its figures plus the offer, provider and run configuration they came from.
struct PlanRow : PlanFigures {
  Offer offer;
  std::string provider_name;
  std::string hazard_source;  ///< spot: where the hazard comes from ("--hazard" or the catalog)
  DurationEstimate run;       ///< the configuration and throughput
  /// This plan's cost range overlaps the top row's and it runs on another GPU model: the two
  /// are tied within the duration model's uncertainty. Plans on the top row's GPU model share
  /// its duration error, so their order holds (false). True for the top row itself.
  bool tied_with_top = false;
  /// Why the offer's price is doubtful (offer_caveats: spot above on-demand, a per-GPU price
  /// given as the instance's, a price without the host), or empty: a plan with a caveat is
  /// low-confidence and its total may be understated.
  std::string price_caveat;
};

/// One costed plan as the cost × time chart draws it (PlanRequest::keep_points): the offer, its
/// shape, and its expected figures with their 80% ranges.
struct PlanPoint {
  std::size_t offer_index = 0;  ///< into Catalog::offers
  std::string provider;         ///< Provider::id
  std::string gpu;              ///< canonical GPU id
  std::int64_t instances = 1;   ///< instances of the offer
  std::int64_t gpus_total = 1;  ///< GPUs of all instances together
  Tier tier = Tier::OnDemand;
  double total_usd = 0;        ///< expected total cost, USD (CostBreakdown::total_usd)
  double total_usd_low = 0;    ///< low end of the 80% cost range, USD (PlanFigures)
  double total_usd_high = 0;   ///< high end, USD; infinity when spot restarts outpace a slow run
  double wall_hours = 0;       ///< expected wall time, hours
  double wall_hours_low = 0;   ///< wall hours at the fast end of the duration's 80% range
  double wall_hours_high = 0;  ///< p90 wall hours at the slow end; infinity as total_usd_high
  bool price_caveat = false;   ///< the offer's price is doubtful (offer_caveats)
};

/// The most costed plans Plan::points keeps: the cheapest this many by expected total, plus every
/// plan on the cost × time Pareto front (imported catalogs can cost 100,000 plans; a chart of a
/// few thousand marks stays readable and its file small).
inline constexpr std::size_t kMaxPlanPoints = 2000;

/// An offer × instance count that was dropped, and why.
struct Rejection {
  std::string provider;
  std::string gpu;
  std::int64_t gpus_per_instance = 1;
  std::int64_t instances = 1;
  Tier tier = Tier::OnDemand;
  std::string reason;
};

/// Overall result for CI checks.
enum class PlanOutcome { Ok, NoFit, OverBudget };

/// The ranked answer.
struct Plan {
  std::vector<PlanRow> rows;        ///< ranked, at most request.top
  std::size_t candidates = 0;       ///< costed plans before --pareto and --top
  std::vector<Rejection> rejected;  ///< offers that do not fit or fail a filter
  std::vector<Assumption> assumptions;
  PlanOutcome outcome = PlanOutcome::Ok;
  std::optional<double> cheapest_usd;  ///< the cheapest costed plan by request.budget_on (for
                                       ///< --budget messages)
  /// With request.keep_points: the costed plans for the cost × time chart, cheapest first, at
  /// most kMaxPlanPoints plus the Pareto front's (candidates counts them all); else empty.
  std::vector<PlanPoint> points;
};

/// Billed seconds for `running_s` seconds under `rule` (round up to granularity, at least the
/// minimum). Source: docs/planner.md#billing.
[[nodiscard]] double billed_seconds(double running_s, const BillingRule& rule) noexcept;

/// Costs and ranks every offer of `catalog` for `request`; `run` is called once per distinct
/// (gpu id, GPU count). Pure apart from `run`. Throws InputError (usage) when
/// request.checkpoint_to names no store of the catalog. Source: docs/planner.md.
[[nodiscard]] Plan plan(const PlanRequest& request, const Catalog& catalog,
                        const DurationFunction& run);

template <>
struct EnumNames<SortKey> {
  static constexpr std::array<std::pair<SortKey, std::string_view>, 3> kEntries{
      {{SortKey::Cost, "cost"}, {SortKey::Time, "time"}, {SortKey::P90, "p90"}}};
};
template <>
struct EnumNames<BudgetBasis> {
  static constexpr std::array<std::pair<BudgetBasis, std::string_view>, 3> kEntries{
      {{BudgetBasis::Expected, "expected"},
       {BudgetBasis::High, "high"},
       {BudgetBasis::P90, "p90"}}};
};
template <>
struct EnumNames<TierFilter> {
  static constexpr std::array<std::pair<TierFilter, std::string_view>, 3> kEntries{
      {{TierFilter::OnDemand, "on-demand"}, {TierFilter::Spot, "spot"}, {TierFilter::Any, "any"}}};
};
template <>
struct EnumNames<DownloadKind> {
  static constexpr std::array<std::pair<DownloadKind, std::string_view>, 3> kEntries{
      {{DownloadKind::Adapter, "adapter"},
       {DownloadKind::Merged, "merged"},
       {DownloadKind::None, "none"}}};
};
template <>
struct EnumNames<PlanOutcome> {
  static constexpr std::array<std::pair<PlanOutcome, std::string_view>, 3> kEntries{
      {{PlanOutcome::Ok, "ok"},
       {PlanOutcome::NoFit, "no-fit"},
       {PlanOutcome::OverBudget, "over-budget"}}};
};

}  // namespace ftcost
