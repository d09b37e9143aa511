// The text tables' bars end to end: ASCII on a pipe, blocks with --color, colour on a terminal
// unless NO_COLOR; checked against the figures the JSON reports for the same command.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using ftcost::e2e::run_ftcost;
using ftcost::e2e::run_ftcost_tty;

namespace {

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

const std::vector<std::string> kPlan8b{"plan", "--model", "8b", "--method", "qlora"};
const std::vector<std::string> kVram{"vram", "--model", "8b", "--method", "qlora", "--gpu", "4090"};

nlohmann::json json_of(const std::vector<std::string>& args, int exit_code = 0) {
  const auto run = run_ftcost(with(args, {"--format", "json"}));
  REQUIRE(run.exit_code == exit_code);
  return nlohmann::json::parse(run.out);
}

// The table rows of a plan table: the lines after the dashed rule, up to the blank line.
std::vector<std::string> table_rows(const std::string& out) {
  std::istringstream lines(out);
  std::vector<std::string> rows;
  bool in_table = false;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.starts_with("--  ") || line.starts_with("---  ")) {
      in_table = true;
    } else if (in_table && line.empty()) {
      break;
    } else if (in_table) {
      rows.push_back(line);
    }
  }
  return rows;
}

// The cost bar the table should draw for `total` against `dearest` in `cells` cells: independent
// of the renderer's code, from the rule in docs/plan-output.md.
std::string expected_bar(double total, double dearest, std::size_t cells, bool blocks) {
  const double fraction = total / dearest;
  if (!blocks) {
    const auto n = std::max<long>(1, std::lround(fraction * static_cast<double>(cells)));
    return std::string(static_cast<std::size_t>(n), '#') +
           std::string(cells - static_cast<std::size_t>(n), '.');
  }
  const auto eighths = static_cast<std::size_t>(
      std::max<long>(1, std::lround(fraction * static_cast<double>(cells) * 8)));
  static const char* const kPartial[] = {"",       "\u258F", "\u258E", "\u258D",
                                         "\u258C", "\u258B", "\u258A", "\u2589"};
  std::string bar;
  for (std::size_t i = 0; i < eighths / 8; ++i) {
    bar += "\u2588";
  }
  return bar + kPartial[eighths % 8] + std::string(cells - (eighths + 7) / 8, ' ');
}

}  // namespace

TEST_CASE("the plan table's cost bar: ASCII on a pipe, blocks with --color never or always",
          "[bars_cli]") {
  const auto doc = json_of(kPlan8b);
  double dearest = 0;
  for (const auto& p : doc.at("plans")) {
    dearest = std::max(dearest, p.at("total_usd").get<double>());
  }
  const auto pipe = run_ftcost(kPlan8b);
  const auto never = run_ftcost(with(kPlan8b, {"--color", "never"}));
  const auto always = run_ftcost(with(kPlan8b, {"--color", "always"}));
  REQUIRE(pipe.exit_code == 0);
  const std::vector<std::string> rows = table_rows(pipe.out);
  const std::vector<std::string> block_rows = table_rows(never.out);
  REQUIRE(rows.size() == doc.at("plans").size());
  REQUIRE(block_rows.size() == rows.size());
  // The bar fills what 100 columns leave, at most 10 cells: 10 for the default 8B table.
  const std::size_t cells = 10;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const double total = doc.at("plans").at(i).at("total_usd").get<double>();
    INFO(rows[i]);
    CHECK_THAT(rows[i], EndsWith("  " + expected_bar(total, dearest, cells, false)));
    CHECK_THAT(block_rows[i], EndsWith("  " + expected_bar(total, dearest, cells, true)));
  }
  CHECK_THAT(pipe.out,
             Contains(fmt::format(
                 "cost = total $ as a bar from $0 to the dearest plan shown (${:.2f})", dearest)));
  CHECK_THAT(pipe.out, !Contains("\x1b") && !Contains("\u2588"));
  CHECK_THAT(never.out, !Contains("\x1b"));
  // Colour wraps the filled part only: the dearest plan's bar is all blocks, in cyan.
  std::string full;
  for (std::size_t i = 0; i < cells; ++i) {
    full += "\u2588";
  }
  CHECK_THAT(always.out, Contains("\x1b[36m" + full + "\x1b[0m"));
  CHECK(table_rows(always.out).size() == rows.size());
}

TEST_CASE("the vram table's capacity bar turns red past the capacity; shares per component",
          "[bars_cli]") {
  const auto doc = json_of(kVram, 4);
  const double used =
      (doc.at("device_total_gib").get<double>() - doc.at("paged_optimizer_gib").get<double>()) /
      doc.at("fit").at("capacity_gib").get<double>();
  const auto pipe = run_ftcost(kVram);
  const auto always = run_ftcost(with(kVram, {"--color", "always"}));
  CHECK(pipe.exit_code == 4);
  // Over capacity: the bar is full (never wider), the figure says by how much.
  CHECK_THAT(pipe.out, Contains(fmt::format("memory use:          [{}] {:.0f}% of {:.2f} GiB",
                                            std::string(20, '#'), 100 * used,
                                            doc.at("fit").at("capacity_gib").get<double>())));
  CHECK_THAT(always.out, Contains("[\x1b[31m\u2588\u2588"));
  // Each component's share of peak allocated memory, as a bar and a percentage.
  const double allocated = doc.at("peak_allocated_gib").get<double>();
  for (const auto& c : doc.at("components")) {
    const double share = c.at("gib").get<double>() / allocated;
    const auto n = std::lround(share * 10);
    const std::string bar = share > 0 && n == 0
                                ? "#........."
                                : std::string(static_cast<std::size_t>(n), '#') +
                                      std::string(10 - static_cast<std::size_t>(n), '.');
    CHECK_THAT(pipe.out, Contains(fmt::format("{} {:>3.0f}%", bar, 100 * share)));
  }
}

TEST_CASE("on a terminal bars are coloured blocks, and NO_COLOR keeps the blocks without colour",
          "[bars_cli]") {
  const auto colour = run_ftcost_tty(kPlan8b);
  const auto no_color = run_ftcost_tty(kPlan8b, {"NO_COLOR=1"});
  const auto empty = run_ftcost_tty(kPlan8b, {"NO_COLOR="});
  const auto forced = run_ftcost_tty(with(kPlan8b, {"--color", "always"}), {"NO_COLOR=1"});
  CHECK(colour.exit_code == 0);
  CHECK_THAT(colour.out, Contains("\x1b[36m\u2588") && !Contains("###"));
  CHECK_THAT(no_color.out, Contains("\u2588") && !Contains("\x1b["));
  CHECK_THAT(empty.out, Contains("\x1b[36m\u2588"));   // an empty NO_COLOR is no request
  CHECK_THAT(forced.out, Contains("\x1b[36m\u2588"));  // the flag beats the environment
  const auto vram = run_ftcost_tty(kVram, {"NO_COLOR=1"});
  CHECK(vram.exit_code == 4);
  CHECK_THAT(vram.out,
             Contains("[" + std::string("\u2588\u2588\u2588\u2588\u2588")) && !Contains("\x1b["));
}
