// Greedy label placement: the best-ranked label gets the nearest free spot; crowded labels move
// out along 16 directions and keep a leader line to their point.
#include "chart_layout.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <numbers>
#include <numeric>

namespace ftcost::render::html {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

bool inside(const Box& box, const Box& bounds) noexcept {
  return box.x >= bounds.x && box.y >= bounds.y && box.x + box.width <= bounds.x + bounds.width &&
         box.y + box.height <= bounds.y + bounds.height;
}

double overlap_area(const Box& a, const Box& b) noexcept {
  const double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const double h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

// The box of `size` whose nearest point to `anchor` lies `distance` away in direction `angle`:
// the box's centre is pushed out by half its extent along the direction.
Box box_towards(const XY& anchor, const XY& size, double angle, double distance) {
  const double dx = std::cos(angle);
  const double dy = -std::sin(angle);
  const double cx = anchor.x + dx * (distance + size.x / 2 * std::abs(dx));
  const double cy = anchor.y + dy * (distance + size.y / 2 * std::abs(dy));
  return {cx - size.x / 2, cy - size.y / 2, size.x, size.y};
}

}  // namespace

bool overlaps(const Box& a, const Box& b) noexcept {
  return overlap_area(a, b) > 0;
}

std::vector<std::size_t> pareto_front(const std::vector<XY>& points) {
  std::vector<std::size_t> order(points.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&points](std::size_t a, std::size_t b) {
    return points[a].y != points[b].y ? points[a].y < points[b].y : points[a].x < points[b].x;
  });
  // By cost (ties: time), a point is on the front exactly when it is faster than all before it.
  std::vector<std::size_t> front;
  for (std::size_t i : order) {
    if (front.empty() || points[i].x < points[front.back()].x) {
      front.push_back(i);
    }
  }
  std::reverse(front.begin(), front.end());
  return front;
}

std::vector<LabelSpot> place_labels(const std::vector<XY>& anchors, const std::vector<XY>& sizes,
                                    const Box& bounds, double mark_radius) {
  constexpr std::array<double, 9> kDistances{3, 10, 18, 28, 40, 55, 75, 100, 130};
  constexpr int kDirections = 16;
  // Beyond this distance the label no longer reads as its point's: draw a leader line.
  constexpr double kLeaderFrom = 10;
  std::vector<Box> marks;
  marks.reserve(anchors.size());
  for (const XY& a : anchors) {
    marks.push_back({a.x - mark_radius, a.y - mark_radius, 2 * mark_radius, 2 * mark_radius});
  }
  std::vector<LabelSpot> placed;
  placed.reserve(anchors.size());
  for (std::size_t i = 0; i < anchors.size(); ++i) {
    LabelSpot best;
    double best_overlap = kInfinity;
    for (double distance : kDistances) {
      for (int d = 0; d < kDirections && best_overlap > 0; ++d) {
        // Start east (labels read left to right from their point), then alternate around.
        const int step = (d + 1) / 2 * (d % 2 == 0 ? 1 : -1);
        const double angle = 2 * std::numbers::pi * step / kDirections;
        const Box box = box_towards(anchors[i], sizes[i], angle, distance + mark_radius);
        if (!inside(box, bounds)) {
          continue;
        }
        double overlap = 0;
        for (const LabelSpot& other : placed) {
          overlap += overlap_area(box, other.box);
        }
        for (const Box& mark : marks) {
          overlap += overlap_area(box, mark);
        }
        if (overlap < best_overlap) {
          best_overlap = overlap;
          best = {box, distance > kLeaderFrom};
        }
      }
      if (best_overlap == 0) {
        break;
      }
    }
    if (best_overlap == kInfinity) {  // no candidate inside the bounds: clamp beside the anchor
      const Box box = box_towards(anchors[i], sizes[i], 0, mark_radius);
      best = {{std::clamp(box.x, bounds.x, bounds.x + bounds.width - box.width),
               std::clamp(box.y, bounds.y, bounds.y + bounds.height - box.height), box.width,
               box.height},
              true};
    }
    placed.push_back(best);
  }
  return placed;
}

}  // namespace ftcost::render::html
