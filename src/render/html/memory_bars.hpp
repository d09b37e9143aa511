// Horizontal stacked bars of GPU memory against capacity, shared by the plan and vram reports.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "ftcost/memory/memory.hpp"
#include "html_writer.hpp"

namespace ftcost::render::html {

/// One part of a bar.
struct BarSegment {
  std::string name;  ///< component name; picks the colour (component_swatch) and legend entry
  double bytes = 0;  ///< per GPU
};

/// One horizontal bar: a label, its segments left to right, and the GPU's usable memory.
struct MemoryBar {
  std::string label;                     ///< left of the bar, e.g. "#1 vast, 1x rtx-4090"
  std::vector<BarSegment> segments;      ///< zero-byte segments are skipped
  std::optional<double> capacity_bytes;  ///< drawn as a marker line labelled in GiB
};

/// The segments of what must fit a GPU (fit_bytes): the components at the binding phase (they
/// sum to peak allocated), then "allocator cache" (reserved - allocated) and "CUDA context"
/// (the device total without paged optimizer state, minus reserved).
[[nodiscard]] std::vector<BarSegment> fit_segments(const MemoryEstimate& estimate);

/// Writes the bars as one SVG on a shared GiB axis from 0 (ticks and title "GiB per GPU"): each
/// segment 38 px wide or more labelled with its GiB, a dashed line at the capacity of the bars
/// that have one, each bar's total after it ("16.35 of 23.65 GiB usable", and how far over), then
/// a legend of the segment names present and the capacity line. `description` becomes the SVG's
/// accessible title.
void memory_bars_svg(Markup& page, const std::vector<MemoryBar>& bars,
                     const std::string& description);

}  // namespace ftcost::render::html
