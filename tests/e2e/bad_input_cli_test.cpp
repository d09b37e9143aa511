// Hostile command lines: every bad number, empty value or typo exits 2 with one line on stderr
// that names the flag, what was wrong and what is accepted, and nothing on stdout.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

namespace {

std::vector<std::string> with(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

std::vector<std::string> vram(const std::vector<std::string>& extra) {
  return with({"vram", "--model", "8b"}, extra);
}

std::vector<std::string> time(const std::vector<std::string>& extra) {
  return with({"time", "--model", "8b", "--gpu", "a100"}, extra);
}

std::vector<std::string> plan(const std::vector<std::string>& extra) {
  return with({"plan", "--model", "8b"}, extra);
}

void check_usage_error(const std::vector<std::string>& args, const std::string& message) {
  const auto run = run_ftcost(args);
  INFO(run.err);
  CHECK(run.exit_code == 2);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Catch::StartsWith("ftcost: error: ") && Contains(message));
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

}  // namespace

TEST_CASE("NaN and infinity are rejected by every floating-point flag", "[bad_input_cli]") {
  const std::string vram_range = "expected a number from 0.001 to 100000";
  auto [args, message] = GENERATE_REF(table<std::vector<std::string>, std::string>({
      {vram({"--vram", "NaN"}), "--vram: 'NaN' is not a plain decimal number; " + vram_range},
      {vram({"--vram", "nan"}), "--vram: 'nan' is not a plain decimal number"},
      {vram({"--vram", "-nan"}), "--vram: '-nan' is not a plain decimal number"},
      {vram({"--vram", "inf"}), "--vram: 'inf' is not a plain decimal number"},
      {time({"--link-gb-per-s", "nan"}), "--link-gb-per-s: 'nan' is not a plain decimal"},
      {time({"--epochs", "nan"}), "--epochs: 'nan' is not a plain decimal"},
      {time({"--samples", "10", "--avg-tokens", "inf"}), "--avg-tokens: 'inf' is not"},
      {time({"--tokens", "nan"}), "--tokens: 'nan' is not a token count"},
      {plan({"--hazard", "nan"}), "--hazard: 'nan' is not a plain decimal"},
      {plan({"--budget", "inf"}), "--budget: 'inf' is not a plain decimal"},
      {plan({"--max-hours", "NaN"}), "--max-hours: 'NaN' is not a plain decimal"},
      {plan({"--keep-days", "nan"}), "--keep-days: 'nan' is not a plain decimal"},
  }));
  check_usage_error(args, message);
}

TEST_CASE("absurd magnitudes are out of range with readable bounds", "[bad_input_cli]") {
  auto [args, message] = GENERATE_REF(table<std::vector<std::string>, std::string>({
      {time({"--link-gb-per-s", "1e-300"}),
       "--link-gb-per-s: '1e-300' is out of range; expected a number from 0.1 to 10000"},
      {time({"--link-gb-per-s", "0"}), "expected a number from 0.1 to 10000"},
      {time({"--tokens", "1e308"}), "--tokens: '1e308' is out of range (a number of tokens"},
      {time({"--tokens", "1e30"}), "--tokens: '1e30' is out of range"},
      {time({"--tokens", "0.0000001"}), "--tokens: '0.0000001' is out of range"},
      {time({"--tokens", "1e300T"}), "--tokens: '1e300T' is out of range"},
      {time({"--epochs", "1e30"}),
       "--epochs: '1e30' is out of range; expected a number from "
       "0.01 to 1000"},
      {time({"--epochs", "1e-300"}), "--epochs: '1e-300' is out of range"},
      {time({"--samples", "10", "--avg-tokens", "1e30"}),
       "--avg-tokens: '1e30' is out of range; expected a number from 1 to 10000000"},
      {time({"--samples", "10", "--avg-tokens", "0.0001"}), "--avg-tokens: '0.0001' is out"},
      {time({"--samples", "1000", "--avg-tokens", "1e308"}), "--avg-tokens: '1e308' is out"},
      {time({"--samples", "18446744073709551617", "--avg-tokens", "10"}),
       "--samples: '18446744073709551617' is out of range; expected an integer from 1 to"},
      {vram({"--seq-len", "99999999999999999999"}), "--seq-len: '99999999999999999999' is out"},
  }));
  check_usage_error(args, message);
}

TEST_CASE("numbers are plain decimal: no hex, no octal", "[bad_input_cli]") {
  auto [args, message] = GENERATE_REF(table<std::vector<std::string>, std::string>({
      {vram({"--seq-len", "0x10"}),
       "--seq-len: '0x10' is not a plain decimal integer; expected "
       "an integer from 1 to 10000000"},
      {vram({"--vram", "0x18"}), "--vram: '0x18' is not a plain decimal number"},
      {time({"--tokens", "0x10"}), "--tokens: '0x10' is not a token count"},
      {time({"--seq-len", "1.5"}), "--seq-len: '1.5' is not an integer; expected an integer"},
  }));
  check_usage_error(args, message);
}

TEST_CASE("a leading zero is read as decimal, not octal", "[bad_input_cli]") {
  // --seq-len 010 is ten tokens (strtol with base 0 read it as octal 8).
  const auto run = run_ftcost(vram({"--seq-len", "010", "--format", "json"}));
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out).at("setup").at("seq_len_tokens") == 10);
}

TEST_CASE("empty values are rejected, not read as a default", "[bad_input_cli]") {
  auto [args, message] = GENERATE_REF(table<std::vector<std::string>, std::string>({
      {time({"--epochs", ""}), "--epochs: empty value; expected a number from 0.01 to 1000"},
      {time({"--samples", "1000", "--avg-tokens", ""}), "--avg-tokens: empty value"},
      {time({"--tokens", ""}), "--tokens: empty value"},
      {vram({"--micro-batch", ""}), "--micro-batch: empty value"},
  }));
  check_usage_error(args, message);
}

TEST_CASE("LoRA target presets cannot be combined with other targets", "[bad_input_cli]") {
  auto args = GENERATE_REF(as<std::vector<std::string>>{},
                           vram({"--lora-targets", "qkvo", "qv", "--method", "lora"}),
                           vram({"--lora-targets", "all-linear,qv", "--method", "lora"}),
                           vram({"--lora-targets", "q_proj,qv", "--method", "lora"}));
  check_usage_error(args, "cannot be combined with other targets");
}

TEST_CASE("a mistyped command is named, with a suggestion and the list", "[bad_input_cli]") {
  check_usage_error({"vrma", "--model", "8b"},
                    "'vrma' is not a command (did you mean 'vram'? commands: models, gpus, vram, "
                    "time, plan, providers, catalog)");
}

TEST_CASE("every command's --help shows its own options", "[bad_input_cli]") {
  auto [command, option] = GENERATE(table<std::string, std::string>({
      {"models", "--format"},
      {"gpus", "--format"},
      {"vram", "--vram"},
      {"time", "--link-gb-per-s"},
      {"plan", "--hazard"},
      {"providers", "--provider"},
      {"catalog", "validate"},
  }));
  const auto run = run_ftcost({command, "--help"});
  CHECK(run.exit_code == 0);
  CHECK_THAT(run.out, Contains(option));
}
