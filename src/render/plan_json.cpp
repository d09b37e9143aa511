// `ftcost plan --format json`: the versioned document of docs/plan-output.md, streamed by
// JsonStream (keys in nlohmann's alphabetical order, so the bytes are those of its dump(2)).
#include <algorithm>
#include <array>
#include <variant>

#include "ftcost/render/plan_render.hpp"
#include "json_stream.hpp"
#include "plan_text.hpp"
#include "setup_json.hpp"

namespace ftcost::render {
namespace {

// The configuration object: the setup's keys (visit_setup, as vram and time print them) and the
// run's figures, merged into key order.
void write_configuration(JsonStream& json, const DurationEstimate& run) {
  using Value = std::variant<std::string_view, std::int64_t, bool, double,
                             const std::vector<std::string>*, std::optional<std::string>>;
  std::vector<std::pair<std::string_view, Value>> members = {
      {"capacity_gib", run.capacity_gib},
      {"eval_hours", run.eval_hours},
      {"mfu", run.mfu},
      {"padding_efficiency", run.padding_efficiency},
      {"peak_reserved_gib", run.peak_reserved_gib},
      {"startup_hours", run.startup_hours},
      {"steady_train_hours", run.steady_train_hours},
      {"tokens_per_s_per_gpu", run.tokens_per_s_per_gpu},
      {"tokens_per_s_total", run.tokens_per_s_total},
      {"useful_tokens_per_s_per_gpu", run.useful_tokens_per_s_per_gpu}};
  visit_setup(run.setup, [&members](std::string_view key, const auto& value) {
    using V = std::decay_t<decltype(value)>;
    if constexpr (std::is_same_v<V, std::vector<std::string>>) {
      members.emplace_back(key, &value);
    } else {
      members.emplace_back(key, value);
    }
  });
  std::sort(members.begin(), members.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  json.begin_object();
  for (const auto& [key, value] : members) {
    json.key(key);
    std::visit(
        [&json](const auto& v) {
          using V = std::decay_t<decltype(v)>;
          if constexpr (std::is_same_v<V, const std::vector<std::string>*>) {
            json.value(*v);
          } else {
            json.value(v);
          }
        },
        value);
  }
  json.end_object();
}

void write_interruption(JsonStream& json, const PlanRow& row) {
  if (!row.interruption) {
    json.null();
    return;
  }
  const InterruptionPlan& i = *row.interruption;
  json.begin_object();
  json.member("checkpoint_interval_hours", i.checkpoint_interval_hours);
  json.member("checkpoint_write_s", i.checkpoint_write_s);
  json.member("expected_interruptions", i.expected_interruptions);
  json.member("expected_overhead_hours", i.expected_overhead_hours);
  json.member("hazard_per_hour", i.hazard_per_hour);
  json.member("hazard_source", row.hazard_source);
  json.member("lost_hours_per_interruption", i.lost_hours_per_interruption);
  json.member("notice_s", i.notice_s);
  json.member("optimum_interruption_usd", i.optimum_interruption_usd);
  json.member("p90_interruption_usd", i.p90_interruption_usd);
  json.member("p90_interruptions", i.p90_interruptions);
  json.member("p90_overhead_hours", i.p90_overhead_hours);
  json.member("restart_hours", i.restart_hours);
  json.end_object();
}

void write_line_items(JsonStream& json, const CostBreakdown& c) {
  const std::array<std::pair<std::string_view, double>, 6> items{
      {{"compute", c.compute_usd},
       {"setup", c.setup_usd},
       {"storage", c.storage_usd},
       {"egress", c.egress_usd},
       {"interruption", c.interruption_usd},
       {"idle", c.idle_usd}}};
  json.begin_array();
  for (const auto& [item, usd] : items) {
    json.begin_object();
    json.member("item", item);
    json.member("usd", usd);
    json.end_object();
  }
  json.end_array();
}

// total_usd_high and wall_hours_high are infinite for a run too slow for spot restarts to keep up
// with; JsonStream writes them as null, never 1e308.
void write_plan_row(JsonStream& json, const PlanRow& row, std::size_t rank) {
  json.begin_object();
  json.member("billed_hours", row.billed_hours);
  json.key("configuration");
  write_configuration(json, row.run);
  json.member("disk_gb", row.disk_gb);
  json.member("egress_gb", row.egress_gb);
  json.member("gpu", row.offer.gpu);
  json.member("gpus_per_instance", row.offer.gpus);
  json.member("gpus_total", row.gpus_total);
  json.member("ingress_gb", row.ingress_gb);
  json.member("instance_type", row.offer.instance_type);
  json.member("instances", row.instances);
  json.key("interruption");
  write_interruption(json, row);
  json.key("line_items");
  write_line_items(json, row.cost);
  json.member("low_confidence", !row.price_caveat.empty());
  json.member("offer_as_of", row.offer.as_of);
  json.member("offer_note", row.offer.note);
  json.member("offer_source", row.offer.source);
  json.member("offer_usd_per_gpu_hour", usd_per_gpu_hour(row.offer));
  json.member("offer_usd_per_hour", row.offer.usd_per_hour);
  json.member("on_network_volume", row.on_network_volume);
  json.member("p90_total_usd", row.p90_total_usd);
  json.member("p90_wall_hours", row.p90_wall_hours);
  json.member("price_caveat", row.price_caveat);
  json.member("provider", row.offer.provider);
  json.member("provider_name", row.provider_name);
  json.member("rank", rank);
  json.key("region");
  if (row.offer.region.empty()) {
    json.null();
  } else {
    json.value(row.offer.region);
  }
  json.member("reliability", row.reliability);
  json.member("setup_hours", row.setup_hours);
  json.member("store_gb", row.store_gb);
  json.member("throughput_extrapolated", row.run.throughput_extrapolated);
  json.member("tied_with_top", row.tied_with_top);
  json.member("tier", name_of(row.offer.tier));
  json.member("total_usd", row.cost.total_usd());
  json.member("total_usd_high", row.total_usd_high);
  json.member("total_usd_low", row.total_usd_low);
  json.member("train_hours", row.train_hours);
  json.member("usd_per_hour", row.usd_per_hour);
  json.member("wall_hours", row.wall_hours);
  json.member("wall_hours_high", row.wall_hours_high);
  json.member("wall_hours_low", row.wall_hours_low);
  json.member("within_budget", row.within_budget);
  json.end_object();
}

void write_request(JsonStream& json, const PlanRequest& r, const PlanContext& c) {
  json.begin_object();
  json.member("budget_on", name_of(r.budget_on));
  json.member("budget_usd", r.budget_usd);
  json.member("checkpoint_every_hours", r.checkpoint_every_hours);
  json.member("checkpoint_to", r.checkpoint_to);
  json.member("dataset_tokens", c.dataset_tokens);
  json.member("download", name_of(r.download));
  json.member("epochs", c.epochs);
  json.member("eval_share", c.eval_share);
  json.member("gpus", r.gpus);
  json.member("hazard_per_hour", r.hazard_per_hour);
  json.member("idle_hours", r.idle_hours);
  json.member("keep_checkpoints", r.keep_checkpoints);
  json.member("keep_days", r.keep_days);
  json.member("max_gpus", r.max_gpus);
  json.member("max_hours", r.max_hours);
  json.member("method", name_of(c.method));
  json.member("min_reliability", r.min_reliability);
  json.member("model", c.model_id);
  json.member("network_volume", r.network_volume);
  json.member("packing", name_of(c.packing));
  json.member("params_active", c.params_active);
  json.member("params_total", c.params_total);
  json.member("pareto", r.pareto);
  json.member("providers", r.providers);
  json.member("regions", r.regions);
  json.member("sort", name_of(r.sort));
  json.member("startup_s", c.startup_s);
  json.member("tier", name_of(r.tier));
  json.member("top", r.top);
  json.member("volume_gb", r.volume_gb);
  json.end_object();
}

void write_assumptions(JsonStream& json, const PlanContext& context, const Plan& plan) {
  json.begin_array();
  for (const auto* source : {&context.assumptions, &plan.assumptions}) {
    for (const Assumption& a : *source) {
      json.begin_object();
      json.member("source", a.source);
      json.member("text", a.text);
      json.end_object();
    }
  }
  json.end_array();
}

void write_rejected(JsonStream& json, const std::vector<Rejection>& rejected) {
  json.begin_array();
  for (const Rejection& r : rejected) {
    json.begin_object();
    json.member("gpu", r.gpu);
    json.member("gpus_per_instance", r.gpus_per_instance);
    json.member("instances", r.instances);
    json.member("provider", r.provider);
    json.member("reason", r.reason);
    json.member("tier", name_of(r.tier));
    json.end_object();
  }
  json.end_array();
}

}  // namespace

void write_plan_json(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                     std::ostream& out) {
  JsonStream json(out);
  json.begin_object();
  json.key("assumptions");
  write_assumptions(json, context, plan);
  json.member("candidates", plan.candidates);
  json.key("catalog");
  json.begin_object();
  json.member("as_of", context.catalog_as_of);
  json.member("offers", context.catalog_offers);
  json.member("origin", context.catalog_origin);
  json.member("schema_version", context.catalog_schema_version);
  json.member("version", context.catalog_version);
  json.end_object();
  json.member("cheapest_usd", plan.cheapest_usd);
  json.member("outcome", name_of(plan.outcome));
  json.member("outcome_text", outcome_text(plan, request));
  json.key("plans");
  json.begin_array();
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    write_plan_row(json, plan.rows[i], i + 1);
  }
  json.end_array();
  json.key("rejected");
  write_rejected(json, plan.rejected);
  json.key("request");
  write_request(json, request, context);
  json.member("schema_version", kPlanJsonSchemaVersion);
  json.end_object();
  json.flush();
  out << '\n';
}

}  // namespace ftcost::render
