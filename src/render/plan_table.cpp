// `ftcost plan` as text: assumptions header, ranked table, outcome line, --verbose details.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "assumptions_render.hpp"
#include "ftcost/render/plan_render.hpp"
#include "plan_text.hpp"
#include "setup_lines.hpp"
#include "table_writer.hpp"

namespace ftcost::render {
namespace {

std::string usd(double value) {
  return fmt::format("{:.2f}", value);
}

// "1.21-3.40": the 80% cost range; "n/a" above it when a slow run outpaces spot restarts.
std::string range_usd(const PlanFigures& row) {
  const std::string high = std::isfinite(row.total_usd_high) ? usd(row.total_usd_high) : "n/a";
  return usd(row.total_usd_low) + "-" + high;
}

std::string hours(double value) {
  return fmt::format("{:.2f}", value);
}

// Full fine-tuning produces no adapter, so "download adapter" means the whole fine-tuned model.
std::string download_text(Method method, DownloadKind download) {
  if (method == Method::Full && download == DownloadKind::Adapter) {
    return "full weights (no adapter)";
  }
  return std::string(name_of(download));
}

void write_header(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                  std::ostream& out) {
  write_key_values(
      out,
      {{"model", model_text(context.model_id, context.model_name, context.params_total,
                            context.params_active)},
       {"method", std::string(name_of(context.method))},
       {"dataset", fmt::format("{} tokens per epoch x {:g} epoch(s)",
                               token_count_text(context.dataset_tokens), context.epochs)},
       {"catalog",
        fmt::format("{} version {} as of {} ({} offers)", context.catalog_origin,
                    context.catalog_version, context.catalog_as_of, context.catalog_offers)},
       {"project", fmt::format("keep {:g} days after training, download {}, checkpoints to {}",
                               request.keep_days, download_text(context.method, request.download),
                               request.checkpoint_to)},
       {"ranked by", fmt::format("{} ({} costed, {} rejected)", name_of(request.sort),
                                 plan.candidates, plan.rejected.size())}});
  out << '\n';
}

// A region cut to 16 bytes at a character boundary: imported marketplaces name places in free
// text ("Hafnarfjarðarkaupstaður, IS, EU") that would push the table past 100 columns.
std::string region_cell(const std::string& region) {
  constexpr std::size_t kMaxBytes = 16;
  if (region.size() <= kMaxBytes) {
    return region.empty() ? "-" : region;
  }
  std::size_t cut = kMaxBytes - 1;
  while (cut > 0 && (static_cast<unsigned char>(region[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return region.substr(0, cut) + "~";
}

/// One row per plan. The default keeps to 100 columns (rank, offer, configuration, wall hours,
/// totals); `wide` adds p90 hours and every line item.
void write_rows(const Plan& plan, bool wide, std::ostream& out) {
  std::vector<Column> columns = {{"#", Align::Right},     {"provider", Align::Left},
                                 {"gpus", Align::Left},   {"tier", Align::Left},
                                 {"config", Align::Left}, {"wall h", Align::Right}};
  // Only imported catalogs carry regions; the column appears when a shown plan has one.
  const bool regions = std::any_of(plan.rows.begin(), plan.rows.end(),
                                   [](const PlanRow& row) { return !row.offer.region.empty(); });
  if (regions) {
    columns.insert(columns.begin() + 2, {"region", Align::Left});
  }
  if (wide) {
    for (const char* name : {"p90 h", "compute", "setup", "storage", "egress", "interrupt"}) {
      columns.push_back({name, Align::Right});
    }
  }
  columns.insert(columns.end(),
                 {{"total $", Align::Right}, {"80% $", Align::Right}, {"p90 $", Align::Right}});
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    const PlanRow& row = plan.rows[i];
    // "~": the cost range overlaps the top plan's, a tie within the duration's uncertainty.
    std::vector<std::string> cells = {std::to_string(i + 1) +
                                          (i > 0 && row.tied_with_top ? "~" : "") +
                                          (row.price_caveat.empty() ? "" : "!"),
                                      row.offer.provider,
                                      shape_text(row),
                                      std::string(name_of(row.offer.tier)),
                                      config_text(row.run.setup),
                                      hours(row.wall_hours)};
    if (regions) {
      cells.insert(cells.begin() + 2, region_cell(row.offer.region));
    }
    if (wide) {
      cells.insert(cells.end(), {hours(row.p90_wall_hours), usd(row.cost.compute_usd),
                                 usd(row.cost.setup_usd), usd(row.cost.storage_usd),
                                 usd(row.cost.egress_usd), usd(row.cost.interruption_usd)});
    }
    cells.insert(cells.end(), {usd(row.cost.total_usd()), range_usd(row), usd(row.p90_total_usd)});
    rows.push_back(std::move(cells));
  }
  write_table(out, columns, rows);
  std::string extrapolated;
  for (const PlanRow& row : plan.rows) {
    if (row.run.throughput_extrapolated && extrapolated.find(row.offer.gpu) == std::string::npos) {
      extrapolated += (extrapolated.empty() ? "" : ", ") + row.offer.gpu;
    }
  }
  bool caveat_header = false;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    if (plan.rows[i].price_caveat.empty()) {
      continue;
    }
    if (!caveat_header) {
      out << "\n! low confidence: the offer's price is doubtful (docs/catalog.md#consistency)\n";
      caveat_header = true;
    }
    write_assumption_item(out, fmt::format("#{}: {}", i + 1, plan.rows[i].price_caveat));
  }
  if (!extrapolated.empty()) {
    out << "\n"
        << extrapolated
        << ": no measured run calibrates these GPUs; their hours and cost are likely optimistic\n"
           "(docs/duration-model.md#amd)\n";
  }
  if (!wide) {
    out << "\ntotal $ = compute + setup + storage + egress + expected interruption cost\n"
           "(each line item: --wide, --format csv or --format json)\n";
  }
  out << "80% $ = the total at the fast and slow ends of the duration's 80% range (slow end with\n"
         "p90 interruptions); ~ marks plans tied with #1 within it "
         "(docs/duration-model.md#uncertainty)\n";
}

void write_verbose(const Plan& plan, const PlanContext& context, std::ostream& out) {
  out << "\nassumptions:\n";
  for (const auto* list : {&context.assumptions, &plan.assumptions}) {
    for (const Assumption& a : *list) {
      write_assumption_item(out, a.text + " [" + a.source + "]");
    }
  }
  for (const PlanRow& row : plan.rows) {
    if (row.interruption) {
      write_assumption_item(out, fmt::format("{} spot hazard {:.3g}/h: {}", offer_key(row.offer),
                                             row.interruption->hazard_per_hour, row.hazard_source));
    }
  }
  out << (plan.rejected.empty() ? "\nrejected: none\n" : "\nrejected:\n");
  for (const Rejection& r : plan.rejected) {
    const std::string instances = r.instances > 1 ? fmt::format("{} x ", r.instances) : "";
    write_assumption_item(out, fmt::format("{} {}{}x {} {}: {}", r.provider, instances,
                                           r.gpus_per_instance, r.gpu, name_of(r.tier), r.reason));
  }
}

}  // namespace

void write_plan_table(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                      const PlanTableOptions& options, std::ostream& out) {
  write_header(plan, request, context, out);
  if (plan.rows.empty()) {
    out << "no plan fits: every offer was rejected (run with --verbose to see why)\n";
  } else {
    write_rows(plan, options.wide, out);
    const bool p90_below_mean =
        std::any_of(plan.rows.begin(), plan.rows.end(),
                    [](const PlanRow& r) { return r.p90_total_usd < r.cost.total_usd(); });
    if (p90_below_mean) {
      // Readers take p90 < mean for a bug; it is the skew of rare interruptions (docs/planner.md).
      out << "\np90 is the cost 9 runs in 10 stay under; where interruptions are rare most runs see"
             " none,\nso p90 can sit below the expected (mean) cost "
             "(docs/planner.md#interruptions).\n";
    }
  }
  out << '\n' << outcome_text(plan, request) << '\n';
  if (options.verbose) {
    write_verbose(plan, context, out);
  }
}

}  // namespace ftcost::render
