// `ftcost plan --emit DIR`: the real binary writes a launch bundle that matches the plan it
// printed.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

TEST_CASE("plan --emit writes the launch files of the plan it printed", "[emit_cli]") {
  const auto dir = std::filesystem::temp_directory_path() / "ftcost-e2e-emit";
  std::filesystem::remove_all(dir);
  const auto run = run_ftcost(
      {"plan", "--model", "8b", "--method", "qlora", "--format", "json", "--emit", dir.string()});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.err, Contains("plan #1 written to"));
  const auto printed = nlohmann::json::parse(run.out);
  const auto& top = printed.at("plans").at(0);
  // plan.json is the document stdout printed.
  CHECK(nlohmann::json::parse(read(dir / "plan.json")) == printed);
  const std::string axolotl = read(dir / "axolotl.yaml");
  const auto& configuration = top.at("configuration");
  CHECK_THAT(axolotl, Contains("micro_batch_size: " +
                               std::to_string(configuration.at("micro_batch").get<int>())));
  CHECK_THAT(axolotl, Contains("gradient_accumulation_steps: " +
                               std::to_string(configuration.at("grad_accum").get<int>())));
  CHECK_THAT(read(dir / "sky.yaml"),
             Contains("use_spot: " + std::string(top.at("tier") == "spot" ? "true" : "false")));
  CHECK(std::filesystem::exists(dir / "task.dstack.yml"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("a pick beyond the ranked plans, or without --emit, is a usage error", "[emit_cli]") {
  const auto dir = std::filesystem::temp_directory_path() / "ftcost-e2e-emit-bad";
  const auto beyond = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--top", "3",
                                  "--emit", dir.string(), "--pick", "4"});
  CHECK(beyond.exit_code == 2);
  CHECK(beyond.out.empty());
  CHECK_THAT(beyond.err, Contains("--pick: plan #4 does not exist (3 plans ranked)"));
  CHECK_FALSE(std::filesystem::exists(dir));
  const auto alone = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--pick", "2"});
  CHECK(alone.exit_code == 2);
  CHECK_THAT(alone.err, Contains("--pick") && Contains("--emit"));
}

TEST_CASE("emit, then --from-config on the emitted axolotl.yaml, gives the plan's figures",
          "[emit_cli]") {
  const auto dir = std::filesystem::temp_directory_path() / "ftcost-e2e-roundtrip";
  std::filesystem::remove_all(dir);
  const auto plan = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--framework",
                                "axolotl", "--format", "json", "--emit", dir.string()});
  REQUIRE(plan.exit_code == 0);
  const auto top = nlohmann::json::parse(plan.out).at("plans").at(0);
  const auto& planned = top.at("configuration");
  const auto time = run_ftcost({"time", "--from-config", (dir / "axolotl.yaml").string(), "--gpu",
                                top.at("gpu").get<std::string>(), "--format", "json"});
  REQUIRE(time.exit_code == 0);
  const auto timed = nlohmann::json::parse(time.out);
  CHECK(timed.at("peak_reserved_gib").get<double>() ==
        Approx(planned.at("peak_reserved_gib").get<double>()).epsilon(1e-9));
  CHECK(timed.at("tokens_per_s_per_gpu").get<double>() ==
        Approx(planned.at("tokens_per_s_per_gpu").get<double>()).epsilon(1e-9));
  CHECK(timed.at("train_hours").get<double>() ==
        Approx(top.at("train_hours").get<double>()).epsilon(1e-9));
  CHECK_THAT(timed.at("assumptions").dump(), Contains("Hugging Face repository of preset"));
  std::filesystem::remove_all(dir);
}

TEST_CASE("without --model or --from-config the model is a usage error", "[emit_cli]") {
  const auto run = run_ftcost({"vram", "--method", "qlora"});
  CHECK(run.exit_code == 2);
  CHECK_THAT(run.err, Contains("--model: required") && Contains("--from-config"));
}

TEST_CASE("a base_model the config names but ftcost cannot resolve is bad data in that file",
          "[emit_cli]") {
  const auto path = std::filesystem::temp_directory_path() / "ftcost-e2e-unknown-base.yaml";
  std::ofstream(path) << "base_model: someone/unknown\nadapter: lora\n";
  const auto run = run_ftcost({"vram", "--from-config", path.string()});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err,
             Contains("ftcost-e2e-unknown-base.yaml: /base_model:") && Contains("works offline"));
  std::filesystem::remove(path);
}
