// Workload flags: token counts with suffixes, samples x average tokens, epochs and defaults.
#include "ftcost/duration/workload.hpp"

#include <catch2/catch.hpp>

#include "ftcost/base/error.hpp"

namespace {

// Builds a request field by field (designated initializers would warn about the rest).
ftcost::WorkloadRequest request(std::optional<double> tokens, std::optional<std::int64_t> samples,
                                std::optional<double> avg_tokens,
                                std::optional<double> epochs = std::nullopt) {
  ftcost::WorkloadRequest built;
  built.tokens = tokens;
  built.samples = samples;
  built.avg_tokens = avg_tokens;
  built.epochs = epochs;
  return built;
}

}  // namespace

TEST_CASE("token counts accept k, M, B and T suffixes", "[workload]") {
  CHECK(ftcost::parse_token_count("50M", "--tokens") == 50e6);
  CHECK(ftcost::parse_token_count("1.2B", "--tokens") == Approx(1.2e9));
  CHECK(ftcost::parse_token_count("750k", "--tokens") == 750e3);
  CHECK(ftcost::parse_token_count("2e6", "--tokens") == 2e6);
  CHECK(ftcost::parse_token_count("123456", "--tokens") == 123456);
}

TEST_CASE("zero, negative and malformed token counts are usage errors", "[workload]") {
  const auto text = GENERATE(as<std::string>{}, "0", "-5M", "", "12Q", "M", "1.2.3B", "nan", "0x10",
                             "1e300T", "0.0000001", "2e15", "inf");
  try {
    (void)ftcost::parse_token_count(text, "--tokens");
    FAIL("expected InputError for '" << text << "'");
  } catch (const ftcost::InputError& error) {
    CHECK(error.where() == "--tokens");
    CHECK(error.exit_code() == ftcost::ExitCode::Usage);
  }
}

TEST_CASE("samples times average tokens times epochs gives the training tokens", "[workload]") {
  const auto resolved = ftcost::resolve_workload(request(std::nullopt, 10000, 512.0, 3.0));
  CHECK(resolved.workload.dataset_tokens == 5120000);  // 10,000 x 512
  CHECK(resolved.workload.epochs == 3);
  REQUIRE(resolved.workload.avg_sample_tokens);
  CHECK(*resolved.workload.avg_sample_tokens == 512);
  // Unpacked by default, and --avg-tokens gives no spread: both are stated.
  REQUIRE(resolved.assumptions.size() == 2);
  CHECK_THAT(resolved.assumptions[0].text, Catch::StartsWith("--packing off (default"));
  CHECK_THAT(resolved.assumptions[1].text, Catch::StartsWith("every sample assumed 512 tokens"));
}

TEST_CASE("with packing on nothing is assumed: sequences are full by construction", "[workload]") {
  auto packed = request(std::nullopt, 10000, 512.0, 3.0);
  packed.packing = ftcost::Packing::On;
  const auto resolved = ftcost::resolve_workload(packed);
  CHECK(resolved.workload.packing == ftcost::Packing::On);
  CHECK(resolved.assumptions.empty());
}

TEST_CASE("a dataset's characters become tokens at 4 characters per token", "[workload]") {
  ftcost::WorkloadRequest with_dataset;
  with_dataset.dataset =
      ftcost::DatasetStats{.samples = 3, .text_chars = 4000, .sample_lengths = {}};
  const auto resolved = ftcost::resolve_workload(with_dataset);
  CHECK(resolved.workload.dataset_tokens == 1000);  // 4,000 / 4
  REQUIRE(resolved.assumptions.size() == 2);
  CHECK_THAT(resolved.assumptions[0].text, Catch::Contains("4 characters per token"));
  // No per-sample lengths in this hand-made count: full sequences are assumed and stated.
  CHECK_THAT(resolved.assumptions[1].text, Catch::StartsWith("sample lengths unknown"));
}

TEST_CASE("without workload flags the documented default is assumed and stated", "[workload]") {
  const auto resolved = ftcost::resolve_workload({});
  CHECK(resolved.workload.dataset_tokens == 50e6);
  CHECK(resolved.workload.epochs == 1);
  REQUIRE(resolved.assumptions.size() == 2);
  CHECK_THAT(resolved.assumptions[0].text, Catch::Contains("50M-token"));
  CHECK_THAT(resolved.assumptions[1].text, Catch::StartsWith("sample lengths unknown"));
}

TEST_CASE("bad workload combinations are usage errors naming the flag", "[workload]") {
  auto [bad, where] = GENERATE(table<ftcost::WorkloadRequest, std::string>({
      {request(1e6, 10, 5.0), "--tokens"},
      {request(std::nullopt, 10, std::nullopt), "--avg-tokens"},
      {request(std::nullopt, std::nullopt, 10.0), "--samples"},
      {request(1e6, std::nullopt, std::nullopt, 0.0), "--epochs"},
      {request(1e6, std::nullopt, std::nullopt, -1.0), "--epochs"},
      {request(std::nullopt, 0, 5.0), "--samples"},
      {request(-3.0, std::nullopt, std::nullopt), "--tokens"},
      // 1e9 samples x 1e7 tokens = 1e16 tokens, above kMaxDatasetTokens (1e15).
      {request(std::nullopt, 1'000'000'000, 1e7), "--samples"},
  }));
  try {
    (void)ftcost::resolve_workload(bad);
    FAIL("expected InputError");
  } catch (const ftcost::InputError& error) {
    CHECK(error.where() == where);
  }
}

TEST_CASE("the dataset note counts one sample and small token counts plainly", "[workload]") {
  // 1 sample of 400 characters at 4 characters per token = 100 tokens (was "1 samples, 0k").
  ftcost::WorkloadRequest with_dataset;
  with_dataset.dataset =
      ftcost::DatasetStats{.samples = 1, .text_chars = 400, .sample_lengths = {}};
  const auto resolved = ftcost::resolve_workload(with_dataset);
  REQUIRE(resolved.assumptions.size() == 2);
  CHECK_THAT(resolved.assumptions[0].text, Catch::StartsWith("1 sample, 100 tokens estimated"));
}
