// The five cost line items of one plan: compute, setup, storage, egress, interruption.
#include "plan/plan_costs.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "ftcost/base/units.hpp"
#include "ftcost/plan/interruption.hpp"

namespace ftcost::planner {
namespace {

// A marketplace host that fails is assumed down for one hour on average, so an uptime share r
// means (1 - r) failures per hour (reference note spot_hazard.md; docs/planner.md#hazard).
constexpr double kMeanHostOutageHours = 1.0;

double gb(double bytes) {
  return bytes / kBytesPerGB;
}

double billable_gb(double size_gb, double free_gb) {
  return std::max(0.0, size_gb - free_gb);
}

// What ends up on the instance's volume: inputs, outputs and (unless stored elsewhere) the kept
// checkpoints.
double disk_gb(const PlanRequest& request, bool checkpoints_on_volume) {
  const ArtifactSizes& a = request.artifacts;
  double bytes = a.base_model_bytes + a.dataset_bytes;
  if (a.full_fine_tune) {
    bytes += a.merged_model_bytes;
  } else {
    bytes += a.adapter_bytes;
    if (request.download == DownloadKind::Merged) {
      bytes += a.merged_model_bytes;
    }
  }
  if (checkpoints_on_volume) {
    bytes += static_cast<double>(request.keep_checkpoints) * a.checkpoint_bytes;
  }
  return gb(bytes);
}

double download_gb(const PlanRequest& request) {
  const ArtifactSizes& a = request.artifacts;
  switch (request.download) {
    case DownloadKind::None:
      return 0.0;
    case DownloadKind::Adapter:
      return gb(a.full_fine_tune ? a.merged_model_bytes : a.adapter_bytes);
    case DownloadKind::Merged:
      return gb(a.merged_model_bytes);
  }
  return 0.0;
}

bool free_transfer(const Provider& provider, const CheckpointStore& store) {
  const auto& stores = provider.free_transfer_to_stores;
  return std::find(stores.begin(), stores.end(), store.id) != stores.end();
}

// Spot figures; returns false when the job would never finish.
bool add_interruptions(const PlanRequest& request, const CandidateInput& in, double write_gb_per_s,
                       PlanFigures& f) {
  const SpotRules& spot = *in.provider.spot;
  const double per_instance =
      instance_hazard_per_hour(request, in.provider, in.offer, f.reliability);
  InterruptionPlan ip;
  // Co-interruptions cluster (92% within 3 min), so a job of N instances sees λ·√N, between
  // full correlation (λ) and independence (N·λ). docs/planner.md#hazard.
  ip.hazard_per_hour = per_instance * std::sqrt(static_cast<double>(in.instances));
  ip.hazard_from_flag = request.hazard_per_hour.has_value();
  ip.notice_s = spot.notice_s;
  ip.checkpoint_write_s =
      request.checkpoint_fixed_s + gb(request.artifacts.checkpoint_bytes) / write_gb_per_s;
  ip.restart_hours = spot.restart_minutes / 60.0;
  InterruptionInput input{.work_hours = f.train_hours,
                          .hazard_per_hour = ip.hazard_per_hour,
                          .checkpoint_hours = ip.checkpoint_write_s / kSecondsPerHour,
                          .notice_hours = spot.notice_s / kSecondsPerHour,
                          .restart_hours = ip.restart_hours,
                          .fixed_interval_hours = 0};
  const double rounding = in.provider.billing.granularity_s / 2.0 / kSecondsPerHour;
  if (request.checkpoint_every_hours) {
    const InterruptionOutcome optimum = estimate_interruptions(input);
    ip.optimum_interruption_usd = optimum.finishes
                                      ? f.usd_per_hour * (optimum.expected_overhead_hours +
                                                          optimum.expected_interruptions * rounding)
                                      : 0;
    input.fixed_interval_hours = *request.checkpoint_every_hours;
  }
  const InterruptionOutcome out = estimate_interruptions(input);
  if (!out.finishes) {
    return false;
  }
  ip.checkpoint_interval_hours = out.checkpoint_interval_hours;
  ip.expected_interruptions = out.expected_interruptions;
  ip.p90_interruptions = out.p90_interruptions;
  ip.lost_hours_per_interruption = out.lost_hours_per_interruption;
  // Each restart is a new billing session; on average it rounds up by half an increment.
  const double rounding_hours = in.provider.billing.granularity_s / 2.0 / kSecondsPerHour;
  ip.expected_overhead_hours =
      out.expected_overhead_hours + out.expected_interruptions * rounding_hours;
  ip.p90_overhead_hours =
      out.p90_overhead_hours + static_cast<double>(out.p90_interruptions) * rounding_hours;
  ip.p90_interruption_usd = f.usd_per_hour * ip.p90_overhead_hours;
  f.cost.interruption_usd = f.usd_per_hour * ip.expected_overhead_hours;
  f.interruption = ip;
  return true;
}

void add_storage_and_egress(const PlanRequest& request, const CandidateInput& in, PlanFigures& f) {
  const StorageRates& rates = in.provider.storage;
  // A marketplace host's own disk price applies while running and stopped alike (Vast.ai bills
  // storage until the instance is destroyed).
  const double running_rate =
      in.offer.storage_usd_per_gb_month.value_or(rates.running_usd_per_gb_month);
  const double stopped_rate =
      in.offer.storage_usd_per_gb_month.value_or(rates.stopped_usd_per_gb_month);
  const double keep_hours = request.keep_days * 24.0;
  const double volume = billable_gb(f.disk_gb, rates.free_gb);
  // The volume bills while the instances run: training, and the --idle-hours around it.
  f.cost.storage_usd = static_cast<double>(f.instances) * volume * running_rate *
                           (f.wall_hours + request.idle_hours) / kHoursPerMonth +
                       volume * stopped_rate * keep_hours / kHoursPerMonth;
  if (request.network_volume && in.provider.network_volume) {
    // One shared network volume, billed from the start to the end of --keep-days, instead of
    // each instance's own disk.
    f.on_network_volume = true;
    f.cost.storage_usd = billable_gb(f.disk_gb, 0) * in.provider.network_volume->usd_per_gb_month *
                         (f.wall_hours + request.idle_hours + keep_hours) / kHoursPerMonth;
  }
  double upload_gb = 0;
  if (in.store != nullptr) {
    f.store_gb =
        static_cast<double>(request.keep_checkpoints) * gb(request.artifacts.checkpoint_bytes);
    f.cost.storage_usd += billable_gb(f.store_gb, in.store->free_gb) * in.store->usd_per_gb_month *
                          (f.wall_hours + keep_hours) / kHoursPerMonth;
    if (!free_transfer(in.provider, *in.store)) {
      // On-demand plans upload the final checkpoint; spot plans one per checkpoint interval.
      const double writes =
          f.interruption ? std::max(1.0, f.train_hours / f.interruption->checkpoint_interval_hours)
                         : 1.0;
      upload_gb = writes * gb(request.artifacts.checkpoint_bytes);
    }
  }
  f.egress_gb = download_gb(request) + upload_gb;
  f.cost.egress_usd = billable_gb(f.egress_gb, in.provider.network.egress_free_gb_per_month) *
                      in.offer.egress_usd_per_gb.value_or(in.provider.network.egress_usd_per_gb);
}

}  // namespace

double setup_hours(const PlanRequest& request) noexcept {
  const double download_s =
      gb(request.artifacts.base_model_bytes + request.artifacts.dataset_bytes) /
      request.download_gb_per_s;
  return request.image_pull_minutes / 60.0 + download_s / kSecondsPerHour;
}

double instance_hazard_per_hour(const PlanRequest& request, const Provider& provider,
                                const Offer& offer, double reliability) noexcept {
  if (request.hazard_per_hour) {
    return *request.hazard_per_hour;
  }
  const double spot =
      offer.hazard_per_hour.value_or(provider.spot ? provider.spot->hazard_per_hour : 0.0);
  const double host = provider.reliability ? (1.0 - reliability) / kMeanHostOutageHours : 0.0;
  return spot + host;
}

namespace {

Costed cost_at(const PlanRequest& request, const CandidateInput& in, double train_hours);

}  // namespace

Costed cost_candidate(const PlanRequest& request, const CandidateInput& in) {
  Costed costed = cost_at(request, in, in.run.train_hours);
  if (!costed.figures) {
    return costed;
  }
  PlanFigures& f = *costed.figures;
  // The 80% range: the same offer costed at the fast and the slow end of the duration's range.
  const Costed low = cost_at(request, in, in.run.train_hours_low);
  const Costed high = cost_at(request, in, in.run.train_hours_high);
  const double inf = std::numeric_limits<double>::infinity();
  f.total_usd_low = low.figures ? low.figures->cost.total_usd() : f.cost.total_usd();
  f.wall_hours_low = low.figures ? low.figures->wall_hours : f.wall_hours;
  f.total_usd_high = high.figures ? high.figures->p90_total_usd : inf;
  f.wall_hours_high = high.figures ? high.figures->p90_wall_hours : inf;
  return costed;
}

namespace {

// The candidate costed as if training took `train_hours` (the estimate, or an end of its range).
Costed cost_at(const PlanRequest& request, const CandidateInput& in, double train_hours) {
  PlanFigures f;
  f.offer_index = in.offer_index;
  f.instances = in.instances;
  f.gpus_total = in.instances * in.offer.gpus;
  f.usd_per_hour = static_cast<double>(in.instances) * in.offer.usd_per_hour;
  f.reliability = in.reliability;
  f.setup_hours = setup_hours(request);
  f.train_hours = train_hours;
  const double billed =
      billed_seconds((f.setup_hours + f.train_hours) * kSecondsPerHour, in.provider.billing) /
      kSecondsPerHour;
  f.ingress_gb =
      request.image_gb + gb(request.artifacts.base_model_bytes + request.artifacts.dataset_bytes);
  f.cost.setup_usd =
      f.usd_per_hour * f.setup_hours +
      static_cast<double>(in.instances) * f.ingress_gb *
          in.offer.ingress_usd_per_gb.value_or(in.provider.network.ingress_usd_per_gb);
  f.cost.compute_usd = f.usd_per_hour * (billed - f.setup_hours);
  f.billed_hours = billed;
  f.wall_hours = f.setup_hours + f.train_hours;
  f.p90_wall_hours = f.wall_hours;
  if (in.offer.tier == Tier::Spot) {
    const double write_speed =
        in.store != nullptr ? in.store->write_gb_per_s : request.local_write_gb_per_s;
    if (!add_interruptions(request, in, write_speed, f)) {
      return {.figures = std::nullopt,
              .rejection = "spot: restarts and lost work per interruption outpace progress"};
    }
    f.billed_hours += f.interruption->expected_overhead_hours;
    f.wall_hours += f.interruption->expected_overhead_hours;
    f.p90_wall_hours += f.interruption->p90_overhead_hours;
  }
  f.disk_gb = std::max(disk_gb(request, in.store == nullptr), request.volume_gb.value_or(0.0));
  f.cost.idle_usd = f.usd_per_hour * request.idle_hours;
  add_storage_and_egress(request, in, f);
  f.p90_total_usd = f.cost.total_usd() - f.cost.interruption_usd +
                    (f.interruption ? f.interruption->p90_interruption_usd : 0.0);
  return {.figures = f, .rejection = {}};
}

}  // namespace

}  // namespace ftcost::planner
