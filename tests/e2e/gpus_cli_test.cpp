// `ftcost gpus` end to end: the list, and one clear line for a bad --format.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using ftcost::e2e::run_ftcost;

TEST_CASE("ftcost gpus --format json lists 33 GPUs with usable memory", "[gpus_cli]") {
  const auto run = run_ftcost({"gpus", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("gpus").size() == 33);
  CHECK(json.at("gpus").at(0).at("id") == "rtx-3090");
  CHECK(json.at("gpus").at(0).at("memory_gib") == 23.70);  // torch OOM message on an RTX 3090
}

TEST_CASE("ftcost gpus --format xml is a usage error on one line", "[gpus_cli]") {
  const auto run = run_ftcost({"gpus", "--format", "xml"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK(run.err ==
        "ftcost: error: --format: 'xml' is not one of table, json, csv (run with --help for "
        "usage)\n");
}
