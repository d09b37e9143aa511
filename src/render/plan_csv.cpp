// `ftcost plan --format csv`: one flat row per plan under a header row (RFC 4180).
#include <fmt/format.h>

#include <cmath>

#include "csv_writer.hpp"
#include "ftcost/render/plan_render.hpp"
#include "plan_text.hpp"

namespace ftcost::render {
namespace {

// Full precision, so a spreadsheet sums exactly what the JSON reports.
std::string number(double value) {
  return fmt::format("{}", value);
}

// An infinite figure is an empty cell, as a missing one is.
std::string finite_number(double value) {
  return std::isfinite(value) ? number(value) : "";
}

std::vector<std::string> csv_row(const PlanRow& row, std::size_t rank) {
  const TrainingSetup& s = row.run.setup;
  const auto& i = row.interruption;
  return {std::to_string(rank),
          row.offer.provider,
          row.provider_name,
          row.offer.gpu,
          std::to_string(row.offer.gpus),
          std::to_string(row.instances),
          std::to_string(row.gpus_total),
          std::string(name_of(row.offer.tier)),
          row.offer.instance_type,
          row.offer.region,
          number(row.offer.usd_per_hour),
          number(usd_per_gpu_hour(row.offer)),
          number(row.usd_per_hour),
          std::to_string(s.micro_batch),
          std::to_string(s.grad_accum),
          std::string(name_of(s.grad_ckpt)),
          std::string(name_of(s.sharding)),
          std::string(name_of(s.precision)),
          std::string(name_of(s.optimizer)),
          std::string(name_of(s.cpu_offload)),
          number(row.setup_hours),
          number(row.train_hours),
          number(row.wall_hours),
          number(row.p90_wall_hours),
          number(row.billed_hours),
          number(row.cost.compute_usd),
          number(row.cost.setup_usd),
          number(row.cost.storage_usd),
          number(row.cost.egress_usd),
          number(row.cost.interruption_usd),
          number(row.cost.idle_usd),
          number(row.cost.total_usd()),
          number(row.p90_total_usd),
          number(row.total_usd_low),
          finite_number(row.total_usd_high),
          number(row.wall_hours_low),
          finite_number(row.wall_hours_high),
          row.tied_with_top ? "true" : "false",
          row.price_caveat.empty() ? "false" : "true",
          row.price_caveat,
          i ? number(i->hazard_per_hour) : "",
          i ? number(i->checkpoint_interval_hours) : "",
          i ? number(i->expected_interruptions) : "",
          number(row.reliability),
          row.within_budget ? (*row.within_budget ? "true" : "false") : "",
          row.on_network_volume ? "true" : "false",
          row.run.throughput_extrapolated ? "true" : "false",
          row.offer.as_of,
          row.offer.source};
}

}  // namespace

void write_plan_csv(const Plan& plan, std::ostream& out) {
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    rows.push_back(csv_row(plan.rows[i], i + 1));
  }
  write_csv(out,
            {"rank",
             "provider",
             "provider_name",
             "gpu",
             "gpus_per_instance",
             "instances",
             "gpus_total",
             "tier",
             "instance_type",
             "region",
             "offer_usd_per_hour",
             "offer_usd_per_gpu_hour",
             "usd_per_hour",
             "micro_batch",
             "grad_accum",
             "grad_ckpt",
             "sharding",
             "precision",
             "optimizer",
             "cpu_offload",
             "setup_hours",
             "train_hours",
             "wall_hours",
             "p90_wall_hours",
             "billed_hours",
             "compute_usd",
             "setup_usd",
             "storage_usd",
             "egress_usd",
             "interruption_usd",
             "idle_usd",
             "total_usd",
             "p90_total_usd",
             "total_usd_low",
             "total_usd_high",
             "wall_hours_low",
             "wall_hours_high",
             "tied_with_top",
             "low_confidence",
             "price_caveat",
             "hazard_per_hour",
             "checkpoint_interval_hours",
             "expected_interruptions",
             "reliability",
             "within_budget",
             "on_network_volume",
             "throughput_extrapolated",
             "offer_as_of",
             "offer_source"},
            rows);
}

}  // namespace ftcost::render
