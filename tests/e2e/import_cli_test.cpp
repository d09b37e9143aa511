// Imported catalogs end to end: `plan --catalog-add` and `catalog validate` with SkyPilot,
// gpuhunt and Vast files, --region, --strict, --as-of, and what reaches stdout and stderr.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "run_ftcost.hpp"

using Catch::Matchers::Contains;
using ftcost::e2e::run_ftcost;

namespace {

const std::string kImport = std::string(FTCOST_TEST_DATA) + "/import/";

nlohmann::json plan_json(const std::vector<std::string>& extra, std::string* err = nullptr) {
  std::vector<std::string> args{"plan", "--model", "8b", "--method", "qlora", "--format", "json"};
  args.insert(args.end(), extra.begin(), extra.end());
  const auto run = run_ftcost(args);
  REQUIRE(run.exit_code == 0);
  if (err != nullptr) {
    *err = run.err;
  }
  return nlohmann::json::parse(run.out);
}

}  // namespace

TEST_CASE("plan over an imported SkyPilot catalog ranks its regional offers", "[e2e][import]") {
  std::string err;
  const auto plan = plan_json(
      {"--catalog-add", kImport + "skypilot/aws/vms.csv", "--provider", "aws", "--top", "0"}, &err);
  CHECK_THAT(err, Contains("skypilot catalog: 13 rows -> 8 offers of aws"));
  CHECK_THAT(err, Contains("skipped 3 rows: row 12 Price '-0.526': negative price"));
  CHECK_THAT(err, Contains("replaces the catalog's 6 offers of aws"));
  REQUIRE_FALSE(plan["plans"].empty());
  for (const auto& row : plan["plans"]) {
    CHECK(row["region"].is_string());  // every aws offer now comes from the import
    CHECK(row["offer_usd_per_gpu_hour"].get<double>() ==
          Approx(row["offer_usd_per_hour"].get<double>() / row["gpus_per_instance"].get<double>()));
    CHECK_THAT(row["offer_source"].get<std::string>(), Contains("skypilot import of vms.csv"));
  }
}

TEST_CASE("a vast: prefixed search result with --region keeps only matching places",
          "[e2e][import]") {
  const auto plan = plan_json({"--catalog-add", "vast:" + kImport + "vast/offers.json",
                               "--provider", "vast", "--region", "US", "--top", "0"});
  REQUIRE(plan["plans"].size() >= 2);
  for (const auto& row : plan["plans"]) {
    CHECK_THAT(row["region"].get<std::string>(), Contains(", US"));
    CHECK_THAT(row["instance_type"].get<std::string>(), Contains("ask "));
  }
}

TEST_CASE("a gpuhunt import shows a region column in the table and CSV", "[e2e][import]") {
  const auto table = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--catalog-add",
                                 kImport + "gpuhunt/lambdalabs.csv", "--provider", "lambda"});
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Contains("region"));
  CHECK_THAT(table.out, Contains("us-east-1"));
  const auto csv =
      run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--catalog-add",
                  kImport + "gpuhunt/lambdalabs.csv", "--provider", "lambda", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK_THAT(csv.out, Contains("\"region\",\"offer_usd_per_hour\",\"offer_usd_per_gpu_hour\""));
}

TEST_CASE("strict import turns a skipped row into one error line and exit 3", "[e2e][import]") {
  const auto run = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--strict",
                               "--catalog-add", "gpuhunt:" + kImport + "gpuhunt/bad.csv"});
  CHECK(run.exit_code == 3);
  CHECK(run.out.empty());
  CHECK_THAT(run.err, Contains("bad.csv: row 2: price 'abc': not a number"));
}

TEST_CASE("catalog validate imports and summarizes each format", "[e2e][import]") {
  const auto gcp = run_ftcost({"catalog", "validate", kImport + "skypilot/gcp/vms.csv"});
  CHECK(gcp.exit_code == 0);
  CHECK_THAT(gcp.out, Contains("skypilot catalog imported: 10 offers of gcp from 22 rows"));
  CHECK_THAT(gcp.err, Contains("P100 (1)"));
  const auto vast =
      run_ftcost({"catalog", "validate", "--as-of", "2026-12-01", kImport + "vast/offers.json"});
  CHECK(vast.exit_code == 0);
  CHECK_THAT(vast.out, Contains("as of 2026-12-01 (from --as-of)"));
}

TEST_CASE("a file in no known format, and a bad --as-of, are refused", "[e2e][import]") {
  const auto unknown = run_ftcost({"catalog", "validate", kImport + "not-a-catalog.csv"});
  CHECK(unknown.exit_code == 3);
  CHECK_THAT(unknown.err, Contains("not a catalog format ftcost reads"));
  const auto as_of = run_ftcost({"plan", "--model", "8b", "--method", "qlora", "--as-of",
                                 "yesterday", "--catalog-add", kImport + "vast/offers.json"});
  CHECK(as_of.exit_code == 2);
  CHECK_THAT(as_of.err, Contains("--as-of"));
}
