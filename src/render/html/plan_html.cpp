// `ftcost plan --format html`: the decision as a picture first, then the table and the
// assumptions behind it, all in one file with nothing to fetch.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "../plan_text.hpp"
#include "../table_writer.hpp"
#include "html_page.hpp"
#include "html_reports.hpp"
#include "memory_bars.hpp"
#include "plan_scatter.hpp"

namespace ftcost::render {
namespace {

using html::Attributes;
using html::Markup;

// The rejected offers a page lists; imported catalogs can reject tens of thousands.
constexpr std::size_t kMaxRejectedListed = 500;

std::string usd(double value) {
  return fmt::format("{:.2f}", value);
}

std::string range_usd(const PlanFigures& row) {
  return usd(row.total_usd_low) + "–" +
         (std::isfinite(row.total_usd_high) ? usd(row.total_usd_high) : "n/a");
}

std::string subject(const PlanContext& c) {
  return fmt::format("{}, {}, {} tokens × {:g} epoch{}",
                     c.model_name.empty() ? c.model_id : c.model_name, name_of(c.method),
                     token_count_text(c.dataset_tokens), c.epochs, c.epochs == 1 ? "" : "s");
}

void write_outcome(Markup& page, const PlanReport& report) {
  const char* tone = report.plan.outcome == PlanOutcome::Ok      ? "outcome ok"
                     : report.plan.outcome == PlanOutcome::NoFit ? "outcome bad"
                                                                 : "outcome warn";
  page.element("p", {{"class", tone}}, outcome_text(report.plan, report.request));
}

void cell(Markup& page, const std::string& text, bool number = false) {
  if (number) {
    page.element("td", {{"class", "num"}}, text);
  } else {
    page.element("td", text);
  }
}

void write_table(Markup& page, const Plan& plan) {
  const bool regions = std::any_of(plan.rows.begin(), plan.rows.end(),
                                   [](const PlanRow& row) { return !row.offer.region.empty(); });
  page.open("table", {{"class", "plans"}});
  page.open("thead");
  page.open("tr");
  std::vector<std::pair<std::string, bool>> headers{{"#", true}, {"provider", false}};
  if (regions) {
    headers.emplace_back("region", false);
  }
  headers.insert(headers.end(), {{"GPUs", false},
                                 {"tier", false},
                                 {"config", false},
                                 {"wall time, h", true},
                                 {"total, USD", true},
                                 {"80% range, USD", true},
                                 {"p90, USD", true}});
  for (const auto& [text, number] : headers) {
    page.element(
        "th",
        number ? Attributes{{"scope", "col"}, {"class", "num"}} : Attributes{{"scope", "col"}},
        text);
  }
  page.close();
  page.close();
  page.open("tbody");
  for (std::size_t i = 0; i < plan.rows.size(); ++i) {
    const PlanRow& row = plan.rows[i];
    page.open("tr");
    cell(page,
         std::to_string(i + 1) + (i > 0 && row.tied_with_top ? "~" : "") +
             (row.price_caveat.empty() ? "" : "!"),
         true);
    page.element("td", {{"title", row.provider_name}}, row.offer.provider);
    if (regions) {
      cell(page, row.offer.region.empty() ? "-" : row.offer.region);
    }
    // The offer's catalog text, escaped like all of it, as the cell's tooltip.
    page.element(
        "td",
        {{"title", fmt::format("instance type {}; price from {}, {}",
                               row.offer.instance_type.empty() ? "-" : row.offer.instance_type,
                               row.offer.source, row.offer.as_of)}},
        shape_text(row, row.offer.gpu));
    cell(page, std::string(name_of(row.offer.tier)));
    cell(page, config_text(row.run.setup));
    cell(page, fmt::format("{:.2f}", row.wall_hours), true);
    cell(page, usd(row.cost.total_usd()), true);
    cell(page, range_usd(row), true);
    cell(page, usd(row.p90_total_usd), true);
    page.close();
    page.newline();
  }
  page.close();
  page.close();
}

void write_table_notes(Markup& page, const Plan& plan) {
  page.element("p", {{"class", "note"}},
               "total = compute + setup + storage + egress + expected interruption cost (+ idle "
               "hours); every line item is in --format json and csv. 80% range: the total at the "
               "fast and slow ends of the duration's 80% range, the slow end with p90 "
               "interruptions. p90: the total with the 90th-percentile number of interruptions.");
  page.element("p", {{"class", "note"}},
               "~ after a rank: the plan's 80% cost range overlaps #1's and it runs on another GPU "
               "model, so the two are tied within the duration model's uncertainty (plans on "
               "#1's GPU model share its duration error, so their order holds). ! after a rank: "
               "the offer's price is doubtful and the total may be understated.");
  const bool caveats = std::any_of(plan.rows.begin(), plan.rows.end(),
                                   [](const PlanRow& row) { return !row.price_caveat.empty(); });
  if (caveats) {
    page.open("ul", {{"class", "note"}});
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
      if (!plan.rows[i].price_caveat.empty()) {
        page.element("li", fmt::format("#{}: {}", i + 1, plan.rows[i].price_caveat));
      }
    }
    page.close();
  }
  std::string extrapolated;
  for (const PlanRow& row : plan.rows) {
    if (row.run.throughput_extrapolated && extrapolated.find(row.offer.gpu) == std::string::npos) {
      extrapolated += (extrapolated.empty() ? "" : ", ") + row.offer.gpu;
    }
  }
  if (!extrapolated.empty()) {
    page.element("p", {{"class", "note"}},
                 extrapolated +
                     ": no measured run calibrates these GPUs; their hours and cost are likely "
                     "optimistic (docs/duration-model.md#amd).");
  }
}

void write_memory(Markup& page, const PlanReport& report) {
  std::vector<html::MemoryBar> bars;
  for (const PlanMemory& m : report.memory) {
    const PlanRow& row = report.plan.rows.at(m.rank - 1);
    bars.push_back(
        {fmt::format("#{} {}, {}", m.rank, row.offer.provider, shape_text(row, row.offer.gpu)),
         html::fit_segments(m.estimate), m.capacity_bytes});
  }
  page.open("figure");
  html::memory_bars_svg(page, bars, "Peak memory per GPU of the top plans, by component");
  page.element(
      "figcaption",
      "Peak memory per GPU of each plan's run with the configuration the search chose (config "
      "column), by component at the run's binding phase. The components sum to PyTorch's peak "
      "allocated memory; allocator cache is reserved minus allocated; CUDA context is the rest of "
      "what nvidia-smi would show (paged optimizer state excluded, as it can move to host memory). "
      "The dashed line is the GPU's usable memory (docs/memory-model.md).");
  page.close();
}

void write_rejected(Markup& page, const Plan& plan) {
  if (plan.rejected.empty()) {
    page.element("p", "No offer was rejected.");
    return;
  }
  page.open("details");
  page.element("summary", fmt::format("{} offer{} rejected, with the reason", plan.rejected.size(),
                                      plan.rejected.size() == 1 ? "" : "s"));
  page.open("ul");
  for (std::size_t i = 0; i < std::min(plan.rejected.size(), kMaxRejectedListed); ++i) {
    const Rejection& r = plan.rejected[i];
    const std::string instances = r.instances > 1 ? fmt::format("{} x ", r.instances) : "";
    page.element("li", fmt::format("{} {}{}x {} {}: {}", r.provider, instances, r.gpus_per_instance,
                                   r.gpu, name_of(r.tier), r.reason));
  }
  page.close();
  if (plan.rejected.size() > kMaxRejectedListed) {
    page.element("p", fmt::format("and {} more (--verbose lists every one)",
                                  plan.rejected.size() - kMaxRejectedListed));
  }
  page.close();
}

}  // namespace

void write_plan_html(const PlanReport& report, std::ostream& out) {
  const Plan& plan = report.plan;
  Markup page(out);
  html::begin_page(page, "ftcost plan: " + subject(report.context));
  page.element("h1", "Fine-tuning plan: " + subject(report.context));
  page.element("p", {{"class", "lead"}},
               "Where to run this fine-tune and what the whole project costs: every GPU offer of "
               "the catalog, costed with compute, setup, storage, egress and spot interruptions.");
  write_outcome(page, report);
  html::key_value_table(page, header_lines(plan, report.request, report.context));
  page.element("h2", "Cost against time");
  html::plan_scatter(page, plan);
  if (!plan.rows.empty()) {
    page.element("h2", fmt::format("The {} ranked plans", plan.rows.size()));
    write_table(page, plan);
    write_table_notes(page, plan);
  }
  if (!report.memory.empty()) {
    page.element("h2",
                 fmt::format("What fills GPU memory: the top {} plans", report.memory.size()));
    write_memory(page, report);
  }
  page.element("h2", "Assumptions");
  html::assumption_list(page, assumption_lines(plan, report.context));
  page.element("h2", "Rejected offers");
  write_rejected(page, plan);
  html::end_page(
      page,
      "Made by ftcost plan --format html: inline SVG and CSS, no scripts, nothing fetched. "
      "What each chart shows: docs/report.md; how plans are costed: docs/planner.md.");
}

}  // namespace ftcost::render
