// `ftcost time` end to end: outputs, and one clear line for each bad input.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <tuple>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using Catch::Matchers::StartsWith;
using ftcost::e2e::run_ftcost;

namespace {

const std::string kData = FTCOST_TEST_DATA;

std::vector<std::string> time_args(std::vector<std::string> extra) {
  std::vector<std::string> args{"time", "--model", "llama-3.1-8b", "--method", "qlora"};
  args.insert(args.end(), extra.begin(), extra.end());
  return args;
}

}  // namespace

TEST_CASE("ftcost time prints throughput, step time and hours", "[time_cli]") {
  const auto run = run_ftcost(time_args({"--gpu", "RTX 4090", "--tokens", "50M"}));
  REQUIRE(run.exit_code == 0);
  CHECK(run.err.empty());
  CHECK_THAT(run.out, Contains("tokens/s per GPU") && Contains("step time") &&
                          Contains("training time") && Contains("assumptions:"));
}

TEST_CASE("ftcost time --format json: hours equal tokens over throughput", "[time_cli]") {
  const auto run = run_ftcost(
      time_args({"--gpu", "h100", "--tokens", "100M", "--epochs", "2", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json.at("gpu") == "h100-sxm");
  const double steady = json.at("steady_train_hours");
  const double total = json.at("tokens_per_s_total");
  CHECK(steady == Approx(200e6 / total / 3600));  // 100M tokens x 2 epochs
  // End to end: plus the assumed 60 s startup of an eager run, no evaluation by default.
  CHECK(json.at("startup_hours").get<double>() == Approx(60.0 / 3600));
  CHECK(json.at("eval_hours").get<double>() == 0);
  CHECK(json.at("train_hours").get<double>() == Approx(steady + 60.0 / 3600));
  CHECK_THAT(json.at("assumptions").dump(), Contains("assumed h100-sxm"));
}

TEST_CASE("ftcost time gives the 80% range of throughput and hours, wider where uncalibrated",
          "[time_cli]") {
  // Calibrated stratum (Hopper, hf): median +0.018, p10 -0.171, p90 +0.462 widened 1.1x give
  // log errors -0.1899 .. 0.5064, so measured/predicted from exp(-0.5064) = 0.6027 to
  // exp(0.1899) = 1.2091 (docs/duration-model.md#uncertainty); MI300X (AMD) is widened 1.5x
  // more (1.65x): exp(-0.7506) = 0.4721 to exp(0.2938) = 1.3416.
  const auto [gpu, low, high, calibrated] = GENERATE(std::tuple{"h100-sxm", 0.60266, 1.20913, true},
                                                     std::tuple{"mi300x", 0.47208, 1.34158, false});
  const auto run = run_ftcost(time_args({"--gpu", gpu, "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  const double point = json.at("tokens_per_s_per_gpu");
  CHECK(json.at("tokens_per_s_per_gpu_low").get<double>() == Approx(point * low).epsilon(1e-4));
  CHECK(json.at("tokens_per_s_per_gpu_high").get<double>() == Approx(point * high).epsilon(1e-4));
  // Steady steps scale with the band; the startup does not.
  const double steady = json.at("steady_train_hours");
  const double startup = json.at("startup_hours");
  CHECK(json.at("train_hours_low").get<double>() == Approx(steady / high + startup).epsilon(1e-4));
  CHECK(json.at("train_hours_high").get<double>() == Approx(steady / low + startup).epsilon(1e-4));
  CHECK(json.at("range_calibrated") == calibrated);
}

TEST_CASE("a dataset file is counted at 4 characters per token", "[time_cli]") {
  const auto run = run_ftcost(
      time_args({"--gpu", "a100", "--dataset", kData + "/datasets/two.jsonl", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("2 samples"));
}

TEST_CASE("bad input to ftcost time is one line on stderr with its exit code", "[time_cli]") {
  auto [args, code, message] = GENERATE(table<std::vector<std::string>, int, std::string>({
      {time_args({"--gpu", "rtx-4900"}), 2,
       "ftcost: error: --gpu: unknown GPU 'rtx-4900' (did you mean 'rtx-4090'?)"},
      {time_args({"--gpu", "a100", "--tokens", "0"}), 2,
       "ftcost: error: --tokens: '0' is out of range"},
      {time_args({"--gpu", "a100", "--tokens", "-5M"}), 2, "ftcost: error: --tokens"},
      {time_args({"--gpu", "a100", "--epochs", "0"}), 2,
       "ftcost: error: --epochs: '0' is out of range; expected a number from 0.01 to 1000"},
      {time_args({"--gpu", "a100", "--epochs", "-1"}), 2, "ftcost: error: --epochs"},
      {time_args({"--gpu", "a100", "--dataset", kData + "/datasets/missing.jsonl"}), 3,
       "no such file"},
      {time_args({"--gpu", "a100", "--dataset", kData + "/datasets/empty.jsonl"}), 3,
       "file is empty"},
      {time_args({"--gpu", "a100", "--dataset", kData + "/datasets/bad_line2.jsonl"}), 3,
       "bad_line2.jsonl:2: invalid JSON on this line"},
      {time_args({"--gpu", "a100", "--tokens", "-5"}), 2, "ftcost: error: --tokens"},
      {time_args({"--gpu", "a100", "--tokens", "5Q"}), 2,
       "ftcost: error: --tokens: '5Q' is not a token count"},
      {time_args({"--gpu", "a100", "--dataset", "/nonexistent"}), 3, "/nonexistent"},
      {time_args({"--gpu", "a100", "--dataset", kData + "/datasets/sample.parquet"}), 3,
       "sample.parquet: a binary file (Parquet, Arrow, compressed or other), not text"},
      {time_args({"--gpu", "a100", "--global-batch", "0"}), 2, "ftcost: error: --global-batch"},
      {time_args({"--gpu", "a100", "--samples", "1000"}), 2,
       "--samples and --avg-tokens go together"},
      {time_args({"--gpu", "a100", "--seq-len", "0"}), 2, "ftcost: error: --seq-len"},
      {time_args({"--gpu", "a100", "--gpus", "0"}), 2, "ftcost: error: --gpus"},
      {time_args({"--gpu", "a100", "--loss", "fusd"}), 2, "(did you mean 'fused'?)"},
      {{"time", "--model", "nonexist", "--gpu", "a100"}, 2, "ftcost: error: --model"},
  }));
  const auto run = run_ftcost(args);
  CHECK(run.exit_code == code);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Contains(message));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

TEST_CASE("a job that fits no configuration exits 4 and says why", "[time_cli]") {
  const auto run = run_ftcost({"time", "--model", "llama-3.1-70b", "--method", "full", "--gpu",
                               "rtx-4090", "--tokens", "1M"});
  CHECK(run.exit_code == 4);
  CHECK_THAT(run.out, Contains("fits") && Contains("GiB per GPU, has 23.65 GiB"));
}

TEST_CASE("pre-Ampere GPUs switch to fp16 and SDPA and say so", "[time_cli]") {
  const auto run = run_ftcost(time_args({"--gpu", "t4", "--tokens", "1M", "--attention", "flash"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("no bf16: training in fp16") && Contains("using PyTorch SDPA"));
}

TEST_CASE("ftcost time takes every setup flag ftcost vram takes", "[time_cli]") {
  // --lora-targets, --loss, --cpu-offload and --compile were missing from the first `time`.
  const auto run =
      run_ftcost(time_args({"--gpu", "a100", "--tokens", "1M", "--lora-targets", "qv", "--loss",
                            "fused", "--cpu-offload", "none", "--compile", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out).at("fits") == true);
}

TEST_CASE("ftcost time --help says the search picks micro-batch and checkpointing", "[time_cli]") {
  const auto run = run_ftcost({"time", "--help"});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("Sequences per GPU per pass (default: searched)") &&
                          Contains("Activation checkpointing (default: searched)"));
}

TEST_CASE("time on 8 GPUs falls back to ZeRO-3 when data parallel does not fit", "[time_cli]") {
  // 8B full fine-tuning in bf16-mixed with AdamW keeps 16 bytes per parameter (fp32 master,
  // two fp32 states, bf16 weights and gradients): about 120 GiB per data-parallel replica, more
  // than an H200's 139.8 GiB holds with activations; ZeRO-3 divides those states by 8.
  const auto run = run_ftcost({"time", "--model", "8b", "--method", "full", "--gpu", "h200",
                               "--gpus", "8", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["setup"]["sharding"] == "zero3");
  CHECK_THAT(json["assumptions"].dump(), Contains("data parallel does not fit on 8 GPUs"));
  // An explicit --sharding is never overridden: data parallel fits only by switching to 8-bit
  // AdamW (8-bit states: 10 bytes per parameter), which the warning names...
  const auto ddp = run_ftcost({"time", "--model", "8b", "--method", "full", "--gpu", "h200",
                               "--gpus", "8", "--sharding", "ddp", "--format", "json"});
  REQUIRE(ddp.exit_code == 0);
  CHECK(nlohmann::json::parse(ddp.out)["setup"]["optimizer"] == "adamw-8bit");
  CHECK_THAT(ddp.err, Contains("the search switched to adamw-8bit in bf16-mixed"));
  // ...and with the optimizer and precision stated too, nothing is changed: it does not fit.
  const auto stated =
      run_ftcost({"time", "--model", "8b", "--method", "full", "--gpu", "h200", "--gpus", "8",
                  "--sharding", "ddp", "--optimizer", "adamw", "--precision", "bf16-mixed"});
  CHECK(stated.exit_code == 4);
}

TEST_CASE("full fine-tuning that fits nowhere switches to bf16-true when the user left it",
          "[time_cli]") {
  // 8B full in bf16-mixed needs 16 B/parameter (128 GB) of states; 8-bit AdamW still 10 B
  // (80 GB); pure bf16 with AdamW 8 B (64 GB) fits one H100 80GB.
  const auto run = run_ftcost(
      {"time", "--model", "8b", "--method", "full", "--gpu", "h100", "--format", "json"});
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK(json["setup"]["precision"] == "bf16-true");
  CHECK(json["setup"]["optimizer"] == "adamw");
  CHECK_THAT(run.err, Contains("nothing fit with adamw in bf16-mixed; the search switched to "
                               "adamw in bf16-true"));
}

TEST_CASE("time lists the search's choice, not the framework's batch defaults", "[time_cli]") {
  const auto run = run_ftcost(time_args({"--gpu", "4090", "--tokens", "50M"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("--seq-len 1024 (default)"));
  CHECK_THAT(run.out, !Contains("--micro-batch 8 (default)") &&
                          !Contains("--grad-accum 1 (default)") &&
                          !Contains("--grad-ckpt full (default)"));
  CHECK_THAT(run.out, Contains("chose micro-batch 1 x grad-accum 8, grad-ckpt none"));
}

TEST_CASE("time names the model and the dataset it timed", "[time_cli]") {
  const auto table = run_ftcost(time_args({"--gpu", "h100", "--tokens", "200M", "--epochs", "2"}));
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out,
             StartsWith("model:            llama-3.1-8b (Llama 3.1 8B; 8.03B parameters)\n"
                        "dataset:          200M tokens per epoch x 2 epoch(s)\n"));
  const auto json = run_ftcost(
      time_args({"--gpu", "h100", "--tokens", "200M", "--epochs", "2", "--format", "json"}));
  const auto doc = nlohmann::json::parse(json.out);
  CHECK(doc.at("model").at("id") == "llama-3.1-8b");
  CHECK(doc.at("model").at("params_total") == 8'030'261'248);  // the published count
  CHECK(doc.at("model").at("params_active") == 8'030'261'248);
  CHECK(doc.at("dataset_tokens") == 200e6);
  CHECK(doc.at("epochs") == 2);
  // steady hours = tokens x epochs / tokens per second / 3600
  CHECK(doc.at("steady_train_hours").get<double>() ==
        Approx(400e6 / doc.at("tokens_per_s_total").get<double>() / 3600));
}

TEST_CASE("a job shorter than 36 s is not printed as 0.00 h", "[time_cli]") {
  const auto run =
      run_ftcost(time_args({"--gpu", "h100", "--tokens", "10000", "--startup-s", "0"}));
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out, Contains("training time:") && Contains(" s)") && !Contains("0.00 h"));
}

TEST_CASE("evaluation and startup are added to the steady-state hours", "[time_cli]") {
  const auto run = run_ftcost(time_args({"--gpu", "h100", "--tokens", "100M", "--eval-share", "0.1",
                                         "--startup-s", "300", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  const double steady = json.at("steady_train_hours");
  // QLoRA without recomputation: forward 2 of the 4 FLOP units of a training token
  // (forward + input gradients), so 10% of the tokens forward-only cost 5% of the steady time.
  CHECK(json.at("eval_hours").get<double>() == Approx(0.1 * steady * 0.5).epsilon(0.02));
  CHECK(json.at("startup_hours").get<double>() == Approx(300.0 / 3600));
  CHECK(json.at("train_hours").get<double>() ==
        Approx(steady + json.at("eval_hours").get<double>() + 300.0 / 3600));
  CHECK_THAT(json.at("assumptions").dump(), Contains("evaluation of 10% of the tokens"));
}

TEST_CASE("unpacked samples longer than --seq-len are truncated, whatever gave their length",
          "[time_cli]") {
  // 1,000 samples of 5,000 tokens cut to 1,024: 80% of the tokens are dropped, 1.024M trained.
  const auto run = run_ftcost(time_args({"--gpu", "h100", "--samples", "1000", "--avg-tokens",
                                         "5000", "--seq-len", "1024", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  const auto json = nlohmann::json::parse(run.out);
  CHECK_THAT(json.at("assumptions").dump(),
             Contains("80% of the dataset's tokens lie beyond --seq-len 1024"));
  CHECK(json.at("steady_train_hours").get<double>() ==
        Approx(1.024e6 / json.at("tokens_per_s_total").get<double>() / 3600));
  CHECK(json.at("useful_tokens_per_s_per_gpu").get<double>() <=
        json.at("tokens_per_s_per_gpu").get<double>());
}

TEST_CASE("AMD GPUs are marked as extrapolated, not calibrated", "[time_cli]") {
  const auto amd = run_ftcost(time_args({"--gpu", "mi300x", "--tokens", "50M"}));
  REQUIRE(amd.exit_code == 0);
  CHECK_THAT(amd.out, Contains("no measured fine-tuning run on AMD GPUs calibrates"));
  const auto nvidia = run_ftcost(time_args({"--gpu", "h100", "--tokens", "50M"}));
  CHECK_THAT(nvidia.out, !Contains("calibrates the duration model"));
}

TEST_CASE("every command names the model's size, a config.json's and a MoE's active share too",
          "[time_cli]") {
  // Mixtral 8x7B: 46.70B weights, 12.88B through which each token passes (2 of 8 experts).
  const auto vram =
      run_ftcost({"vram", "--model", "mixtral-8x7b", "--method", "qlora", "--format", "json"});
  REQUIRE(vram.exit_code == 0);
  const auto doc = nlohmann::json::parse(vram.out);
  CHECK(doc.at("model").at("params_total") == 46'702'792'704);
  CHECK(doc.at("model").at("params_active") == 12'879'925'248);
  const auto table = run_ftcost({"vram", "--model", "mixtral-8x7b", "--method", "qlora"});
  CHECK_THAT(table.out, Contains("46.70B parameters, 12.88B active per token"));
  const auto plan = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--format", "json"});
  REQUIRE(plan.exit_code == 0);
  CHECK(nlohmann::json::parse(plan.out).at("request").at("params_total") == 8'030'261'248);
}
