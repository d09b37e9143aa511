// Memory bars: one GiB axis for all bars, so GPUs of different sizes compare at a glance.
#include "memory_bars.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "chart_layout.hpp"
#include "ftcost/base/units.hpp"
#include "ftcost/memory/memory_fit.hpp"
#include "palette.hpp"
#include "svg_chart.hpp"

namespace ftcost::render::html {
namespace {

constexpr double kWidth = 1100;
constexpr double kLabelRight = 250;  // bar labels end here
constexpr double kBarLeft = 262;
constexpr double kBarRight = 800;  // room after it for "25.81 of 23.65 GiB usable: 2.16 GiB over"
constexpr double kTop = 14;
constexpr double kRowHeight = 44;
constexpr double kBarHeight = 26;
constexpr double kMinLabelledPx = 38;  // a segment's GiB label needs this much width
constexpr double kLegendRowHeight = 24;

std::string gib_text(double bytes) {
  return fmt::format("{:.2f}", bytes_to_gib(bytes));
}

double bar_total(const MemoryBar& bar) {
  double total = 0;
  for (const BarSegment& s : bar.segments) {
    total += s.bytes;
  }
  return total;
}

// The names present, in first-seen order.
std::vector<std::string> legend_names(const std::vector<MemoryBar>& bars) {
  std::vector<std::string> names;
  for (const MemoryBar& bar : bars) {
    for (const BarSegment& s : bar.segments) {
      if (s.bytes > 0 && std::find(names.begin(), names.end(), s.name) == names.end()) {
        names.push_back(s.name);
      }
    }
  }
  return names;
}

// Ticks are in GiB, the scale in bytes.
void write_axis(Markup& svg, const LinearScale& x, const Ticks& ticks, double top, double bottom) {
  for (double v : ticks.major) {
    const double px = x(gib_to_bytes(v));
    svg.leaf("line", {{"x1", coord(px)},
                      {"x2", coord(px)},
                      {"y1", coord(top)},
                      {"y2", coord(bottom)},
                      {"class", "grid"}});
    svg.element(
        "text",
        {{"x", coord(px)}, {"y", coord(bottom + 18)}, {"class", "tick"}, {"text-anchor", "middle"}},
        tick_label(v));
  }
  svg.element("text",
              {{"x", coord((kBarLeft + kBarRight) / 2)},
               {"y", coord(bottom + 40)},
               {"class", "axis-title"},
               {"text-anchor", "middle"}},
              "GiB per GPU");
}

// Segments first, then the capacity line over them, then the labels over both.
void write_bar(Markup& svg, const MemoryBar& bar, const LinearScale& x, double y) {
  svg.element("text",
              {{"x", coord(kLabelRight)},
               {"y", coord(y + kBarHeight / 2 + 5)},
               {"class", "bar-label"},
               {"text-anchor", "end"}},
              bar.label);
  double left = 0;
  for (const BarSegment& s : bar.segments) {
    if (s.bytes <= 0) {
      continue;
    }
    const double x0 = x(left);
    left += s.bytes;
    svg.open("rect", {{"x", coord(x0)},
                      {"y", coord(y)},
                      {"width", coord(x(left) - x0)},
                      {"height", coord(kBarHeight)},
                      {"fill", std::string(component_swatch(s.name).fill)},
                      {"class", "segment"}});
    svg.element("title", fmt::format("{}: {} GiB", s.name, gib_text(s.bytes)));
    svg.close();
  }
  double note_x = x(left) + 10;
  std::string note = gib_text(left) + " GiB";
  if (bar.capacity_bytes) {
    const double cx = x(*bar.capacity_bytes);
    svg.leaf("line", {{"x1", coord(cx)},
                      {"x2", coord(cx)},
                      {"y1", coord(y - 7)},
                      {"y2", coord(y + kBarHeight + 7)},
                      {"class", "capacity"}});
    note_x = std::max(note_x, cx + 10);
    note = fmt::format("{} of {} GiB usable", gib_text(left), gib_text(*bar.capacity_bytes));
    if (left > *bar.capacity_bytes) {
      note += fmt::format(": {} GiB over", gib_text(left - *bar.capacity_bytes));
    }
  }
  double start = 0;
  for (const BarSegment& s : bar.segments) {
    if (s.bytes <= 0) {
      continue;
    }
    const double x0 = x(start);
    start += s.bytes;
    const double x1 = x(start);
    if (x1 - x0 >= kMinLabelledPx) {
      svg.element("text",
                  {{"x", coord((x0 + x1) / 2)},
                   {"y", coord(y + kBarHeight / 2 + 4.5)},
                   {"class", "segment-value"},
                   {"fill", std::string(component_swatch(s.name).ink)},
                   // A halo of the segment's own colour keeps the figure legible where the
                   // capacity line crosses it.
                   {"stroke", std::string(component_swatch(s.name).fill)},
                   {"text-anchor", "middle"}},
                  gib_text(s.bytes));
    }
  }
  svg.element("text",
              {{"x", coord(note_x)}, {"y", coord(y + kBarHeight / 2 + 5)}, {"class", "bar-total"}},
              note);
}

// Legend entries in reading order, wrapped to the width: x and y of each, and the height used.
struct LegendLayout {
  std::vector<XY> at;
  double height = 0;
};

double legend_width(const std::string& name) {
  // 7.2 px per character at 13 px: a safe over-estimate of the system fonts' widths.
  return 22 + 7.2 * static_cast<double>(name.size()) + 18;
}

LegendLayout legend_layout(const std::vector<std::string>& entries, double top) {
  LegendLayout layout;
  double x = kBarLeft;
  double y = top;
  for (const std::string& name : entries) {
    if (x + legend_width(name) > kWidth && x > kBarLeft) {
      x = kBarLeft;
      y += kLegendRowHeight;
    }
    layout.at.push_back({x, y});
    x += legend_width(name);
  }
  layout.height = y - top + kLegendRowHeight;
  return layout;
}

// The segment names, then the capacity line's entry when one is drawn (the last entry).
void write_legend(Markup& svg, const std::vector<std::string>& entries, bool capacity,
                  const LegendLayout& layout) {
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const XY at = layout.at[i];
    if (capacity && i + 1 == entries.size()) {
      svg.leaf("line", {{"x1", coord(at.x + 7)},
                        {"x2", coord(at.x + 7)},
                        {"y1", coord(at.y - 13)},
                        {"y2", coord(at.y + 5)},
                        {"class", "capacity"}});
    } else {
      svg.leaf("rect", {{"x", coord(at.x)},
                        {"y", coord(at.y - 11)},
                        {"width", "14"},
                        {"height", "14"},
                        {"fill", std::string(component_swatch(entries[i]).fill)}});
    }
    svg.element("text", {{"x", coord(at.x + 20)}, {"y", coord(at.y + 1)}, {"class", "legend"}},
                entries[i]);
  }
}

}  // namespace

std::vector<BarSegment> fit_segments(const MemoryEstimate& estimate) {
  std::vector<BarSegment> segments;
  for (const MemoryComponent& c : estimate.components) {
    segments.push_back({c.name, c.bytes});
  }
  segments.push_back(
      {"allocator cache", estimate.peak_reserved_bytes - estimate.peak_allocated_bytes});
  segments.push_back({"CUDA context", fit_bytes(estimate) - estimate.peak_reserved_bytes});
  return segments;
}

void memory_bars_svg(Markup& page, const std::vector<MemoryBar>& bars,
                     const std::string& description) {
  double most = 0;
  for (const MemoryBar& bar : bars) {
    most = std::max({most, bar_total(bar), bar.capacity_bytes.value_or(0)});
  }
  constexpr double kHeadroom = 1.04;
  const Ticks ticks = linear_ticks(bytes_to_gib(most * kHeadroom));
  const double axis_max = ticks.major.back();
  const LinearScale gib_x{0, gib_to_bytes(axis_max), kBarLeft, kBarRight};
  const double bars_bottom = kTop + kRowHeight * static_cast<double>(bars.size());
  std::vector<std::string> entries = legend_names(bars);
  const bool capacity = std::any_of(bars.begin(), bars.end(),
                                    [](const MemoryBar& bar) { return bar.capacity_bytes; });
  if (capacity) {
    entries.emplace_back("usable memory of one GPU");
  }
  const LegendLayout legend = legend_layout(entries, bars_bottom + 72);
  const double height = bars_bottom + 72 + legend.height;
  page.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                    {"viewBox", fmt::format("0 0 {} {}", coord(kWidth), coord(height))},
                    {"width", coord(kWidth)},
                    {"height", coord(height)},
                    {"role", "img"},
                    {"class", "memory-bars"}});
  page.element("title", description);
  write_axis(page, gib_x, ticks, kTop, bars_bottom);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    write_bar(page, bars[i], gib_x, kTop + kRowHeight * static_cast<double>(i) + 9);
  }
  write_legend(page, entries, capacity, legend);
  page.close();
  page.newline();
}

}  // namespace ftcost::render::html
