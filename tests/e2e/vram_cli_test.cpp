// `ftcost vram` end to end: exit codes and messages for each bad-input class, and the JSON keys.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <sstream>

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
  CHECK_FALSE(json.at("components").empty());
  CHECK_FALSE(json.at("assumptions").empty());
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
      {{"--seq-len", "-5"}, "--seq-len"},
      {{"--lora-rank", "0"}, "--lora-rank"},
      {{"--gpus", "0"}, "--gpus"},
      {{"--gpu", "rtx-4909"}, "--gpu: unknown GPU 'rtx-4909' (did you mean 'rtx-4090'?)"},
      {{"--gpu", "rtx-4090", "--vram", "24"}, "--vram excludes --gpu"},
      {{"--transformers-version", "v4.38"},
       "--transformers-version: 'v4.38' is not a release number; expected MAJOR.MINOR"},
      {{"--transformers-version", "4"}, "--transformers-version: '4' is not a release number"},
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

TEST_CASE("an unknown --model exits 2 with one line", "[vram_cli]") {
  const auto run = run_ftcost({"vram", "--model", "nonexist"});
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, StartsWith("ftcost: error: --model"));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("vram --gpu fits the estimate in that GPU's usable memory", "[vram_cli]") {
  const auto run = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--micro-batch", "1",
                               "--gpu", "RTX 4090", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  const auto& fit = json.at("fit");
  CHECK(fit.at("capacity_gib").get<double>() == Approx(23.65));  // data/gpus.json rtx-4090
  CHECK(fit.at("capacity_source") == "rtx-4090");
  // headroom = capacity - (device total - paged optimizer state), the one fit rule.
  const double needed =
      json.at("device_total_gib").get<double>() - json.at("paged_optimizer_gib").get<double>();
  CHECK(fit.at("headroom_gib").get<double>() == Approx(23.65 - needed));
  CHECK(fit.at("fits") == true);
  CHECK(fit.at("largest_micro_batch").get<int>() >= 1);
  CHECK(fit.at("longest_seq_len_tokens").get<int>() >= 2048);
}

TEST_CASE("vram --gpu on a pre-Ampere GPU trains in fp16 with SDPA, as ftcost time does",
          "[vram_cli]") {
  const auto vram = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--attention",
                                "flash", "--gpu", "v100-sxm2-32gb", "--format", "json"});
  REQUIRE(vram.exit_code == 0);
  const auto json = nlohmann::json::parse(vram.out);
  CHECK(json.at("setup").at("precision") == "16-mixed");
  CHECK(json.at("setup").at("attention") == "sdpa");
  CHECK_THAT(json.at("assumptions").dump(),
             Contains("no bf16: training in fp16") && Contains("using PyTorch SDPA"));
  const auto time =
      run_ftcost({"time", "--model", "8b", "--method", "qlora", "--attention", "flash", "--gpu",
                  "v100-sxm2-32gb", "--tokens", "1M", "--format", "json"});
  REQUIRE(time.exit_code == 0);
  const auto run = nlohmann::json::parse(time.out);
  CHECK(run.at("setup").at("precision") == "16-mixed");
  CHECK(run.at("setup").at("attention") == "sdpa");
}

TEST_CASE("vram --gpu naming a GPU too small for the run exits 4 with the report", "[vram_cli]") {
  // 70B in 16-bit weights alone is ~131 GiB; an L4 has ~22 GiB usable.
  const auto run = run_ftcost(
      {"vram", "--model", "llama-3.1-70b", "--method", "lora", "--gpu", "l4", "--format", "json"});
  CHECK(run.exit_code == 4);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("fit").at("fits") == false);
  CHECK(json.at("fit").at("headroom_gib").get<double>() < -100);
}

TEST_CASE("a run that does not fit is offered the split that keeps its optimizer step",
          "[vram_cli]") {
  // HF defaults for 8B QLoRA: 8 sequences of 1024 tokens per step, 2.2 GiB over a 4090; the
  // largest micro-batch that fits is 7, which does not divide 8, so 4 x 2 keeps the step.
  const auto table = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--gpu", "4090"});
  CHECK(table.exit_code == 4);
  CHECK_THAT(table.out, Contains("largest micro-batch: 7"));
  CHECK_THAT(table.out, Contains("to fit:              --micro-batch 4 --grad-accum 2 (same 8 "
                                 "sequences per optimizer step)"));
  const auto json = run_ftcost(
      {"vram", "--model", "8b", "--method", "qlora", "--gpu", "4090", "--format", "json"});
  const auto split = nlohmann::json::parse(json.out).at("fit").at("same_step_split");
  CHECK(split.at("micro_batch") == 4);
  CHECK(split.at("grad_accum") == 2);
}

TEST_CASE("vram and time text keeps within 100 columns", "[vram_cli]") {
  const auto vram = run_ftcost({"vram", "--model", "70b", "--method", "qlora", "--lora-targets",
                                "all-linear", "--gpu", "a100", "--transformers-version", "4.40"});
  const auto time = run_ftcost({"time", "--model", "8b", "--gpu", "4090", "--tokens", "50M"});
  for (const auto* text : {&vram.out, &time.out}) {
    std::istringstream lines(*text);
    for (std::string line; std::getline(lines, line);) {
      INFO(line);
      CHECK(line.size() <= 100);
    }
  }
}

TEST_CASE("vram CSV carries the setup, the peaks and the fit with units", "[vram_cli]") {
  const auto run = run_ftcost(
      {"vram", "--model", "8b", "--method", "qlora", "--gpu", "4090", "--format", "csv"});
  CHECK(run.exit_code == 4);
  CHECK_THAT(run.out, StartsWith("\"kind\",\"name\",\"value\",\"unit\""));
  CHECK_THAT(run.out, Contains("\"setup\",\"seq_len_tokens\",\"1024\",\"tokens\""));
  CHECK_THAT(run.out, Contains("\"setup\",\"transformers_version\",\"\",\"\""));
  CHECK_THAT(run.out, Contains("\"fit\",\"fits\",\"false\",\"\""));
  CHECK_THAT(run.out, Contains("\"fit\",\"largest_micro_batch\",\"7\",\"sequences\""));
  CHECK_THAT(run.out, Contains("\"fit\",\"same_step_split.micro_batch\",\"4\",\"sequences\""));
  CHECK_THAT(run.out, Contains("\"peak\",\"peak_reserved\",\"25.3"));
}

TEST_CASE("a full fine-tune that does not fit names the single switches that would fit it",
          "[vram_cli]") {
  // 8B full in bf16-mixed on an H100: 16 B/parameter of states; only pure bf16 (8 B) fits alone.
  const auto run = run_ftcost({"vram", "--model", "8b", "--method", "full", "--gpu", "h100",
                               "--micro-batch", "1", "--format", "json"});
  CHECK(run.exit_code == 4);
  const auto doc = nlohmann::json::parse(run.out);
  CHECK(doc.at("fit").at("memory_savers") == nlohmann::json::array({"--precision bf16-true"}));
  const auto table = run_ftcost(
      {"vram", "--model", "8b", "--method", "full", "--gpu", "h100", "--micro-batch", "1"});
  CHECK_THAT(table.out, Contains("or switch:           --precision bf16-true"));
}
