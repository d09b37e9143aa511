// The html plan and vram reports from hand-made plans: one mark per costed plan, whiskers where
// a range exists, open ends drawn as arrows, catalog text escaped, bars against capacity.
#include <catch2/catch.hpp>
#include <sstream>

#include "ftcost/base/units.hpp"
#include "ftcost/render/memory_render.hpp"
#include "ftcost/render/plan_render.hpp"
#include "plan_fixtures.hpp"
#include "render/html/plan_scatter.hpp"

using Catch::Matchers::Contains;
using namespace ftcost::test;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

// fake_run with the duration model's 80% range: 0.8 to 1.5 times the expected training hours.
DurationEstimate ranged_run(const std::string& gpu, std::int64_t gpus) {
  DurationEstimate run = fake_run(gpu, gpus);
  run.train_hours_low = 0.8 * run.train_hours;
  run.train_hours_high = 1.5 * run.train_hours;
  run.capacity_gib = 23.65;
  return run;
}

ftcost::render::PlanContext context() {
  ftcost::render::PlanContext c;
  c.model_id = "llama-3.1-8b";
  c.model_name = "Llama 3.1 8B";
  c.dataset_tokens = 5e7;
  c.epochs = 1;
  c.catalog_origin = "<test>";
  return c;
}

std::string plan_html(const PlanRequest& request, const Catalog& offers,
                      const ftcost::DurationFunction& run,
                      std::vector<ftcost::render::PlanMemory> memory = {}) {
  PlanRequest req = request;
  req.keep_points = true;
  std::ostringstream out;
  ftcost::render::render_plan({.plan = ftcost::plan(req, offers, run),
                               .request = req,
                               .context = context(),
                               .table = {},
                               .memory = std::move(memory)},
                              ftcost::OutputFormat::Html, out);
  return out.str();
}

}  // namespace

TEST_CASE("the plan report draws one mark per costed plan and two whiskers per ranged plan",
          "[html]") {
  const std::string page = plan_html(request(), catalog(), ranged_run);
  // Four offers fit (the T4 does not): two circles (on-demand), a triangle (spot), one more
  // circle; each costed at one instance count.
  CHECK(count(page, "class=\"mark on-demand") == 3);
  CHECK(count(page, "class=\"mark spot") == 1);
  CHECK(count(page, "class=\"whisker\"") == 8);
  CHECK(count(page, "class=\"rank-ring\"") == 4);
  for (const char* rank : {">#1<", ">#2<", ">#3<", ">#4<"}) {
    CHECK_THAT(page, Contains(rank));
  }
  CHECK(count(page, "class=\"front\"") == 1);  // the step line (the legend's is a key)
  CHECK_THAT(page, Contains("Every costed plan (4)"));
  CHECK_THAT(page,
             Contains("wall time, hours (log scale)") && Contains("total cost, USD (log scale)"));
  CHECK(page.rfind("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"", 0) == 0);
  CHECK_THAT(page, !Contains("<script") && !Contains(" src=") && !Contains(" href="));
}

TEST_CASE("a plan without a duration range draws no whiskers", "[html]") {
  // On-demand plans of a run with no 80% range: the low and high ends are the expected figures
  // (spot plans would still have one, from p90 interruptions).
  PlanRequest req = request();
  req.tier = ftcost::TierFilter::OnDemand;
  const std::string page = plan_html(req, catalog(), [](const std::string& gpu, std::int64_t gpus) {
    DurationEstimate run = fake_run(gpu, gpus);
    run.train_hours_low = run.train_hours;
    run.train_hours_high = run.train_hours;
    return run;
  });
  CHECK(count(page, "class=\"mark ") == 3);
  CHECK(count(page, "class=\"whisker\"") == 0);
}

TEST_CASE("a spot range without a finite high end runs to the plot's edge with an arrow",
          "[html]") {
  // A 6-minute run saving every 30 minutes at 2.5 interruptions per hour: each stop loses 0.05 h
  // of work plus a 0.25 h restart (exposure 0.75, it finishes); at the slow end (1 h) a stop loses
  // 0.25 h, and 2.5 x 0.5 h > 1: restarts outpace progress.
  PlanRequest req = request();
  req.tier = ftcost::TierFilter::Spot;
  req.hazard_per_hour = 2.5;
  req.checkpoint_every_hours = 0.5;
  const std::string page = plan_html(req, catalog(), [](const std::string& gpu, std::int64_t gpus) {
    DurationEstimate run = fake_run(gpu, gpus);
    run.train_hours = 0.1;
    run.train_hours_low = 0.08;
    run.train_hours_high = 1.0;
    return run;
  });
  CHECK(count(page, "class=\"mark spot") == 1);
  // Both whiskers of the one plan end in arrows, and the legend explains the arrow.
  CHECK(count(page, "class=\"whisker\"") == 2);
  CHECK(count(page, "marker-end=\"url(#open-end)\"") == 3);
  CHECK_THAT(page, Contains("no finite high end") && Contains("An arrow at the plot"));
  CHECK_THAT(page, Contains("–n/a<"));  // the table's 80% range
}

TEST_CASE("catalog text in the plan report is escaped", "[html]") {
  Catalog hostile = catalog();
  hostile.providers[0].name = "<script>alert(\"x\")</script> & 'co'";
  hostile.offers[0].region = "us-<b>east</b>";
  hostile.offers[0].instance_type = "gpu_1x_<i>&\"'";
  hostile.offers[0].source = "https://example.com/?a=1&b=<2>";
  const std::string page = plan_html(request(), hostile, ranged_run);
  CHECK_THAT(page, !Contains("<script") && !Contains("<b>") && !Contains("<i>"));
  CHECK_THAT(page,
             Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;"));
  CHECK_THAT(page, Contains("us-&lt;b&gt;east&lt;/b&gt;"));
  CHECK_THAT(page, Contains("gpu_1x_&lt;i&gt;&amp;&quot;&#39;"));
  CHECK_THAT(page, Contains("a=1&amp;b=&lt;2&gt;"));
}

TEST_CASE("the plan report's memory bars stack the components against the capacity", "[html]") {
  ftcost::MemoryEstimate e;
  e.components = {{"weights_frozen", ftcost::gib_to_bytes(7.27), ""},
                  {"activations", ftcost::gib_to_bytes(5.38), ""}};
  e.peak_allocated_bytes = ftcost::gib_to_bytes(12.65);
  e.peak_reserved_bytes = ftcost::gib_to_bytes(13.92);
  e.device_total_bytes = ftcost::gib_to_bytes(14.42);
  const std::string page =
      plan_html(request(), catalog(), ranged_run,
                {{.rank = 1, .estimate = e, .capacity_bytes = ftcost::gib_to_bytes(23.65)}});
  // 7.27 + 5.38 allocated, 1.27 allocator cache, 0.50 CUDA context: 14.42 of 23.65.
  CHECK_THAT(page,
             Contains(">7.27<") && Contains(">5.38<") && Contains("allocator cache: 1.27 GiB"));
  CHECK_THAT(page, Contains("CUDA context: 0.50 GiB"));
  CHECK_THAT(page, Contains("14.42 of 23.65 GiB usable"));
  CHECK(count(page, "class=\"capacity\"") == 2);  // the bar's line and the legend's
}

TEST_CASE("past 500 points only the ranked plans and the Pareto front keep their whiskers",
          "[html]") {
  // 600 plans, each dearer and slower than the one before: only the first is on the front; the
  // table ranks the sixth (offer 5) first.
  ftcost::Plan plan;
  for (std::size_t i = 0; i < 600; ++i) {
    const double usd = 1 + 0.01 * static_cast<double>(i);
    const double hours = 2 + 0.01 * static_cast<double>(i);
    plan.points.push_back({.offer_index = i,
                           .provider = "p",
                           .gpu = "rtx-4090",
                           .total_usd = usd,
                           .total_usd_low = 0.9 * usd,
                           .total_usd_high = 1.2 * usd,
                           .wall_hours = hours,
                           .wall_hours_low = 0.9 * hours,
                           .wall_hours_high = 1.2 * hours});
  }
  plan.candidates = 600;
  ftcost::PlanRow top;
  top.offer_index = 5;
  top.wall_hours = plan.points[5].wall_hours;
  top.cost.compute_usd = plan.points[5].total_usd;
  top.offer.provider = "p";
  plan.rows.push_back(top);
  std::ostringstream out;
  ftcost::render::html::Markup page(out);
  ftcost::render::html::plan_scatter(page, plan);
  CHECK(page.depth() == 0);
  const std::string svg = out.str();
  CHECK(count(svg, "class=\"mark ") == 600);
  CHECK(count(svg, "class=\"whisker\"") == 4);  // two each for offers 0 and 5
  CHECK_THAT(svg, Contains("past 500 marks"));
}
