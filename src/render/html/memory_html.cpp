// `ftcost vram --format html`: what fills the GPU, by component and by phase, against the
// capacity when one is given.
#include <fmt/format.h>

#include <cmath>

#include "../memory_text.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/model/params.hpp"
#include "html_page.hpp"
#include "html_reports.hpp"
#include "memory_bars.hpp"

namespace ftcost::render {
namespace {

using html::Markup;

std::string title_of(const MemoryReport& r) {
  return fmt::format("{}, {}, seq {} x micro-batch {}",
                     r.arch->name.empty() ? r.arch->id : r.arch->name, name_of(r.setup.method),
                     r.setup.seq_len, r.setup.micro_batch);
}

void write_bars(Markup& page, const MemoryReport& r) {
  const MemoryEstimate& e = r.estimate;
  const std::optional<double> capacity =
      r.fit ? std::optional<double>(r.fit->capacity_bytes) : std::nullopt;
  std::vector<html::MemoryBar> bars{
      {fmt::format("peak ({} phase)", name_of(e.binding_phase)), html::fit_segments(e), capacity}};
  // Phase totals are allocated memory, not what must fit, so they carry no capacity note.
  for (const PhaseMemory& p : e.phases) {
    bars.push_back({fmt::format("{} phase", name_of(p.phase)),
                    {{"phase total (allocated)", p.allocated_bytes}},
                    std::nullopt});
  }
  page.open("figure");
  html::memory_bars_svg(page, bars,
                        "Peak memory per GPU by component, and each phase's allocation");
  std::string caption =
      "The first bar is what must fit one GPU at the binding phase: the components sum to "
      "PyTorch's peak allocated memory, allocator cache is reserved minus allocated, CUDA context "
      "is the rest of what nvidia-smi would show (paged optimizer state excluded, as it can move "
      "to host memory). The other bars are each phase's allocated memory (PyTorch tensors only).";
  caption +=
      r.fit ? fmt::format(" The dashed line is the usable memory of {}.", r.fit->capacity_label)
            : " Give --gpu or --vram to draw the capacity.";
  page.element("figcaption", caption);
  page.close();
}

void write_components(Markup& page, const MemoryEstimate& e) {
  page.open("table");
  page.open("thead");
  page.open("tr");
  page.element("th", {{"scope", "col"}}, "component");
  page.element("th", {{"scope", "col"}, {"class", "num"}}, "GiB per GPU");
  page.element("th", {{"scope", "col"}, {"class", "num"}}, "% of allocated");
  page.element("th", {{"scope", "col"}}, "how");
  page.close();
  page.close();
  page.open("tbody");
  for (const MemoryComponent& c : e.components) {
    page.open("tr");
    page.element("td", c.name);
    page.element("td", {{"class", "num"}}, fmt::format("{:.2f}", bytes_to_gib(c.bytes)));
    page.element(
        "td", {{"class", "num"}},
        fmt::format("{:.0f}%",
                    e.peak_allocated_bytes > 0 ? 100 * c.bytes / e.peak_allocated_bytes : 0.0));
    page.element("td", c.detail);
    page.close();
  }
  page.close();
  page.close();
}

}  // namespace

void write_memory_html(const MemoryReport& report, std::ostream& out) {
  Markup page(out);
  html::begin_page(page, "ftcost vram: " + title_of(report));
  page.element("h1", "GPU memory: " + title_of(report));
  page.element("p", {{"class", "lead"}},
               "Peak memory per GPU of this setup, by component and by training phase "
               "(docs/memory-model.md).");
  if (report.fit) {
    page.element("p", {{"class", report.fit->fits ? "outcome ok" : "outcome bad"}},
                 fmt::format("{}: {:.2f} GiB {} on {}", report.fit->fits ? "fits" : "does not fit",
                             bytes_to_gib(std::abs(report.fit->headroom_bytes)),
                             report.fit->fits ? "to spare" : "short", report.fit->capacity_label));
  }
  html::key_value_table(page, memory_head(report));
  page.element("h2", "What fills the GPU");
  write_bars(page, report);
  page.element("h2", "Components at the binding phase");
  write_components(page, report.estimate);
  page.element("h2", "Assumptions");
  html::assumption_list(page, report.assumptions);
  html::end_page(
      page,
      "Made by ftcost vram --format html: inline SVG and CSS, no scripts, nothing fetched. "
      "What each chart shows: docs/report.md; the memory model: docs/memory-model.md.");
}

}  // namespace ftcost::render
