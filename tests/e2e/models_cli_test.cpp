// `ftcost models` end to end: the real binary, its stdout, stderr and exit code.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

TEST_CASE("ftcost models lists the presets as a table", "[models_cli]") {
  const auto run = run_ftcost({"models"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Contains("llama-3.1-8b"));
  // 8,030,261,248 parameters print as 8.03 billion.
  CHECK_THAT(run.out, Contains("8.03"));
}

TEST_CASE("ftcost models --format json is one parseable document", "[models_cli]") {
  const auto run = run_ftcost({"models", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  REQUIRE(json.at("models").size() == 49);
  const auto& first = json.at("models").at(0);
  CHECK(first.at("id") == "llama-3.1-8b");
  CHECK(first.at("total_params") == 8'030'261'248);  // keras-hub llama3.1_8b preset
  CHECK(first.at("max_context_tokens") == 131072);   // config.json max_position_embeddings
}

TEST_CASE("ftcost models --format csv has a header and one row per preset", "[models_cli]") {
  const auto run = run_ftcost({"models", "--format", "csv"});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Catch::Matchers::StartsWith("\"id\",\"name\",\"family\",\"total_params\""));
  CHECK(std::count(run.out.begin(), run.out.end(), '\n') == 50);
}

TEST_CASE("a bad --format is a usage error on stderr", "[models_cli]") {
  const auto run = run_ftcost({"models", "--format", "xml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Contains("'xml' is not one of table, json, csv"));
}
