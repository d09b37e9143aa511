// The planner: line items against hand-computed values, and the properties the issue requires.
#include "ftcost/plan/planner.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "ftcost/base/error.hpp"
#include "plan_fixtures.hpp"

using Catch::Detail::Approx;
using ftcost::Catalog;
using ftcost::DurationEstimate;
using ftcost::Offer;
using ftcost::Plan;
using ftcost::PlanRequest;
using ftcost::Tier;
using namespace ftcost::test;

namespace {

const ftcost::PlanRow* find_row(const Plan& plan, const std::string& gpu, Tier tier) {
  for (const auto& row : plan.rows) {
    if (row.offer.gpu == gpu && row.offer.tier == tier) {
      return &row;
    }
  }
  return nullptr;
}

// Every plan: finite, non-negative line items summing to the total; p90 never below the
// uninterrupted plan; wall time covers setup and training; rows sorted by the request's key.
void check_plan_invariants(const Plan& plan, const PlanRequest& req) {
  for (const auto& row : plan.rows) {
    const auto& c = row.cost;
    for (double usd :
         {c.compute_usd, c.setup_usd, c.storage_usd, c.egress_usd, c.interruption_usd}) {
      CHECK(std::isfinite(usd));
      CHECK(usd >= 0);
    }
    CHECK(c.total_usd() ==
          Approx(c.compute_usd + c.setup_usd + c.storage_usd + c.egress_usd + c.interruption_usd));
    // With a small expected count, 90% of runs see no interruption, so p90 may be below the
    // mean; it never drops below the plan without any interruption.
    CHECK(row.p90_total_usd >= c.total_usd() - c.interruption_usd - 1e-12);
    CHECK(row.p90_wall_hours >= row.setup_hours + row.train_hours - 1e-12);
    CHECK(row.wall_hours >= row.setup_hours + row.train_hours - 1e-12);
  }
  for (std::size_t i = 1; i < plan.rows.size(); ++i) {
    const auto& a = plan.rows[i - 1];
    const auto& b = plan.rows[i];
    switch (req.sort) {
      case ftcost::SortKey::Cost:
        CHECK(a.cost.total_usd() <= b.cost.total_usd());
        break;
      case ftcost::SortKey::Time:
        CHECK(a.wall_hours <= b.wall_hours);
        break;
      case ftcost::SortKey::P90:
        CHECK(a.p90_total_usd <= b.p90_total_usd);
        break;
    }
  }
}

}  // namespace

TEST_CASE("billing rounds up to the increment and applies the minimum", "[planner]") {
  CHECK(ftcost::billed_seconds(61, billing(60, 0)) == 120);
  CHECK(ftcost::billed_seconds(10, billing(1, 60)) == 60);
  CHECK(ftcost::billed_seconds(3960, billing(3600, 0)) == 7200);
}

TEST_CASE("an on-demand plan's line items, computed by hand", "[planner]") {
  const Plan plan = ftcost::plan(request(), catalog(), fake_run);
  check_plan_invariants(plan, request());
  const auto* row = find_row(plan, "rtx-4090", Tier::OnDemand);
  REQUIRE(row != nullptr);
  // setup: 6 min pull + 10 GB at 0.5 GB/s (20 s) = 0.1 + 0.0055556 = 0.1055556 h.
  CHECK(row->setup_hours == Approx(0.1055556).epsilon(1e-6));
  // Billed: 2.1055556 h = 7580 s -> 7620 s (whole minutes) = 2.1166667 h;
  // compute = 0.34 * (2.1166667 - 0.1055556) = 0.6837778; setup = 0.34 * 0.1055556 = 0.0358889.
  CHECK(row->cost.compute_usd == Approx(0.6837778).epsilon(1e-6));
  CHECK(row->cost.setup_usd == Approx(0.0358889).epsilon(1e-6));
  // Volume 10 + 0.1 + 0.3 = 10.4 GB: running 10.4 * 0.1 * 2.1055556 / 730 = 0.0029997,
  // kept 7 days stopped 10.4 * 0.2 * 168 / 730 = 0.4786849.
  CHECK(row->disk_gb == Approx(10.4));
  CHECK(row->cost.storage_usd == Approx(0.0029997 + 0.4786849).epsilon(1e-6));
  // Egress: 0.1 GB adapter, within the 10 GB free allowance.
  CHECK(row->cost.egress_usd == 0);
  CHECK_FALSE(row->interruption);
}

TEST_CASE("a spot plan with zero hazard costs exactly its price times its time", "[planner]") {
  PlanRequest req = request();
  req.hazard_per_hour = 0.0;
  req.image_pull_minutes = 0;
  req.artifacts = {};
  Catalog c = catalog();
  c.providers[0].billing = billing(1, 0);
  const Plan plan = ftcost::plan(req, c, fake_run);
  const auto* row = find_row(plan, "rtx-4090", Tier::Spot);
  REQUIRE(row != nullptr);
  REQUIRE(row->interruption);
  CHECK(row->cost.interruption_usd == 0);
  CHECK(row->cost.total_usd() == 0.2 * 2.0);
  CHECK(row->p90_total_usd == 0.2 * 2.0);
}

TEST_CASE("spot hazard: provider default plus the marketplace host term", "[planner]") {
  const Plan plan = ftcost::plan(request(), catalog(), fake_run);
  const auto* row = find_row(plan, "rtx-4090", Tier::Spot);
  REQUIRE(row != nullptr);
  REQUIRE(row->interruption);
  // 0.1 outbid + (1 - 0.98) / 1 h host failures.
  CHECK(row->interruption->hazard_per_hour == Approx(0.12));
  CHECK(row->cost.interruption_usd > 0);
  CHECK(row->p90_total_usd > row->cost.total_usd());
}

TEST_CASE("a cheaper price never ranks a plan lower", "[planner]") {
  const PlanRequest req = request();
  const auto rank_of = [&](const Catalog& c, const std::string& gpu) {
    const Plan plan = ftcost::plan(req, c, fake_run);
    check_plan_invariants(plan, req);
    for (std::size_t i = 0; i < plan.rows.size(); ++i) {
      if (plan.rows[i].offer.gpu == gpu && plan.rows[i].offer.tier == Tier::OnDemand) {
        return i;
      }
    }
    FAIL("offer missing");
    return std::size_t{0};
  };
  for (std::size_t index : {0U, 2U, 3U}) {
    Catalog c = catalog();
    const std::string gpu = c.offers[index].gpu;
    std::size_t previous = rank_of(c, gpu);
    for (double factor : {0.8, 0.5, 0.2}) {
      Catalog cheaper = catalog();
      cheaper.offers[index].usd_per_hour *= factor;
      const std::size_t now = rank_of(cheaper, gpu);
      CHECK(now <= previous);
      previous = now;
    }
  }
}

TEST_CASE("more storage days never lower a plan's cost", "[planner]") {
  PlanRequest req = request();
  double previous_total = 0;
  for (double days : {0.0, 1.0, 7.0, 30.0}) {
    req.keep_days = days;
    const Plan plan = ftcost::plan(req, catalog(), fake_run);
    const auto* row = find_row(plan, "h100-sxm", Tier::OnDemand);
    REQUIRE(row != nullptr);
    CHECK(row->cost.total_usd() >= previous_total);
    previous_total = row->cost.total_usd();
  }
}

TEST_CASE("plans that do not fit are rejected with the reason", "[planner]") {
  const Plan plan = ftcost::plan(request(), catalog(), fake_run);
  REQUIRE(plan.rejected.size() == 1);
  CHECK(plan.rejected[0].gpu == "t4");
  CHECK(plan.rejected[0].reason == "needs 18.0 GiB per GPU, has 14.6 GiB");
  CHECK(plan.outcome == ftcost::PlanOutcome::Ok);
  CHECK(plan.candidates == 4);
}

TEST_CASE("nothing fits: outcome no-fit; over budget: outcome over-budget", "[planner]") {
  PlanRequest req = request();
  req.gpus = {"t4"};
  CHECK(ftcost::plan(req, catalog(), fake_run).outcome == ftcost::PlanOutcome::NoFit);
  req = request();
  req.budget_usd = 0.01;
  const Plan over = ftcost::plan(req, catalog(), fake_run);
  CHECK(over.outcome == ftcost::PlanOutcome::OverBudget);
  REQUIRE(over.rows.front().within_budget.has_value());
  CHECK_FALSE(*over.rows.front().within_budget);
  req.budget_usd = 1000;
  CHECK(ftcost::plan(req, catalog(), fake_run).outcome == ftcost::PlanOutcome::Ok);
}

TEST_CASE("filters: tier, provider, max hours, reliability, top", "[planner]") {
  PlanRequest req = request();
  req.tier = ftcost::TierFilter::Spot;
  const Plan spot = ftcost::plan(req, catalog(), fake_run);
  REQUIRE(spot.rows.size() == 1);
  CHECK(spot.rows[0].offer.tier == Tier::Spot);
  req = request();
  req.providers = {"nobody"};
  CHECK(ftcost::plan(req, catalog(), fake_run).outcome == ftcost::PlanOutcome::NoFit);
  req = request();
  req.max_hours = 1.5;  // only the H100 (0.8 h + setup) and A100 (1.2 h + setup) stay
  const Plan quick = ftcost::plan(req, catalog(), fake_run);
  CHECK(quick.rows.size() == 2);
  req = request();
  req.min_reliability = 0.99;
  const Plan reliable = ftcost::plan(req, catalog(), fake_run);
  CHECK(reliable.rows.empty());
  CHECK(reliable.rejected.size() == 5);
  req = request();
  req.top = 2;
  const Plan top = ftcost::plan(req, catalog(), fake_run);
  CHECK(top.rows.size() == 2);
  CHECK(top.candidates == 4);
}

TEST_CASE("sorting by time and the Pareto front", "[planner]") {
  PlanRequest req = request();
  req.sort = ftcost::SortKey::Time;
  const Plan by_time = ftcost::plan(req, catalog(), fake_run);
  check_plan_invariants(by_time, req);
  CHECK(by_time.rows.front().offer.gpu == "h100-sxm");
  req.sort = ftcost::SortKey::Cost;
  req.pareto = true;
  const Plan front = ftcost::plan(req, catalog(), fake_run);
  check_plan_invariants(front, req);
  for (std::size_t i = 1; i < front.rows.size(); ++i) {
    CHECK(front.rows[i].wall_hours < front.rows[i - 1].wall_hours);
  }
}

TEST_CASE("multi-node instances only where the provider has a fabric", "[planner]") {
  Catalog c = catalog();
  c.offers.push_back(offer("p", "h100-sxm", 8, Tier::Spot, 16.0));
  PlanRequest req = request();
  req.gpus = {"h100-sxm"};
  CHECK(ftcost::plan(req, c, fake_run).candidates == 2);  // 1x1 on-demand, 1x8 spot
  c.providers[0].multi_node.emplace();
  c.providers[0].multi_node->min_gpus_per_instance = 8;
  req.max_gpus = 32;
  const Plan plan = ftcost::plan(req, c, fake_run);
  CHECK(plan.candidates == 4);  // + 2 and 4 instances of 8 GPUs
  for (const auto& row : plan.rows) {
    if (row.instances == 4) {
      // 0.12 per instance, sqrt(4) = 2 for the job.
      CHECK(row.interruption->hazard_per_hour == Approx(0.24));
      CHECK(row.gpus_total == 32);
    }
  }
}

TEST_CASE("an unknown checkpoint store is a usage error", "[planner]") {
  PlanRequest req = request();
  req.checkpoint_to = "s4";
  CHECK_THROWS_AS(ftcost::plan(req, catalog(), fake_run), ftcost::InputError);
}
