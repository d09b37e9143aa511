// `ftcost vram` end to end: exit codes and messages for each bad-input class, and the JSON keys.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using ftcost::e2e::run_ftcost;

TEST_CASE("ftcost vram --format json carries the unit keys", "[vram_cli]") {
  const auto run = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  for (const char* key : {"peak_allocated_gib", "peak_reserved_gib", "device_total_gib"}) {
    INFO(key);
    CHECK(json.at(key).get<double>() > 0);
  }
  CHECK(json.at("peak_reserved_gib").get<double>() >= json.at("peak_allocated_gib").get<double>());
  CHECK(json.at("binding_phase").is_string());
  CHECK(json.at("components").size() > 0);
  CHECK(json.at("assumptions").size() > 0);
}

TEST_CASE("a capacity the estimate exceeds exits 4 and still prints the report", "[vram_cli]") {
  // 70B in 16-bit weights alone is ~131 GiB, so 24 GiB cannot hold a LoRA run.
  const auto run = run_ftcost(
      {"vram", "--model", "llama-3.1-70b", "--method", "lora", "--vram", "24", "--format", "json"});
  CHECK(run.exit_code == 4);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("fit").at("fits") == false);
  CHECK(json.at("fit").at("largest_micro_batch").is_null());
}

TEST_CASE("a fitting capacity reports headroom and the largest micro-batch", "[vram_cli]") {
  const auto run = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--micro-batch", "1",
                               "--vram", "80", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("fit").at("headroom_gib").get<double>() > 0);
  CHECK(json.at("fit").at("largest_micro_batch").get<int>() >= 1);
}

TEST_CASE("bad input exits 2 with one line naming the flag", "[vram_cli]") {
  struct Case {
    std::vector<std::string> args;
    const char* expected;
  };
  const Case cases[] = {
      {{"--method", "qlroa"}, "--method: 'qlroa' is not one of full, lora, qlora (did you mean"},
      {{"--seq-len", "0"}, "--seq-len"},
      {{"--micro-batch", "-4"}, "--micro-batch"},
      {{"--seq-len", "999999999999"}, "--seq-len"},
      {{"--vram", "0"}, "--vram"},
      {{"--method", "full", "--quant", "nf4"}, "--quant: 'nf4' needs --method lora or qlora"},
      {{"--lora-targets", "q_prj"}, "did you mean 'q_proj'?"},
      {{"--gpus", "4", "--sharding", "none"}, "--sharding: 'none' cannot run on --gpus 4"},
      {{"--optimizer", "adam"}, "--optimizer"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args{"vram", "--model", "8b"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    const auto run = run_ftcost(args);
    INFO(c.expected);
    CHECK(run.exit_code == 2);
    CHECK(run.out.empty());
    CHECK_THAT(run.err, StartsWith("ftcost: error: "));
    CHECK_THAT(run.err, Contains(c.expected));
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
}
