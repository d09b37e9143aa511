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

TEST_CASE("a GPU without bf16 shows no bf16 rate: n/a, null, empty", "[gpus_cli]") {
  // T4 and V100 have no bf16 tensor cores (docs/gpus.md#pre-ampere-gpus); 0 TFLOPS would read
  // as a rate.
  const auto json = nlohmann::json::parse(run_ftcost({"gpus", "--format", "json"}).out);
  const auto& gpus = json.at("gpus");
  const auto t4 =
      std::find_if(gpus.begin(), gpus.end(), [](const auto& g) { return g.at("id") == "t4"; });
  REQUIRE(t4 != gpus.end());
  CHECK(t4->at("bf16_dense_tflops").is_null());
  CHECK(t4->at("fp16_dense_tflops").get<double>() > 0);
  const auto table = run_ftcost({"gpus"}).out;
  const auto row = table.substr(table.find("\nt4 "),
                                table.find('\n', table.find("\nt4 ") + 1) - table.find("\nt4 "));
  CHECK(row.find(" n/a ") != std::string::npos);
  CHECK(row.find(" 0 ") == std::string::npos);
  // CSV columns: id, name, memory_gib, memory_gb, memory_bandwidth_gb_per_s, bf16_dense_tflops.
  const auto csv = run_ftcost({"gpus", "--format", "csv"}).out;
  // Every field is quoted: the sixth is an empty "" where a number would be.
  CHECK(csv.find("\n\"t4\",\"T4\",\"14.75\",\"16\",\"320\",\"\",\"65\",") != std::string::npos);
}
