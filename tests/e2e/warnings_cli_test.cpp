// Warnings: assumptions that override an explicit flag or leave the model's range are printed
// once on stderr as "ftcost: warning: ..." by vram, time and plan, and still listed in the output.
#include <catch2/catch.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

namespace {

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t count = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("an explicit bf16 on a pre-Ampere GPU warns once on stderr", "[warnings_cli]") {
  // V100 has no bf16 (docs/gpus.md#pre-ampere-gpus), so --precision bf16-true is overridden.
  const std::string warning =
      "ftcost: warning: V100 PCIe 16GB has no bf16: training in fp16 mixed precision "
      "instead of --precision bf16-true";
  auto args = GENERATE(
      as<std::vector<std::string>>{},
      std::vector<std::string>{"time", "--model", "1b", "--gpu", "v100-pcie-16gb", "--precision",
                               "bf16-true", "--tokens", "1M", "--method", "lora"},
      std::vector<std::string>{"vram", "--model", "1b", "--gpu", "v100-pcie-16gb", "--precision",
                               "bf16-true", "--method", "lora", "--micro-batch", "1"});
  const auto run = run_ftcost(args);
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(count_of(run.err, "ftcost: warning: ") == 1);
  CHECK_THAT(run.err, Contains(warning));
  CHECK_THAT(run.out, Contains("instead of --precision bf16-true"));
}

TEST_CASE("a default precision adapted to a pre-Ampere GPU is not a warning", "[warnings_cli]") {
  const auto run = run_ftcost(
      {"time", "--model", "1b", "--gpu", "v100-pcie-16gb", "--tokens", "1M", "--method", "lora"});
  CHECK(run.exit_code == 0);
  CHECK(run.err.empty());
}

TEST_CASE("a seq-len beyond the model's context warns on stderr", "[warnings_cli]") {
  // llama-3.1-8b's context is 131072 tokens.
  const auto run = run_ftcost({"vram", "--model", "8b", "--seq-len", "262144"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(count_of(run.err, "ftcost: warning: ") == 1);
}

TEST_CASE("a Transformers release given with a stack that does not run Transformers' forward warns",
          "[warnings_cli]") {
  const auto run = run_ftcost(
      {"vram", "--model", "8b", "--framework", "torchtune", "--transformers-version", "4.38"});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(count_of(run.err, "ftcost: warning: ") == 1);
  CHECK_THAT(run.err, Contains("--transformers-version has no effect with --framework torchtune"));
}
