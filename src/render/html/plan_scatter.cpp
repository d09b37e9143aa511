// The scatter: log axes because plan costs and times span decades; marks drawn cheapest last so
// the plans a reader looks for are on top.
#include "plan_scatter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "chart_layout.hpp"
#include "palette.hpp"
#include "svg_chart.hpp"

namespace ftcost::render::html {
namespace {

constexpr double kWidth = 1100;
constexpr double kHeight = 660;
constexpr Box kPlot{86, 20, 770, 566};  // the data area; the legend sits right of it
constexpr double kLegendX = 886;
constexpr double kMarkRadius = 4.5;
constexpr double kRingRadius = 8.5;
constexpr double kDomainMargin = 0.04;

struct Frame {
  LogScale x;
  LogScale y;
};

// Colours by provider: the ranked plans' providers first, then those on the Pareto front, then
// the rest by their cheapest plan (points come cheapest first); providers past the palette share
// a grey.
std::map<std::string, std::string_view> provider_colors(const Plan& plan,
                                                        const std::vector<std::size_t>& front,
                                                        std::vector<std::string>& ordered) {
  std::vector<std::string> order;
  const auto add = [&order](const std::string& provider) {
    if (std::find(order.begin(), order.end(), provider) == order.end()) {
      order.push_back(provider);
    }
  };
  for (const PlanRow& row : plan.rows) {
    add(row.offer.provider);
  }
  for (std::size_t i : front) {
    add(plan.points[i].provider);
  }
  for (const PlanPoint& p : plan.points) {
    add(p.provider);
  }
  std::map<std::string, std::string_view> colors;
  for (std::size_t i = 0; i < order.size(); ++i) {
    colors[order[i]] = i < kProviderColors.size() ? kProviderColors[i] : kOtherProviderColor;
  }
  ordered = std::move(order);
  return colors;
}

std::vector<std::size_t> front_of(const std::vector<PlanPoint>& points) {
  std::vector<XY> xy;
  xy.reserve(points.size());
  for (const PlanPoint& p : points) {
    xy.push_back({p.wall_hours, p.total_usd});
  }
  return pareto_front(xy);
}

Frame frame_for(const Plan& plan) {
  std::vector<double> hours;
  std::vector<double> usd;
  for (const PlanPoint& p : plan.points) {
    hours.insert(hours.end(), {p.wall_hours, p.wall_hours_low, p.wall_hours_high});
    usd.insert(usd.end(), {p.total_usd, p.total_usd_low, p.total_usd_high});
  }
  for (const PlanRow& r : plan.rows) {
    hours.push_back(r.wall_hours);
    usd.push_back(r.cost.total_usd());
  }
  const auto [h_lo, h_hi] = log_domain(hours, kDomainMargin);
  const auto [u_lo, u_hi] = log_domain(usd, kDomainMargin);
  return {{h_lo, h_hi, kPlot.x, kPlot.x + kPlot.width},
          {u_lo, u_hi, kPlot.y + kPlot.height, kPlot.y}};
}

void write_grid(Markup& svg, const Frame& f) {
  const double left = kPlot.x;
  const double right = kPlot.x + kPlot.width;
  const double top = kPlot.y;
  const double bottom = kPlot.y + kPlot.height;
  const Ticks xt = log_ticks(f.x.lo, f.x.hi);
  const Ticks yt = log_ticks(f.y.lo, f.y.hi);
  const auto vline = [&svg, top, bottom](double px, const char* cls) {
    svg.leaf("line", {{"x1", coord(px)},
                      {"x2", coord(px)},
                      {"y1", coord(top)},
                      {"y2", coord(bottom)},
                      {"class", cls}});
  };
  const auto hline = [&svg, left, right](double py, const char* cls) {
    svg.leaf("line", {{"x1", coord(left)},
                      {"x2", coord(right)},
                      {"y1", coord(py)},
                      {"y2", coord(py)},
                      {"class", cls}});
  };
  for (double v : xt.minor) {
    vline(f.x(v), "grid-minor");
  }
  for (double v : yt.minor) {
    hline(f.y(v), "grid-minor");
  }
  for (double v : xt.major) {
    vline(f.x(v), "grid");
    svg.element("text",
                {{"x", coord(f.x(v))},
                 {"y", coord(bottom + 20)},
                 {"class", "tick"},
                 {"text-anchor", "middle"}},
                tick_label(v));
  }
  for (double v : yt.major) {
    hline(f.y(v), "grid");
    svg.element("text",
                {{"x", coord(left - 8)},
                 {"y", coord(f.y(v) + 4.5)},
                 {"class", "tick"},
                 {"text-anchor", "end"}},
                tick_label(v));
  }
  svg.leaf("rect", {{"x", coord(left)},
                    {"y", coord(top)},
                    {"width", coord(kPlot.width)},
                    {"height", coord(kPlot.height)},
                    {"class", "frame"}});
  svg.element("text",
              {{"x", coord(left + kPlot.width / 2)},
               {"y", coord(bottom + 48)},
               {"class", "axis-title"},
               {"text-anchor", "middle"}},
              "wall time, hours (log scale)");
  const double y_mid = top + kPlot.height / 2;
  svg.element("text",
              {{"x", "24"},
               {"y", coord(y_mid)},
               {"class", "axis-title"},
               {"text-anchor", "middle"},
               {"transform", fmt::format("rotate(-90 24 {})", coord(y_mid))}},
              "total cost, USD (log scale)");
}

// One whisker from `from` to `to` (pixels); an infinite end runs to the plot's edge with an
// arrowhead.
void write_whisker(Markup& svg, XY from, XY to, bool open_end, std::string_view color) {
  Attributes attributes{{"x1", coord(from.x)}, {"y1", coord(from.y)},
                        {"x2", coord(to.x)},   {"y2", coord(to.y)},
                        {"class", "whisker"},  {"stroke", std::string(color)}};
  if (open_end) {
    attributes.emplace_back("marker-end", "url(#open-end)");
  }
  svg.leaf("line", attributes);
}

void write_whiskers(Markup& svg, const Frame& f, const PlanPoint& p, std::string_view color) {
  const double x = f.x(p.wall_hours);
  const double y = f.y(p.total_usd);
  const double right = kPlot.x + kPlot.width;
  if (p.wall_hours_low < p.wall_hours_high) {
    const bool open = !std::isfinite(p.wall_hours_high);
    write_whisker(svg, {f.x(p.wall_hours_low), y}, {open ? right : f.x(p.wall_hours_high), y}, open,
                  color);
  }
  if (p.total_usd_low < p.total_usd_high) {
    const bool open = !std::isfinite(p.total_usd_high);
    write_whisker(svg, {x, f.y(p.total_usd_low)}, {x, open ? kPlot.y : f.y(p.total_usd_high)}, open,
                  color);
  }
}

std::string point_title(const PlanPoint& p) {
  const std::string shape = p.instances > 1 ? fmt::format("{} x {} GPUs", p.instances, p.gpus_total)
                                            : fmt::format("{}x", p.gpus_total);
  return fmt::format("{} {} {}, {}: {:.2f} USD, {:.2f} h{}", p.provider, shape, p.gpu,
                     name_of(p.tier), p.total_usd, p.wall_hours,
                     p.price_caveat ? " (doubtful price)" : "");
}

// A circle for on-demand, an upward triangle of about the same area for spot; `kind` is "mark"
// for a plan, "swatch" in the legend (so marks can be counted).
void write_mark(Markup& svg, XY at, Tier tier, std::string_view color, bool doubtful,
                const std::string& title, std::string_view kind = "mark") {
  const std::string cls = std::string(kind) + (tier == Tier::Spot ? " spot" : " on-demand") +
                          (doubtful ? " doubtful" : "");
  if (tier == Tier::Spot) {
    const double r = kMarkRadius * 1.3;
    svg.open("path", {{"d", fmt::format("M{},{}L{},{}L{},{}Z", coord(at.x), coord(at.y - r),
                                        coord(at.x + r * 0.866), coord(at.y + r * 0.5),
                                        coord(at.x - r * 0.866), coord(at.y + r * 0.5))},
                      {"fill", std::string(color)},
                      {"class", cls}});
  } else {
    svg.open("circle", {{"cx", coord(at.x)},
                        {"cy", coord(at.y)},
                        {"r", coord(kMarkRadius)},
                        {"fill", std::string(color)},
                        {"class", cls}});
  }
  svg.element("title", title);
  svg.close();
}

void write_front(Markup& svg, const Frame& f, const std::vector<PlanPoint>& points,
                 const std::vector<std::size_t>& front) {
  if (front.size() < 2) {
    return;
  }
  const auto at = [&](std::size_t i) {
    return XY{f.x(points[front[i]].wall_hours), f.y(points[front[i]].total_usd)};
  };
  // Right then down: every plan above and right of the steps is beaten on both cost and time.
  std::string d = fmt::format("M{},{}", coord(at(0).x), coord(at(0).y));
  for (std::size_t i = 1; i < front.size(); ++i) {
    d += fmt::format("H{}V{}", coord(at(i).x), coord(at(i).y));
  }
  svg.leaf("path", {{"d", d}, {"class", "front"}});
}

void write_rank_labels(Markup& svg, const Frame& f, const Plan& plan) {
  const std::size_t count = std::min(plan.rows.size(), kLabelledPlans);
  std::vector<XY> anchors;
  std::vector<XY> sizes;
  for (std::size_t i = 0; i < count; ++i) {
    anchors.push_back({f.x(plan.rows[i].wall_hours), f.y(plan.rows[i].cost.total_usd())});
    // "#10" at 12 px bold: about 8 px per character plus padding.
    sizes.push_back({8.0 * static_cast<double>(std::to_string(i + 1).size() + 1) + 8, 17});
  }
  const std::vector<LabelSpot> spots = place_labels(anchors, sizes, kPlot, kRingRadius);
  for (std::size_t i = 0; i < count; ++i) {
    svg.leaf("circle", {{"cx", coord(anchors[i].x)},
                        {"cy", coord(anchors[i].y)},
                        {"r", coord(kRingRadius)},
                        {"class", "rank-ring"}});
  }
  for (std::size_t i = 0; i < count; ++i) {
    const Box& b = spots[i].box;
    if (spots[i].leader) {
      svg.leaf("line", {{"x1", coord(anchors[i].x)},
                        {"y1", coord(anchors[i].y)},
                        {"x2", coord(b.x + b.width / 2)},
                        {"y2", coord(b.y + b.height / 2)},
                        {"class", "leader"}});
    }
  }
  for (std::size_t i = 0; i < count; ++i) {
    const Box& b = spots[i].box;
    svg.open("g", {{"class", "rank-label"}});
    svg.leaf("rect", {{"x", coord(b.x)},
                      {"y", coord(b.y)},
                      {"width", coord(b.width)},
                      {"height", coord(b.height)},
                      {"rx", "3"},
                      {"class", "rank-box"}});
    svg.element("text",
                {{"x", coord(b.x + b.width / 2)},
                 {"y", coord(b.y + b.height - 4.5)},
                 {"class", "rank-text"},
                 {"text-anchor", "middle"}},
                fmt::format("#{}", i + 1));
    svg.close();
  }
}

// The legend, right of the plot: providers, tiers, then the symbols actually drawn.
void write_legend(Markup& svg, const Plan& plan, const std::vector<std::string>& providers,
                  const std::map<std::string, std::string_view>& colors) {
  double y = kPlot.y + 12;
  constexpr double kLine = 21;
  const double x = kLegendX;
  svg.element("text", {{"x", coord(x)}, {"y", coord(y)}, {"class", "legend-head"}}, "provider");
  y += kLine;
  for (std::size_t i = 0; i < std::min(providers.size(), kProviderColors.size()); ++i) {
    svg.leaf("circle", {{"cx", coord(x + 6)},
                        {"cy", coord(y - 4.5)},
                        {"r", "5.5"},
                        {"fill", std::string(colors.at(providers[i]))},
                        {"class", "swatch"}});
    svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}}, providers[i]);
    y += kLine;
  }
  if (providers.size() > kProviderColors.size()) {
    svg.leaf("circle", {{"cx", coord(x + 6)},
                        {"cy", coord(y - 4.5)},
                        {"r", "5.5"},
                        {"fill", std::string(kOtherProviderColor)},
                        {"class", "swatch"}});
    svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}},
                fmt::format("{} other providers", providers.size() - kProviderColors.size()));
    y += kLine;
  }
  y += kLine / 2;
  svg.element("text", {{"x", coord(x)}, {"y", coord(y)}, {"class", "legend-head"}}, "tier");
  y += kLine;
  write_mark(svg, {x + 6, y - 4.5}, Tier::OnDemand, "#FFFFFF", false, "on-demand", "swatch");
  svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}}, "on-demand");
  y += kLine;
  write_mark(svg, {x + 6, y - 4.5}, Tier::Spot, "#FFFFFF", false, "spot", "swatch");
  svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}}, "spot");
  y += kLine * 1.5;
  svg.element("text", {{"x", coord(x)}, {"y", coord(y)}, {"class", "legend-head"}}, "marks");
  y += kLine;
  svg.leaf("circle",
           {{"cx", coord(x + 6)}, {"cy", coord(y - 4.5)}, {"r", "7"}, {"class", "key rank-ring"}});
  svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}},
              "ranked plan, #rank");
  y += kLine;
  svg.leaf("path", {{"d", fmt::format("M{},{}H{}V{}H{}", coord(x - 2), coord(y - 10), coord(x + 6),
                                      coord(y - 1), coord(x + 14))},
                    {"class", "key front"}});
  svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}}, "Pareto front");
  y += kLine;
  svg.leaf("line", {{"x1", coord(x - 2)},
                    {"x2", coord(x + 14)},
                    {"y1", coord(y - 4.5)},
                    {"y2", coord(y - 4.5)},
                    {"stroke", "#1b1b1b"},
                    {"class", "key whisker"}});
  svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}}, "80% range");
  const bool open_end = std::any_of(plan.points.begin(), plan.points.end(), [](const PlanPoint& p) {
    return !std::isfinite(p.total_usd_high) || !std::isfinite(p.wall_hours_high);
  });
  if (open_end) {
    y += kLine;
    svg.leaf("line", {{"x1", coord(x - 2)},
                      {"x2", coord(x + 10)},
                      {"y1", coord(y - 4.5)},
                      {"y2", coord(y - 4.5)},
                      {"stroke", "#1b1b1b"},
                      {"class", "key whisker"},
                      {"marker-end", "url(#open-end)"}});
    svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}},
                "no finite high end");
  }
  const bool doubtful = std::any_of(plan.points.begin(), plan.points.end(),
                                    [](const PlanPoint& p) { return p.price_caveat; });
  if (doubtful) {
    y += kLine;
    write_mark(svg, {x + 6, y - 4.5}, Tier::OnDemand, "#FFFFFF", true, "doubtful price", "swatch");
    svg.element("text", {{"x", coord(x + 18)}, {"y", coord(y)}, {"class", "legend"}},
                "doubtful price (!)");
  }
}

// Which points get whiskers: all of them, or past kMaxWhiskeredPoints the ranked plans' and the
// front's.
std::vector<bool> whiskered(const Plan& plan, const std::vector<std::size_t>& front) {
  const bool all = plan.points.size() <= kMaxWhiskeredPoints;
  std::vector<bool> marked(plan.points.size(), all);
  if (all) {
    return marked;
  }
  for (std::size_t i : front) {
    marked[i] = true;
  }
  for (std::size_t i = 0; i < plan.points.size(); ++i) {
    const PlanPoint& p = plan.points[i];
    marked[i] =
        marked[i] || std::any_of(plan.rows.begin(), plan.rows.end(), [&p](const PlanRow& r) {
          return r.offer_index == p.offer_index && r.instances == p.instances;
        });
  }
  return marked;
}

void write_defs(Markup& svg) {
  svg.open("defs");
  svg.open("marker", {{"id", "open-end"},
                      {"viewBox", "0 0 10 10"},
                      {"refX", "9"},
                      {"refY", "5"},
                      {"markerWidth", "7"},
                      {"markerHeight", "7"},
                      {"orient", "auto"}});
  svg.leaf("path", {{"d", "M0,0L10,5L0,10Z"}, {"fill", "#1b1b1b"}});
  svg.close();
  svg.close();
}

std::string caption(const Plan& plan, const std::vector<std::string>& providers) {
  const std::size_t drawn = plan.points.size();
  std::string text =
      drawn == plan.candidates
          ? fmt::format("Every costed plan ({}), one mark each (an offer at one instance count).",
                        drawn)
          : fmt::format(
                "{} of the {} costed plans: the {} cheapest and the Pareto front (an "
                "offer at one instance count each; a chart of more marks would not read).",
                drawn, plan.candidates, kMaxPlanPoints);
  text += fmt::format(
      " Expected wall time across, expected total cost up, both on log scales. Whiskers span "
      "{} 80% range: cost from total_usd_low to total_usd_high, time from wall_hours_low to "
      "wall_hours_high (the slow end with p90 spot interruptions).",
      drawn <= kMaxWhiskeredPoints
          ? std::string("each plan's")
          : fmt::format("the ranked and Pareto-front plans' (past {} marks, all the ranges would "
                        "hide the marks)",
                        kMaxWhiskeredPoints));
  const bool open_end = std::any_of(plan.points.begin(), plan.points.end(), [](const PlanPoint& p) {
    return !std::isfinite(p.total_usd_high) || !std::isfinite(p.wall_hours_high);
  });
  if (open_end) {
    text +=
        " An arrow at the plot's edge: spot restarts outpace a run that slow, so the range has "
        "no finite high end.";
  }
  text +=
      " The step line is the Pareto front: no plan on it is beaten on both cost and time. Ringed "
      "numbers are the ranks of the table below.";
  if (providers.size() > kProviderColors.size()) {
    std::string others;
    for (std::size_t i = kProviderColors.size(); i < providers.size(); ++i) {
      others += (others.empty() ? "" : ", ") + providers[i];
    }
    text += " Grey marks: " + others +
            " (the palette keeps seven colours apart; hover a mark "
            "for its offer).";
  }
  return text;
}

}  // namespace

void plan_scatter(Markup& page, const Plan& plan) {
  if (plan.points.empty()) {
    page.element("p", "No plan was costed, so there is nothing to draw.");
    return;
  }
  const Frame f = frame_for(plan);
  const std::vector<std::size_t> front = front_of(plan.points);
  std::vector<std::string> providers;
  const std::map<std::string, std::string_view> colors = provider_colors(plan, front, providers);
  page.open("figure");
  page.open("svg", {{"xmlns", "http://www.w3.org/2000/svg"},
                    {"viewBox", fmt::format("0 0 {} {}", coord(kWidth), coord(kHeight))},
                    {"width", coord(kWidth)},
                    {"height", coord(kHeight)},
                    {"role", "img"},
                    {"class", "scatter"}});
  page.element("title", "Total cost against wall time of every costed plan");
  write_defs(page);
  write_grid(page, f);
  page.newline();
  // Dearest first, so the cheap plans a reader looks for are drawn on top.
  const std::vector<bool> ranged = whiskered(plan, front);
  for (std::size_t i = plan.points.size(); i-- > 0;) {
    if (ranged[i]) {
      write_whiskers(page, f, plan.points[i], colors.at(plan.points[i].provider));
    }
  }
  page.newline();
  write_front(page, f, plan.points, front);
  for (auto it = plan.points.rbegin(); it != plan.points.rend(); ++it) {
    write_mark(page, {f.x(it->wall_hours), f.y(it->total_usd)}, it->tier, colors.at(it->provider),
               it->price_caveat, point_title(*it));
    page.newline();
  }
  write_rank_labels(page, f, plan);
  write_legend(page, plan, providers, colors);
  page.close();
  page.element("figcaption", caption(plan, providers));
  page.close();
  page.newline();
}

}  // namespace ftcost::render::html
