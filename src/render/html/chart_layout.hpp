// Layout maths of the cost × time chart: the Pareto front and rank labels that do not overlap.
#pragma once

#include <cstddef>
#include <vector>

namespace ftcost::render::html {

/// A point or a size, in whatever unit the caller uses (data units or SVG pixels).
struct XY {
  double x = 0;
  double y = 0;
};

/// An axis-aligned box: top-left corner and size, SVG pixels (y grows downward).
struct Box {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

/// Whether two boxes share any area (touching edges do not count).
[[nodiscard]] bool overlaps(const Box& a, const Box& b) noexcept;

/// The indices of the points on the Pareto front of `points` (x: wall hours, y: cost, both
/// lower is better): no other point is at least as good in both and better in one. Of equal
/// points the first index counts. Ordered by x ascending (so y descending).
[[nodiscard]] std::vector<std::size_t> pareto_front(const std::vector<XY>& points);

/// Where one label went: its box, and whether it sits away from its anchor (draw a leader line).
struct LabelSpot {
  Box box;
  bool leader = false;
};

/// Places one label of `sizes[i]` (pixels) per anchor `anchors[i]` (pixels), in the order given
/// (the first is placed first, nearest its anchor): each box inside `bounds`, overlapping no box
/// placed before it and no anchor's mark (a square of 2 × `mark_radius` around every anchor).
/// Candidates: 16 directions at growing distances, nearest first. A label with no free spot
/// within reach takes the candidate overlapping least. Requires anchors.size() == sizes.size().
[[nodiscard]] std::vector<LabelSpot> place_labels(const std::vector<XY>& anchors,
                                                  const std::vector<XY>& sizes, const Box& bounds,
                                                  double mark_radius);

}  // namespace ftcost::render::html
