// The setup in JSON/CSV output: one shape for vram, time and plan; honest when nothing fits; and
// a --global-batch that the search keeps exactly.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

namespace {

// Splits one CSV line, honouring double quotes (the assumptions cell holds commas).
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (const char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

std::vector<std::string> keys_of(const nlohmann::json& object) {
  std::vector<std::string> keys;
  for (const auto& [key, value] : object.items()) {
    keys.push_back(key);
  }
  return keys;
}

const std::vector<std::string> kNoFit{"time",     "--model", "405b",     "--gpu", "rtx-3090",
                                      "--method", "full",    "--tokens", "1M"};

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

}  // namespace

TEST_CASE("time with nothing fitting reports the setup tried and null figures", "[setup_cli]") {
  const auto run = run_ftcost(with(kNoFit, {"--format", "json"}));
  REQUIRE(run.exit_code == 4);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("fits") == false);
  CHECK(json.at("setup").at("method") == "full");        // was "qlora", a default-constructed setup
  CHECK(json.at("setup").at("seq_len_tokens") == 1024);  // hf default: TRL max_length=1024
  CHECK(json.at("setup").at("micro_batch") == 1);        // the nearest try: the smallest batch
  for (const char* key : {"peak_reserved_gib", "tokens_per_s_per_gpu", "tokens_per_s_total",
                          "step_s", "flop_utilization", "train_hours"}) {
    INFO(key);
    CHECK(json.at(key).is_null());
  }
  CHECK(json.at("capacity_gib").get<double>() > 20);
}

TEST_CASE("time CSV with nothing fitting leaves the figures empty", "[setup_cli]") {
  const auto run = run_ftcost(with(kNoFit, {"--format", "csv"}));
  REQUIRE(run.exit_code == 4);
  const auto newline = run.out.find('\n');
  const auto header = csv_fields(run.out.substr(0, newline));
  auto row_text = run.out.substr(newline + 1);
  while (!row_text.empty() && (row_text.back() == '\n' || row_text.back() == '\r')) {
    row_text.pop_back();
  }
  const auto row = csv_fields(row_text);
  REQUIRE(row.size() == header.size());
  // Every column name once (the run's gpus and the setup's gpus are one column).
  CHECK(std::set<std::string>(header.begin(), header.end()).size() == header.size());
  CHECK(std::count(header.begin(), header.end(), "gpus") == 1);
  for (std::size_t i = 0; i < header.size(); ++i) {
    INFO(header[i]);
    if (header[i] == "step_s" || header[i] == "train_hours" || header[i] == "peak_reserved_gib") {
      CHECK(row[i].empty());
    }
    if (header[i] == "method") {
      CHECK(row[i] == "full");
    }
  }
}

TEST_CASE("vram, time and plan print the setup with the same keys", "[setup_cli]") {
  const auto vram = run_ftcost({"vram", "--model", "8b", "--method", "qlora", "--format", "json"});
  const auto time = run_ftcost({"time", "--model", "8b", "--method", "qlora", "--gpu", "a100",
                                "--tokens", "1M", "--format", "json"});
  const auto plan = run_ftcost(
      {"plan", "--model", "8b", "--method", "qlora", "--tokens", "1M", "--format", "json"});
  REQUIRE(vram.exit_code == 0);
  REQUIRE(time.exit_code == 0);
  REQUIRE(plan.exit_code == 0);
  const auto vram_keys = keys_of(nlohmann::json::parse(vram.out).at("setup"));
  CHECK(vram_keys == keys_of(nlohmann::json::parse(time.out).at("setup")));
  CHECK(std::find(vram_keys.begin(), vram_keys.end(), "seq_len_tokens") != vram_keys.end());
  const auto configuration = nlohmann::json::parse(plan.out).at("plans").at(0).at("configuration");
  for (const std::string& key : vram_keys) {
    INFO(key);
    CHECK(configuration.contains(key));
  }
}

TEST_CASE("vram fit states capacity as a number and its source", "[setup_cli]") {
  // 70B in 16-bit weights alone is ~131 GiB, so 24 GiB cannot hold it: negative headroom.
  const auto run = run_ftcost(
      {"vram", "--model", "llama-3.1-70b", "--method", "lora", "--vram", "24", "--format", "json"});
  REQUIRE(run.exit_code == 4);
  const auto fit = nlohmann::json::parse(run.out).at("fit");
  CHECK(fit.at("capacity_gib") == 24.0);
  CHECK(fit.at("capacity_source") == "--vram");
  CHECK(fit.at("fits") == false);
  CHECK(fit.at("headroom_gib").get<double>() < -100);
  CHECK_FALSE(fit.contains("capacity"));
}

TEST_CASE("the search keeps --global-batch exactly", "[setup_cli]") {
  // 7 is prime: on one GPU only 7 x 1 or 1 x 7 keep it (the old search chose 4 x 2 = 8).
  const auto run = run_ftcost({"time", "--model", "8b", "--method", "qlora", "--gpu", "a100",
                               "--tokens", "1M", "--global-batch", "7", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto setup = nlohmann::json::parse(run.out).at("setup");
  CHECK(setup.at("micro_batch").get<int>() * setup.at("grad_accum").get<int>() *
            setup.at("gpus").get<int>() ==
        7);
}

TEST_CASE("batch flags contradicting --global-batch are usage errors naming both", "[setup_cli]") {
  auto [extra, message] = GENERATE(table<std::vector<std::string>, std::string>({
      {{"--global-batch", "7", "--micro-batch", "4"},
       "--global-batch: --global-batch 7 (7 sequences per GPU) is not a multiple of "
       "--micro-batch 4"},
      {{"--global-batch", "8", "--micro-batch", "4", "--grad-accum", "4"},
       "--global-batch: --global-batch 8 contradicts --micro-batch 4 x --grad-accum 4"},
      {{"--global-batch", "7", "--gpus", "2"},
       "--global-batch: --global-batch 7 does not split evenly over 2 GPUs"},
  }));
  const auto run = run_ftcost(with(
      {"time", "--model", "8b", "--method", "qlora", "--gpu", "a100", "--tokens", "1M"}, extra));
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Contains("ftcost: error: " + message));
}

TEST_CASE("the Transformers release is echoed and raises the logits of an older release",
          "[setup_cli]") {
  const std::vector<std::string> base{"vram",  "--model",  "8b",  "--method",
                                      "qlora", "--format", "json"};
  const auto current = run_ftcost(base);
  const auto older = run_ftcost(with(base, {"--transformers-version", "4.45.2"}));
  REQUIRE(current.exit_code == 0);
  REQUIRE(older.exit_code == 0);
  const auto now = nlohmann::json::parse(current.out);
  const auto before = nlohmann::json::parse(older.out);
  CHECK(now.at("setup").at("transformers_version").is_null());
  CHECK(before.at("setup").at("transformers_version") == "4.45");
  // HF defaults: 8 x 1024 tokens x 128,256 vocabulary; fp32 held logits cost 2 B more per logit
  // at the start of backward (16 vs 14 B) = 1.96 GiB allocated.
  const double gain =
      before.at("peak_allocated_gib").get<double>() - now.at("peak_allocated_gib").get<double>();
  CHECK(gain == Approx(8.0 * 1024 * 128256 * 2 / (1024.0 * 1024 * 1024)).margin(0.02));
  CHECK_THAT(before.dump(), Contains("Transformers 4.45 (before 4.46)"));
}
