// `ftcost plan` as text: assumptions header, ranked table, outcome line, --verbose details.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "assumptions_render.hpp"
#include "ftcost/render/plan_render.hpp"
#include "plan_text.hpp"
#include "setup_lines.hpp"
#include "table_writer.hpp"
#include "text_bar.hpp"

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
  write_key_values(out, header_lines(plan, request, context));
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

// A GPU id over 14 bytes cut at its last '-' within them, marked '~' ("rtx-pro-6000~"): the
// one longer id (rtx-pro-6000-blackwell) would otherwise widen the table by 9 columns.
std::string gpu_cell(const std::string& gpu) {
  constexpr std::size_t kMaxBytes = 14;
  if (gpu.size() <= kMaxBytes) {
    return gpu;
  }
  const std::size_t cut = gpu.rfind('-', kMaxBytes - 1);
  return gpu.substr(0, cut == std::string::npos || cut == 0 ? kMaxBytes - 1 : cut) + "~";
}

// Cells the cost bar may take: what the 100-column width leaves, within 4 to 10.
std::size_t bar_cells(std::size_t table_width) {
  constexpr std::size_t kMin = 4;
  constexpr std::size_t kMax = 10;
  const std::size_t room = kTextWidth > table_width + 2 ? kTextWidth - table_width - 2 : 0;
  return std::clamp(room, kMin, kMax);
}

/// One row per plan. The default keeps to 100 columns (rank, offer, configuration, wall hours,
/// totals); `wide` adds p90 hours and every line item.
void write_rows(const Plan& plan, const PlanRequest& request, const PlanTableOptions& options,
                std::ostream& out) {
  const bool wide = options.wide;
  // p90 $ is the --sort p90 key; otherwise the 80% range's high end (p90 interruptions
  // included) already bounds the risk, and the default row keeps its columns for the bar.
  const bool p90 = wide || request.sort == SortKey::P90;
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
  columns.insert(columns.end(), {{"total $", Align::Right}, {"80% $", Align::Right}});
  if (p90) {
    columns.push_back({"p90 $", Align::Right});
  }
  double dearest = 0;
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    const PlanRow& row = plan.rows[i];
    dearest = std::max(dearest, row.cost.total_usd());
    // "~": the cost range overlaps the top plan's, a tie within the duration's uncertainty.
    std::vector<std::string> cells = {
        std::to_string(i + 1) + (i > 0 && row.tied_with_top ? "~" : "") +
            (row.price_caveat.empty() ? "" : "!"),
        row.offer.provider,
        shape_text(row, wide ? row.offer.gpu.str() : gpu_cell(row.offer.gpu)),
        std::string(name_of(row.offer.tier)),
        config_text(row.run.setup, !wide),
        hours(row.wall_hours)};
    if (regions) {
      cells.insert(cells.begin() + 2, region_cell(row.offer.region));
    }
    if (wide) {
      cells.insert(cells.end(), {hours(row.p90_wall_hours), usd(row.cost.compute_usd),
                                 usd(row.cost.setup_usd), usd(row.cost.storage_usd),
                                 usd(row.cost.egress_usd), usd(row.cost.interruption_usd)});
    }
    cells.insert(cells.end(), {usd(row.cost.total_usd()), range_usd(row)});
    if (p90) {
      cells.push_back(usd(row.p90_total_usd));
    }
    rows.push_back(std::move(cells));
  }
  // The cost bar: each total against the dearest plan shown, from $0, so lengths compare as
  // the totals do.
  const std::size_t cells = bar_cells(table_width(columns, rows));
  columns.push_back({"cost", Align::Left});
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    rows[i].push_back(text_bar(plan.rows[i].cost.total_usd() / dearest, cells, options.style));
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
           "(each line item and p90 $: --wide, --format csv or --format json)\n";
  }
  out << "80% $ = the total at the fast and slow ends of the duration's 80% range (slow end with\n"
         "p90 interruptions); ~ marks plans tied with #1 within it "
         "(docs/duration-model.md#uncertainty)\n";
  out << fmt::format("cost = total $ as a bar from $0 to the dearest plan shown (${:.2f})\n",
                     dearest);
}

void write_verbose(const Plan& plan, const PlanContext& context, std::ostream& out) {
  out << "\nassumptions:\n";
  for (const Assumption& a : assumption_lines(plan, context)) {
    write_assumption_item(out, a.source.empty() ? a.text.str() : a.text + " [" + a.source + "]");
  }
  out << (plan.rejected.empty() ? "\nrejected: none\n" : "\nrejected:\n");
  for (const Rejection& r : plan.rejected) {
    const std::string instances = r.instances > 1 ? fmt::format("{} x ", r.instances) : "";
    write_assumption_item(out, fmt::format("{} {}{}x {} {}: {}", r.provider, instances,
                                           r.gpus_per_instance, r.gpu, name_of(r.tier), r.reason));
  }
}

}  // namespace

std::vector<std::pair<std::string, std::string>> header_lines(const Plan& plan,
                                                              const PlanRequest& request,
                                                              const PlanContext& context) {
  return {
      {"model", model_text(context.model_id, context.model_name, context.params_total,
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
                                plan.candidates, plan.rejected.size())}};
}

std::vector<Assumption> assumption_lines(const Plan& plan, const PlanContext& context) {
  std::vector<Assumption> lines = context.assumptions;
  lines.insert(lines.end(), plan.assumptions.begin(), plan.assumptions.end());
  for (const PlanRow& row : plan.rows) {
    if (row.interruption) {
      lines.push_back({fmt::format("{} spot hazard {:.3g}/h: {}", offer_key(row.offer),
                                   row.interruption->hazard_per_hour, row.hazard_source),
                       ""});
    }
  }
  return lines;
}

void write_plan_table(const Plan& plan, const PlanRequest& request, const PlanContext& context,
                      const PlanTableOptions& options, std::ostream& out) {
  write_header(plan, request, context, out);
  if (plan.rows.empty()) {
    out << "no plan fits: every offer was rejected (run with --verbose to see why)\n";
  } else {
    write_rows(plan, request, options, out);
    const bool p90_shown = options.wide || request.sort == SortKey::P90;
    const bool p90_below_mean =
        p90_shown && std::any_of(plan.rows.begin(), plan.rows.end(), [](const PlanRow& r) {
          return r.p90_total_usd < r.cost.total_usd();
        });
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
