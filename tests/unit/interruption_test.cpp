// The spot interruption model against hand-computed values (docs/planner.md#interruptions).
#include "ftcost/plan/interruption.hpp"

#include <catch2/catch.hpp>

using Catch::Detail::Approx;

TEST_CASE("Daly's interval: Young's sqrt(2 delta M) plus the higher-order terms",
          "[interruption]") {
  // delta = 0.01 h, M = 10 h: sqrt(0.2) = 0.4472136; ratio = 0.0005, sqrt = 0.0223607;
  // factor 1 + 0.0074536 + 0.0000556 = 1.0075092; 0.4472136 * 1.0075092 - 0.01 = 0.4405717.
  CHECK(ftcost::daly_interval_hours(0.01, 10.0) == Approx(0.4405717).epsilon(1e-6));
  // delta >= 2M: checkpoint every MTBF.
  CHECK(ftcost::daly_interval_hours(5.0, 2.0) == 2.0);
}

TEST_CASE("Poisson quantiles", "[interruption]") {
  CHECK(ftcost::poisson_quantile(0.0, 0.9) == 0);
  CHECK(ftcost::poisson_quantile(0.1, 0.9) == 0);  // P(0) = e^-0.1 = 0.905
  CHECK(ftcost::poisson_quantile(1.0, 0.9) == 2);  // CDF 0.368, 0.736, 0.920
  // Normal branch: 400 + 1.2816 * 20 - 0.5 = 425.13 -> 426.
  CHECK(ftcost::poisson_quantile(400.0, 0.9) == 426);
}

TEST_CASE("no hazard: no overhead at all", "[interruption]") {
  const auto out = ftcost::estimate_interruptions(
      {.work_hours = 10, .hazard_per_hour = 0, .checkpoint_hours = 0.01, .restart_hours = 0.25});
  CHECK(out.finishes);
  CHECK(out.expected_overhead_hours == 0);
  CHECK(out.p90_overhead_hours == 0);
  CHECK(out.checkpoint_interval_hours == 10);
}

TEST_CASE("expected and p90 overheads for a 10 h job at 0.1 stops per hour", "[interruption]") {
  const auto out = ftcost::estimate_interruptions({.work_hours = 10,
                                                   .hazard_per_hour = 0.1,
                                                   .checkpoint_hours = 0.01,
                                                   .notice_hours = 0,
                                                   .restart_hours = 0.25});
  // tau = 0.4405717 (above); checkpoints (10/tau - 1) * 0.01 = 0.2169778;
  // lost per stop (tau + 0.01)/2 = 0.2252859; per stop with restart 0.4752859;
  // n = 0.1 * 10.2169778 / (1 - 0.04752859) = 1.0726808;
  // overhead = 0.2169778 + 1.0726808 * 0.4752859 = 0.7268078.
  CHECK(out.checkpoint_interval_hours == Approx(0.4405717).epsilon(1e-6));
  CHECK(out.checkpoint_overhead_hours == Approx(0.2169778).epsilon(1e-5));
  CHECK(out.lost_hours_per_interruption == Approx(0.2252859).epsilon(1e-6));
  CHECK(out.expected_interruptions == Approx(1.0726808).epsilon(1e-5));
  CHECK(out.expected_overhead_hours == Approx(0.7268078).epsilon(1e-5));
  // Poisson(1.0727): CDF 0.342, 0.709, 0.906 -> 2 stops; 0.2169778 + 2 * 0.4752859 = 1.1675496.
  CHECK(out.p90_interruptions == 2);
  CHECK(out.p90_overhead_hours == Approx(1.1675496).epsilon(1e-5));
}

TEST_CASE("a notice window that fits a save loses only the save", "[interruption]") {
  const auto out = ftcost::estimate_interruptions({.work_hours = 10,
                                                   .hazard_per_hour = 0.1,
                                                   .checkpoint_hours = 0.01,
                                                   .notice_hours = 120.0 / 3600.0,
                                                   .restart_hours = 0.25});
  CHECK(out.lost_hours_per_interruption == 0.01);
}

TEST_CASE("restarts that outpace progress never finish", "[interruption]") {
  // 5 stops/h, each costing at least the 0.25 h restart: exposure >= 1.
  const auto out = ftcost::estimate_interruptions(
      {.work_hours = 10, .hazard_per_hour = 5, .checkpoint_hours = 0.01, .restart_hours = 0.25});
  CHECK_FALSE(out.finishes);
}
