// The html reports end to end: what the real binary draws, checked against the figures its JSON
// reports for the same command.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::EndsWith;
using Catch::Matchers::StartsWith;
using ftcost::e2e::run_ftcost;

namespace {

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

const std::vector<std::string> kPlan8b{"plan", "--model", "8b", "--method", "qlora"};
const std::vector<std::string> kPlan70b{"plan", "--model", "70b", "--method", "qlora"};
const std::vector<std::string> kVram{"vram", "--model", "8b", "--method", "qlora", "--gpu", "4090"};

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) {
    ++n;
  }
  return n;
}

nlohmann::json json_of(const std::vector<std::string>& args, int exit_code = 0) {
  const auto run = run_ftcost(with(args, {"--format", "json"}));
  REQUIRE(run.exit_code == exit_code);
  return nlohmann::json::parse(run.out);
}

std::string html_of(const std::vector<std::string>& args, int exit_code = 0) {
  const auto run = run_ftcost(with(args, {"--format", "html"}));
  REQUIRE(run.exit_code == exit_code);
  CHECK_THAT(run.err, !Contains("error"));
  return run.out;
}

// A page that fetches nothing and runs nothing.
void check_self_contained(const std::string& page) {
  CHECK_THAT(page, StartsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\""));
  CHECK_THAT(page, Contains("<meta charset=\"utf-8\"/>"));
  CHECK_THAT(page, !Contains("<script") && !Contains(" src=") && !Contains(" href=") &&
                       !Contains("@import") && !Contains("url(http"));
  CHECK_THAT(page, EndsWith("</html>\n"));
}

}  // namespace

TEST_CASE("plan --format html draws every costed plan of the default 8B plan", "[report_cli]") {
  const std::string page = html_of(kPlan8b);
  const auto doc = json_of(kPlan8b);
  check_self_contained(page);
  CHECK_THAT(page,
             Contains("<h1>Fine-tuning plan: Llama 3.1 8B, qlora, 50M tokens × 1 epoch</h1>"));
  const auto candidates = doc.at("candidates").get<std::size_t>();
  CHECK(candidates > 100);
  CHECK(count(page, "class=\"mark ") == candidates);
  CHECK_THAT(page, Contains(fmt::format("Every costed plan ({})", candidates)));
  // Rings and rank labels for the ten ranked plans, the front, axis titles with units.
  CHECK(count(page, "class=\"rank-ring\"") == 10);
  for (int rank = 1; rank <= 10; ++rank) {
    CHECK(count(page, fmt::format(">#{}</text>", rank)) == 1);
  }
  CHECK(count(page, "class=\"front\"") == 1);
  CHECK_THAT(page, Contains(">wall time, hours (log scale)<") &&
                       Contains(">total cost, USD (log scale)<"));
  // The table and the memory of the top five plans, against each plan's GPU capacity.
  CHECK_THAT(page, Contains("<th scope=\"col\" class=\"num\">total, USD</th>"));
  CHECK(count(page, "class=\"bar-label\"") == 5);
  const auto& top = doc.at("plans").at(0);
  CHECK_THAT(page,
             Contains(fmt::format(">#1 {}, 1x {}</text>", top.at("provider").get<std::string>(),
                                  top.at("gpu").get<std::string>())));
  CHECK_THAT(page, Contains(fmt::format(" of {:.2f} GiB usable",
                                        top.at("configuration").at("capacity_gib").get<double>())));
  CHECK_THAT(page, Contains(fmt::format("<td class=\"num\">{:.2f}</td>",
                                        top.at("total_usd").get<double>())));
  // Every assumption --verbose prints, and the outcome.
  for (const auto& a : doc.at("assumptions")) {
    const std::string text = a.at("text").get<std::string>();
    if (text.find_first_of("<>&\"'") == std::string::npos) {
      CHECK_THAT(page, Contains(text));
    }
  }
  CHECK_THAT(page, Contains("<p class=\"outcome ok\">outcome: ok</p>"));
}

TEST_CASE("plan --format html for 70B QLoRA draws its costed plans and sharded memory",
          "[report_cli]") {
  const std::string page = html_of(kPlan70b);
  const auto doc = json_of(kPlan70b);
  check_self_contained(page);
  CHECK(count(page, "class=\"mark ") == doc.at("candidates").get<std::size_t>());
  CHECK(count(page, "class=\"bar-label\"") == 5);
  // No plan of the built-in catalog lacks a range, so every mark has its two whiskers.
  CHECK(count(page, "class=\"whisker\"") == 2 * doc.at("candidates").get<std::size_t>());
  CHECK_THAT(page, Contains(fmt::format(">#1 {}, ",
                                        doc.at("plans").at(0).at("provider").get<std::string>())));
}

TEST_CASE("an imported catalog's hostile names are escaped in the html report", "[report_cli]") {
  const std::string catalog = std::string(FTCOST_TEST_DATA) + "/import/markup/lambda/vms.csv";
  const std::string page = html_of({"plan", "--model", "8b", "--method", "qlora", "--catalog-add",
                                    catalog, "--provider", "lambda"});
  check_self_contained(page);
  CHECK_THAT(page, !Contains("<script"));
  // The region (table cell) and the instance type (the GPUs cell's tooltip), escaped.
  CHECK_THAT(page,
             Contains("<td>us-&lt;script&gt;alert(&quot;x&quot;)&amp;&#39;&lt;/script&gt;</td>"));
  CHECK_THAT(page, Contains("instance type gpu_1x_&lt;script&gt;&amp;&quot;&#39;;"));
}

TEST_CASE("vram --format html draws the components against the GPU's capacity", "[report_cli]") {
  // 8B QLoRA at micro-batch 8 does not fit an RTX 4090 (exit 4); the report still prints.
  const std::string page = html_of(kVram, 4);
  const auto doc = json_of(kVram, 4);
  check_self_contained(page);
  const double must_fit =
      doc.at("device_total_gib").get<double>() - doc.at("paged_optimizer_gib").get<double>();
  const double capacity = doc.at("fit").at("capacity_gib").get<double>();
  REQUIRE(must_fit > capacity);
  CHECK_THAT(page, Contains(fmt::format("{:.2f} of {:.2f} GiB usable: {:.2f} GiB over", must_fit,
                                        capacity, must_fit - capacity)));
  CHECK_THAT(page, Contains(fmt::format("does not fit: {:.2f} GiB short on rtx-4090",
                                        -doc.at("fit").at("headroom_gib").get<double>())));
  for (const auto& c : doc.at("components")) {
    CHECK_THAT(page, Contains(fmt::format("{}: {:.2f} GiB", c.at("name").get<std::string>(),
                                          c.at("gib").get<double>())));
  }
  // One bar for what must fit and one per phase; the capacity line on the first and the legend.
  CHECK(count(page, "class=\"bar-label\"") == 1 + doc.at("phases").size());
  CHECK(count(page, "class=\"capacity\"") == 2);
  CHECK_THAT(page, Contains("--micro-batch 8 (default)"));
}

TEST_CASE("commands without an html report refuse --format html with a usage error",
          "[report_cli]") {
  for (const auto& args : {std::vector<std::string>{"gpus"}, std::vector<std::string>{"models"},
                           std::vector<std::string>{"providers"},
                           std::vector<std::string>{"time", "--model", "8b", "--gpu", "h100"}}) {
    const auto run = run_ftcost(with(args, {"--format", "html"}));
    INFO(args.front());
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, StartsWith("ftcost: error: --format: 'html' is not one of table, json, "
                                   "csv (html: plan and vram only)"));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
  const auto typo = run_ftcost(with(kPlan8b, {"--format", "htm"}));
  CHECK(typo.exit_code == 2);
  CHECK_THAT(typo.err,
             Contains("'htm' is not one of table, json, csv, html (did you mean 'html'?)"));
}
