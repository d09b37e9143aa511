// The html charts' layout maths: log and linear ticks, scales, the Pareto front, label placement,
// component colours.
#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <set>

#include "ftcost/memory/memory.hpp"
#include "render/html/chart_layout.hpp"
#include "render/html/palette.hpp"
#include "render/html/svg_chart.hpp"
#include "vram_fixtures.hpp"

using Catch::Matchers::Equals;
using ftcost::render::html::Box;
using ftcost::render::html::XY;

namespace html = ftcost::render::html;

namespace {

// Tick values are computed as m × 10^k, so compare them with a relative margin.
auto near(const std::vector<double>& values) {
  return Catch::Matchers::Approx(values);
}

}  // namespace

TEST_CASE("log ticks over 0.8..230 USD are 1, 10, 100 with every digit between as minors",
          "[html]") {
  const html::Ticks ticks = html::log_ticks(0.8, 230);
  CHECK_THAT(ticks.major, near(std::vector<double>{1, 10, 100}));
  // 0.8 and 0.9 below the first decade, 2..9, 20..90, and 200 below 230.
  CHECK_THAT(ticks.minor, near(std::vector<double>{0.8, 0.9, 2, 3, 4, 5, 6, 7, 8, 9, 20, 30, 40, 50,
                                                   60, 70, 80, 90, 200}));
}

TEST_CASE("a log range under three decades ticks at 1, 2 and 5, a narrower one at halves",
          "[html]") {
  // 1.45..60 USD holds one power of ten (10): 2, 5, 10, 20, 50 instead, the other digits minor.
  const html::Ticks mid = html::log_ticks(1.45, 60);
  CHECK_THAT(mid.major, near(std::vector<double>{2, 5, 10, 20, 50}));
  CHECK_THAT(mid.minor, near(std::vector<double>{3, 4, 6, 7, 8, 9, 30, 40, 60}));
  // 1.5..2.9 holds only the digit 2: halves.
  CHECK_THAT(html::log_ticks(1.5, 2.9).major, near(std::vector<double>{1.5, 2, 2.5}));
  // 0.13..0.9 h holds no power of ten and two of 1, 2, 5 (0.2, 0.5): every digit.
  CHECK_THAT(html::log_ticks(0.13, 0.9).major,
             near(std::vector<double>{0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}));
}

TEST_CASE("tick labels are short and group thousands", "[html]") {
  CHECK(html::tick_label(0.5) == "0.5");
  CHECK(html::tick_label(3.0 / 10) == "0.3");
  CHECK(html::tick_label(2.5) == "2.5");
  CHECK(html::tick_label(10) == "10");
  CHECK(html::tick_label(1000) == "1,000");
  CHECK(html::tick_label(20000) == "20,000");
  CHECK(html::tick_label(1e6) == "1,000,000");
}

TEST_CASE("linear GiB ticks end at the first round value at or above the largest", "[html]") {
  CHECK_THAT(html::linear_ticks(199).major, Equals(std::vector<double>{0, 50, 100, 150, 200}));
  CHECK_THAT(html::linear_ticks(24.6).major, Equals(std::vector<double>{0, 5, 10, 15, 20, 25}));
  CHECK_THAT(html::linear_ticks(0.7).major,
             near(std::vector<double>{0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7}));
}

TEST_CASE("scales map the domain's ends onto the pixel range", "[html]") {
  const html::LogScale y{.lo = 1, .hi = 100, .from = 500, .to = 20};
  CHECK(y(1) == Approx(500));
  CHECK(y(100) == Approx(20));
  CHECK(y(10) == Approx(260));  // the geometric middle sits halfway
  const html::LinearScale x{.lo = 0, .hi = 200, .from = 262, .to = 800};
  CHECK(x(100) == Approx(531));
}

TEST_CASE("a log domain covers every finite value, at least a factor of 2 wide", "[html]") {
  const auto [lo, hi] = html::log_domain({2, 2, std::numeric_limits<double>::infinity(), -1, 0}, 0);
  CHECK(lo == Approx(std::sqrt(2.0)));
  CHECK(hi == Approx(2 * std::sqrt(2.0)));
  // A 10% margin of a 2-decade span widens each side by a factor 10^0.2.
  const auto [lo2, hi2] = html::log_domain({1, 100}, 0.1);
  CHECK(lo2 == Approx(std::pow(10, -0.2)));
  CHECK(hi2 == Approx(std::pow(10, 2.2)));
}

TEST_CASE("the Pareto front keeps the plans no other beats on both time and cost", "[html]") {
  // x: wall hours, y: USD. C (3 h, $6) loses to B (2 h, $5); E repeats B and comes later; G
  // (4 h, $2) ties D's cost and is slower.
  const std::vector<XY> points{{1, 10}, {2, 5}, {3, 6}, {4, 2}, {2, 5}, {0.5, 20}, {5, 2}};
  // Fastest first: F (0.5 h), A (1 h), B (2 h), D (4 h).
  CHECK_THAT(html::pareto_front(points), Equals(std::vector<std::size_t>{5, 0, 1, 3}));
  CHECK(html::pareto_front({}).empty());
}

TEST_CASE("ten rank labels around one crowded spot neither overlap nor cover a mark", "[html]") {
  const Box bounds{0, 0, 600, 400};
  std::vector<XY> anchors;
  std::vector<XY> sizes;
  for (int i = 0; i < 10; ++i) {
    anchors.push_back({300.0 + (i % 3), 200 + (i % 2) * 2.5});
    sizes.push_back({i == 9 ? 32.0 : 24.0, 17});
  }
  const auto spots = html::place_labels(anchors, sizes, bounds, 8.5);
  REQUIRE(spots.size() == 10);
  for (std::size_t i = 0; i < spots.size(); ++i) {
    const Box& a = spots[i].box;
    CHECK(a.width == sizes[i].x);
    CHECK(a.x >= 0);
    CHECK(a.y >= 0);
    CHECK(a.x + a.width <= 600);
    CHECK(a.y + a.height <= 400);
    for (std::size_t j = 0; j < spots.size(); ++j) {
      if (i != j) {
        CHECK_FALSE(html::overlaps(a, spots[j].box));
      }
      const Box mark{anchors[j].x - 8.5, anchors[j].y - 8.5, 17, 17};
      CHECK_FALSE(html::overlaps(a, mark));
    }
  }
  // The first label sits right beside its point, the crowded later ones need leader lines.
  CHECK_FALSE(spots.front().leader);
  CHECK(spots.back().leader);
}

TEST_CASE("a lone label sits east of its point, and stays inside the plot at the edge", "[html]") {
  const Box bounds{0, 0, 600, 400};
  const auto east = html::place_labels({{100, 100}}, {{24, 17}}, bounds, 8.5);
  CHECK(east[0].box.x == Approx(100 + 8.5 + 3));
  CHECK(east[0].box.y + east[0].box.height / 2 == Approx(100));
  const auto edge = html::place_labels({{598, 100}}, {{24, 17}}, bounds, 8.5);
  CHECK(edge[0].box.x + edge[0].box.width <= 600);
  CHECK_FALSE(html::overlaps(edge[0].box, {598 - 8.5, 100 - 8.5, 17, 17}));
}

TEST_CASE("every memory component the model reports has its own colour", "[html]") {
  // Full fine-tuning under every sharding, LoRA and QLoRA: every component name the memory model
  // produces (the ZeRO terms included) gets a palette colour, none the unknown-name grey.
  using namespace ftcost;
  const ModelArch& arch = test::preset("llama-2-7b");
  std::vector<SetupRequest> requests;
  for (Sharding sharding :
       {Sharding::Ddp, Sharding::Zero1, Sharding::Zero2, Sharding::Zero3, Sharding::Fsdp}) {
    requests.push_back({.method = Method::Full, .gpus = 8, .sharding = sharding});
  }
  requests.push_back({.method = Method::Lora});
  requests.push_back({.method = Method::Qlora});
  std::set<std::string> names;
  for (const SetupRequest& request : requests) {
    for (const MemoryComponent& c :
         estimate_memory(arch, test::resolved(arch, request)).components) {
      names.insert(c.name);
    }
  }
  CHECK(names.count("master_weights") == 1);
  CHECK(names.count("fsdp_gathered") == 1);
  std::set<std::string_view> fills;
  for (const std::string& name : names) {
    INFO(name);
    CHECK(html::component_swatch(name).fill != html::component_swatch("no such component").fill);
    fills.insert(html::component_swatch(name).fill);
  }
  CHECK(fills.size() == names.size());  // no two components share a colour
}
