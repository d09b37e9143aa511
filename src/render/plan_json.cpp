// `ftcost plan --format json`: the versioned document of docs/plan-output.md.
#include <cmath>
#include <nlohmann/json.hpp>

#include "ftcost/render/plan_render.hpp"
#include "plan_text.hpp"
#include "setup_json.hpp"

namespace ftcost::render {
namespace {

using nlohmann::json;

// An infinite figure (a run too slow for spot restarts to keep up with) is null, never 1e308.
json finite_or_null(double value) {
  return std::isfinite(value) ? json(value) : json(nullptr);
}

template <class T>
json optional(const std::optional<T>& value) {
  return value ? json(*value) : json(nullptr);
}

// The setup's keys (setup_json, as vram and time print them) plus the run's figures.
json configuration(const DurationEstimate& run) {
  json object = setup_json(run.setup);
  object["peak_reserved_gib"] = run.peak_reserved_gib;
  object["capacity_gib"] = run.capacity_gib;
  object["tokens_per_s_per_gpu"] = run.tokens_per_s_per_gpu;
  object["useful_tokens_per_s_per_gpu"] = run.useful_tokens_per_s_per_gpu;
  object["padding_efficiency"] = run.padding_efficiency;
  object["tokens_per_s_total"] = run.tokens_per_s_total;
  object["steady_train_hours"] = run.steady_train_hours;
  object["startup_hours"] = run.startup_hours;
  object["eval_hours"] = run.eval_hours;
  object["mfu"] = run.mfu;
  return object;
}

json interruption(const PlanRow& row) {
  if (!row.interruption) {
    return nullptr;
  }
  const InterruptionPlan& i = *row.interruption;
  return {{"hazard_per_hour", i.hazard_per_hour},
          {"hazard_source", row.hazard_source},
          {"notice_s", i.notice_s},
          {"checkpoint_write_s", i.checkpoint_write_s},
          {"checkpoint_interval_hours", i.checkpoint_interval_hours},
          {"expected_interruptions", i.expected_interruptions},
          {"p90_interruptions", i.p90_interruptions},
          {"lost_hours_per_interruption", i.lost_hours_per_interruption},
          {"restart_hours", i.restart_hours},
          {"expected_overhead_hours", i.expected_overhead_hours},
          {"p90_overhead_hours", i.p90_overhead_hours},
          {"p90_interruption_usd", i.p90_interruption_usd},
          {"optimum_interruption_usd", i.optimum_interruption_usd}};
}

json line_items(const CostBreakdown& c) {
  return json::array({{{"item", "compute"}, {"usd", c.compute_usd}},
                      {{"item", "setup"}, {"usd", c.setup_usd}},
                      {{"item", "storage"}, {"usd", c.storage_usd}},
                      {{"item", "egress"}, {"usd", c.egress_usd}},
                      {{"item", "interruption"}, {"usd", c.interruption_usd}},
                      {{"item", "idle"}, {"usd", c.idle_usd}}});
}

json plan_row(const PlanRow& row, std::size_t rank) {
  return {{"rank", rank},
          {"provider", row.offer.provider},
          {"provider_name", row.provider_name},
          {"gpu", row.offer.gpu},
          {"gpus_per_instance", row.offer.gpus},
          {"instances", row.instances},
          {"gpus_total", row.gpus_total},
          {"tier", name_of(row.offer.tier)},
          {"instance_type", row.offer.instance_type},
          {"region", row.offer.region.empty() ? json(nullptr) : json(row.offer.region)},
          {"offer_usd_per_hour", row.offer.usd_per_hour},
          {"offer_usd_per_gpu_hour", usd_per_gpu_hour(row.offer)},
          {"usd_per_hour", row.usd_per_hour},
          {"offer_source", row.offer.source},
          {"offer_as_of", row.offer.as_of},
          {"offer_note", row.offer.note},
          {"reliability", row.reliability},
          {"configuration", configuration(row.run)},
          {"setup_hours", row.setup_hours},
          {"train_hours", row.train_hours},
          {"wall_hours", row.wall_hours},
          {"p90_wall_hours", row.p90_wall_hours},
          {"wall_hours_low", row.wall_hours_low},
          {"wall_hours_high", finite_or_null(row.wall_hours_high)},
          {"billed_hours", row.billed_hours},
          {"line_items", line_items(row.cost)},
          {"total_usd", row.cost.total_usd()},
          {"p90_total_usd", row.p90_total_usd},
          {"total_usd_low", row.total_usd_low},
          {"total_usd_high", finite_or_null(row.total_usd_high)},
          {"tied_with_top", row.tied_with_top},
          {"low_confidence", !row.price_caveat.empty()},
          {"price_caveat", row.price_caveat},
          {"disk_gb", row.disk_gb},
          {"on_network_volume", row.on_network_volume},
          {"store_gb", row.store_gb},
          {"ingress_gb", row.ingress_gb},
          {"egress_gb", row.egress_gb},
          {"interruption", interruption(row)},
          {"within_budget", row.within_budget ? json(*row.within_budget) : json(nullptr)},
          {"throughput_extrapolated", row.run.throughput_extrapolated}};
}

json request_json(const PlanRequest& r, const PlanContext& c) {
  return {{"model", c.model_id},
          {"params_total", c.params_total},
          {"params_active", c.params_active},
          {"method", name_of(c.method)},
          {"dataset_tokens", c.dataset_tokens},
          {"epochs", c.epochs},
          {"packing", name_of(c.packing)},
          {"eval_share", c.eval_share},
          {"startup_s", optional(c.startup_s)},
          {"gpus", r.gpus},
          {"providers", r.providers},
          {"tier", name_of(r.tier)},
          {"max_gpus", r.max_gpus},
          {"max_hours", optional(r.max_hours)},
          {"min_reliability", optional(r.min_reliability)},
          {"budget_usd", optional(r.budget_usd)},
          {"budget_on", name_of(r.budget_on)},
          {"hazard_per_hour", optional(r.hazard_per_hour)},
          {"sort", name_of(r.sort)},
          {"pareto", r.pareto},
          {"top", r.top},
          {"keep_days", r.keep_days},
          {"download", name_of(r.download)},
          {"checkpoint_to", r.checkpoint_to},
          {"keep_checkpoints", r.keep_checkpoints},
          {"regions", r.regions},
          {"idle_hours", r.idle_hours},
          {"volume_gb", optional(r.volume_gb)},
          {"network_volume", r.network_volume},
          {"checkpoint_every_hours", optional(r.checkpoint_every_hours)}};
}

json assumptions(const PlanContext& context, const Plan& plan) {
  json list = json::array();
  for (const auto* source : {&context.assumptions, &plan.assumptions}) {
    for (const Assumption& a : *source) {
      list.push_back({{"text", a.text}, {"source", a.source}});
    }
  }
  return list;
}

}  // namespace

void write_plan_json(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                     std::ostream& out) {
  json plans = json::array();
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    plans.push_back(plan_row(plan.rows[i], i + 1));
  }
  json rejected = json::array();
  for (const Rejection& r : plan.rejected) {
    rejected.push_back({{"provider", r.provider},
                        {"gpu", r.gpu},
                        {"gpus_per_instance", r.gpus_per_instance},
                        {"instances", r.instances},
                        {"tier", name_of(r.tier)},
                        {"reason", r.reason}});
  }
  const json document = {{"schema_version", kPlanJsonSchemaVersion},
                         {"request", request_json(request, context)},
                         {"assumptions", assumptions(context, plan)},
                         {"catalog",
                          {{"origin", context.catalog_origin},
                           {"version", context.catalog_version},
                           {"as_of", context.catalog_as_of},
                           {"schema_version", context.catalog_schema_version},
                           {"offers", context.catalog_offers}}},
                         {"outcome", name_of(plan.outcome)},
                         {"outcome_text", outcome_text(plan, request)},
                         {"cheapest_usd", optional(plan.cheapest_usd)},
                         {"candidates", plan.candidates},
                         {"plans", plans},
                         {"rejected", rejected}};
  out << document.dump(2) << '\n';
}

}  // namespace ftcost::render
