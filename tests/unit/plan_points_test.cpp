// Chart points: every costed plan before --pareto and --top, cheapest first, capped to the
// cheapest plus the Pareto front, with doubtful prices flagged.
#include "core/plan/plan_points.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>

#include "ftcost/plan/planner.hpp"
#include "plan_fixtures.hpp"

using Catch::Detail::Approx;
using namespace ftcost::test;

namespace {

ftcost::planner::Candidate figures(std::size_t offer, double usd, double hours) {
  ftcost::planner::Candidate f;
  f.offer_index = offer;
  f.total_usd = usd;
  f.wall_hours = hours;
  f.total_usd_low = 0.8 * usd;
  f.total_usd_high = std::numeric_limits<double>::infinity();
  f.wall_hours_low = 0.8 * hours;
  f.wall_hours_high = 1.5 * hours;
  return f;
}

}  // namespace

TEST_CASE("keep_points returns every costed plan, cheapest first, whatever --top keeps",
          "[plan_points]") {
  PlanRequest req = request();
  req.top = 1;
  CHECK(ftcost::plan(req, catalog(), fake_run).points.empty());  // only when asked
  req.keep_points = true;
  const ftcost::Plan plan = ftcost::plan(req, catalog(), fake_run);
  REQUIRE(plan.rows.size() == 1);
  REQUIRE(plan.points.size() == plan.candidates);
  CHECK(plan.points.size() == 4);  // five offers, the T4 does not fit
  for (std::size_t i = 1; i < plan.points.size(); ++i) {
    CHECK(plan.points[i - 1].total_usd <= plan.points[i].total_usd);
  }
  // The cheapest point is the top row, figure for figure.
  const ftcost::PlanPoint& first = plan.points.front();
  const ftcost::PlanRow& top = plan.rows.front();
  CHECK(first.offer_index == top.offer_index);
  CHECK(first.provider == "p");
  CHECK(first.gpu == top.offer.gpu);
  CHECK(first.tier == top.offer.tier);
  CHECK(first.gpus_total == 1);
  CHECK(first.total_usd == Approx(top.cost.total_usd()));
  CHECK(first.wall_hours == Approx(top.wall_hours));
  CHECK(first.total_usd_high == Approx(top.total_usd_high));
  CHECK(first.wall_hours_low == Approx(top.wall_hours_low));
}

TEST_CASE("a point on a doubtful price is flagged", "[plan_points]") {
  Catalog doubtful = catalog();
  doubtful.offers[1].usd_per_hour = 0.5;  // the 4090 spot price above its 0.34 on-demand
  PlanRequest req = request();
  req.keep_points = true;
  const ftcost::Plan plan = ftcost::plan(req, doubtful, fake_run);
  REQUIRE(plan.points.size() == 4);
  for (const ftcost::PlanPoint& p : plan.points) {
    CHECK(p.price_caveat == (p.offer_index == 1));
  }
}

TEST_CASE("past the cap, points keep the cheapest plans and the whole Pareto front",
          "[plan_points]") {
  // $1 in 10 h, $2 in 5 h, $3 in 8 h (beaten by the $2 plan), $4 in 1 h, $5 in 1 h (beaten).
  const std::vector<ftcost::planner::Candidate> costed{
      figures(0, 3, 8), figures(1, 1, 10), figures(2, 4, 1), figures(3, 2, 5), figures(2, 5, 1)};
  const auto capped = ftcost::planner::plan_points(costed, catalog(), 1);
  // The cheapest one, then the front beyond it: $2/5 h and $4/1 h.
  REQUIRE(capped.size() == 3);
  CHECK(capped[0].total_usd == 1);
  CHECK(capped[1].total_usd == 2);
  CHECK(capped[2].total_usd == 4);
  CHECK(std::isinf(capped[2].total_usd_high));
  CHECK(capped[2].wall_hours_high == Approx(1.5));
  const auto all = ftcost::planner::plan_points(costed, catalog(), ftcost::kMaxPlanPoints);
  CHECK(all.size() == 5);
}
