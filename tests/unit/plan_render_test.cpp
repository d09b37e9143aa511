// Plan output: the JSON document's schema, CSV structure, and the table's header and outcome.
#include "ftcost/render/plan_render.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

#include "ftcost/render/provider_render.hpp"
#include "plan_fixtures.hpp"

using namespace ftcost::test;

namespace {

ftcost::render::PlanContext context() {
  ftcost::render::PlanContext c;
  c.model_id = "llama-3.1-8b";
  c.model_name = "Llama 3.1 8B";
  c.dataset_tokens = 1e7;
  c.epochs = 2;
  c.catalog_origin = "<test>";
  c.catalog_version = "t1";
  c.catalog_as_of = "2026-11-01";
  c.catalog_offers = 5;
  return c;
}

std::string rendered(ftcost::OutputFormat format, const PlanRequest& req,
                     ftcost::render::PlanTableOptions table = {}) {
  std::ostringstream out;
  ftcost::render::render_plan({.plan = ftcost::plan(req, catalog(), fake_run),
                               .request = req,
                               .context = context(),
                               .table = table,
                               .memory = {}},
                              format, out);
  return out.str();
}

}  // namespace

TEST_CASE("plan JSON: versioned document with line items, configuration, rejected", "[render]") {
  const auto doc = nlohmann::json::parse(rendered(ftcost::OutputFormat::Json, request()));
  CHECK(doc.at("schema_version") == 1);
  CHECK(doc.at("outcome") == "ok");
  CHECK(doc.at("catalog").at("version") == "t1");
  CHECK(doc.at("request").at("model") == "llama-3.1-8b");
  CHECK(doc.at("request").at("budget_usd").is_null());
  const auto& plans = doc.at("plans");
  REQUIRE(plans.size() == 4);  // the T4 does not fit
  double sum = 0;
  for (const auto& item : plans[0].at("line_items")) {
    sum += item.at("usd").get<double>();
  }
  CHECK(sum == Approx(plans[0].at("total_usd").get<double>()));
  CHECK(plans[0].at("rank") == 1);
  CHECK(plans[0].at("configuration").contains("micro_batch"));
  const auto& rejected = doc.at("rejected");
  REQUIRE(rejected.size() == 1);
  CHECK(rejected[0].at("gpu") == "t4");
  CHECK(rejected[0].at("reason") == "needs 18.0 GiB per GPU, has 14.6 GiB");
}

TEST_CASE("plan JSON: spot plans carry the interruption block", "[render]") {
  PlanRequest req = request();
  req.tier = ftcost::TierFilter::Spot;
  const auto doc = nlohmann::json::parse(rendered(ftcost::OutputFormat::Json, req));
  const auto& spot = doc.at("plans").at(0).at("interruption");
  CHECK(spot.at("hazard_per_hour").get<double>() == Approx(0.12));
  CHECK(spot.contains("checkpoint_interval_hours"));
  CHECK(spot.contains("p90_interruptions"));
}

TEST_CASE("plan CSV: a header and one quoted CRLF row per plan", "[render]") {
  const std::string csv = rendered(ftcost::OutputFormat::Csv, request());
  std::size_t lines = 0;
  for (std::size_t pos = csv.find("\r\n"); pos != std::string::npos;
       pos = csv.find("\r\n", pos + 2)) {
    ++lines;
  }
  CHECK(lines == 5);  // header + 4 plans
  CHECK(csv.rfind("\"rank\",\"provider\",\"provider_name\",\"gpu\"", 0) == 0);
  CHECK(csv.find("\"Provider P\"") != std::string::npos);
}

TEST_CASE("plan table: assumptions header, rows, outcome; --verbose adds rejections", "[render]") {
  PlanRequest req = request();
  req.budget_usd = 0.01;
  const std::string text =
      rendered(ftcost::OutputFormat::Table, req, {.verbose = true, .wide = false, .style = {}});
  CHECK(text.find("model") != std::string::npos);
  CHECK(text.find("llama-3.1-8b (Llama 3.1 8B; ") != std::string::npos);
  CHECK(text.find("outcome: over-budget") != std::string::npos);
  CHECK(text.find("rejected:") != std::string::npos);
  CHECK(text.find("needs 18.0 GiB per GPU") != std::string::npos);
}

TEST_CASE("providers listing: JSON has every provider and offer", "[render]") {
  std::ostringstream out;
  ftcost::render::render_providers(catalog(), ftcost::OutputFormat::Json, out);
  const auto doc = nlohmann::json::parse(out.str());
  CHECK(doc.at("providers").size() == 1);
  CHECK(doc.at("offers").size() == 5);
  CHECK(doc.at("providers")[0].at("spot").at("cause") == "outbid");
}
