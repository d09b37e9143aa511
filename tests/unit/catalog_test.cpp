// The catalog loader: good files, every malformed-file message, merging, ages, the embedded data.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "ftcost/base/error.hpp"
#include "ftcost/catalog/consistency.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/defaults.hpp"
#include "test_gpus.hpp"

using ftcost::Catalog;
using ftcost::InputError;
using ftcost::test::known_gpu_ids;

namespace {

const std::string kDir = std::string(FTCOST_TEST_DATA) + "/catalog/";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

Catalog parse_file(const std::string& relative) {
  const std::string name = std::filesystem::path(relative).filename().string();
  return ftcost::parse_catalog(read(kDir + relative), name, known_gpu_ids());
}

}  // namespace

TEST_CASE("a minimal catalog loads with every field", "[catalog]") {
  const Catalog c = parse_file("good/minimal.json");
  REQUIRE(c.providers.size() == 1);
  const ftcost::Provider& p = c.providers[0];
  CHECK(p.kind == ftcost::ProviderKind::Marketplace);
  CHECK(p.billing.granularity_s == 60);
  CHECK(p.storage.stopped_usd_per_gb_month == 0.2);
  CHECK(p.network.egress_free_gb_per_month == 10);
  REQUIRE(p.spot);
  CHECK(p.spot->cause == ftcost::InterruptionCause::Outbid);
  CHECK(p.reliability->value == 0.98);
  REQUIRE(c.offers.size() == 2);
  CHECK(c.offers[1].tier == ftcost::Tier::Spot);
  CHECK(c.offers[1].usd_per_hour == 0.2);
  CHECK(c.find_store("s3")->write_gb_per_s == 0.5);
}

TEST_CASE("malformed catalogs fail with one line naming the JSON path", "[catalog]") {
  const auto [file, message] = GENERATE(table<std::string, std::string>({
      {"wrong-type.json", "/offers/0/usd_per_hour: expected a number, got \"0.34\""},
      {"negative-price.json",
       "/offers/1/usd_per_hour: out of range: -0.4 (a number from 0 to 10000)"},
      {"zero-price.json", "/offers/0/usd_per_hour: usd_per_hour must be greater than 0, got 0"},
      {"unknown-gpu.json", "/offers/0/gpu: unknown GPU id 'rtx-4900' (did you mean 'rtx-4090'?)"},
      {"duplicate-offer.json", "/offers/2: duplicate of /offers/0 (p/rtx-4090/x1/on-demand)"},
      {"unknown-key.json", "/offers/0/usd_per_hr: unknown key (did you mean 'usd_per_hour'?)"},
      {"unknown-provider.json", "/offers/1/provider: unknown provider 'q' (one of p)"},
      {"spot-without-rules.json",
       "/offers/1/tier: provider 'p' has no spot rules (add \"spot\" to the provider, or use "
       "on-demand)"},
      {"bad-date.json", "/offers/0/as_of: invalid date '2026-02-30' (YYYY-MM-DD, YYYY-MM or YYYY)"},
      {"schema-version.json", "/schema_version: unsupported schema_version 2 (supported: 1)"},
      {"bad-enum.json",
       "/offers/0/tier: 'spott' is not one of on-demand, spot (did you mean 'spot'?)"},
      {"fractional-gpus.json", "/offers/0/gpus: expected an integer, got 1.5"},
      {"missing-key.json", "/providers/0/billing: missing required key 'minimum_s'"},
      {"unknown-store.json",
       "/providers/0/free_transfer_to_stores/0: unknown checkpoint store 's4'"},
      {"duplicate-provider.json", "/providers/1: duplicate of /providers/0 (p)"},
      {"not-an-object.json", "/: expected an object, got an array"},
  }));
  CAPTURE(file);
  CHECK_THROWS_WITH(parse_file("bad/" + file), file + ": " + message);
}

TEST_CASE("a syntax error names line and column", "[catalog]") {
  CHECK_THROWS_WITH(parse_file("bad/syntax-error.json"),
                    Catch::Matchers::StartsWith("syntax-error.json:3:14: invalid JSON: "));
}

TEST_CASE("catalog errors are invalid-data errors (exit code 3)", "[catalog]") {
  try {
    (void)parse_file("bad/negative-price.json");
    FAIL("no exception");
  } catch (const InputError& error) {
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
    CHECK(static_cast<int>(error.exit_code()) == 3);
  }
}

TEST_CASE("empty and oversized files are refused before parsing", "[catalog]") {
  const std::string empty = kDir + "bad/empty.json";
  CHECK_THROWS_WITH(ftcost::load_catalog_file(empty, known_gpu_ids()), empty + ": file is empty");
  const auto huge = std::filesystem::temp_directory_path() / "ftcost-100mb-catalog.json";
  { std::ofstream(huge.string()) << "{"; }
  std::filesystem::resize_file(huge, 100ULL * 1024 * 1024);  // sparse: costs no disk or time
  CHECK_THROWS_WITH(ftcost::load_catalog_file(huge.string(), known_gpu_ids()),
                    huge.string() + ": file is larger than the limit (at most 67108864 bytes)");
  std::filesystem::remove(huge);
}

TEST_CASE("a catalog overlay replaces matching offers and appends new ones", "[catalog]") {
  const Catalog base = parse_file("good/minimal.json");
  const Catalog overlay = ftcost::parse_catalog(read(kDir + "good/overlay.json"), "overlay.json",
                                                known_gpu_ids(), ftcost::CatalogRole::Overlay);
  const Catalog merged = ftcost::merge_catalogs(base, overlay, "overlay.json");
  REQUIRE(merged.offers.size() == 3);
  CHECK(merged.offers[0].usd_per_hour == 0.25);  // replaced in place
  CHECK(merged.offers[1].usd_per_hour == 0.2);   // untouched spot offer
  CHECK(merged.offers[2].gpu == "h100-sxm");     // appended
  CHECK(merged.offers[2].gpus == 8);
}

TEST_CASE("an overlay offer must name a known provider", "[catalog]") {
  const Catalog base = parse_file("good/minimal.json");
  const std::string text = R"({"schema_version": 1, "offers": [{"provider": "zz", "gpu": "t4",
    "gpus": 1, "tier": "on-demand", "usd_per_hour": 1, "source": "s", "as_of": "2026"}]})";
  const Catalog overlay =
      ftcost::parse_catalog(text, "add.json", known_gpu_ids(), ftcost::CatalogRole::Overlay);
  CHECK_THROWS_WITH(ftcost::merge_catalogs(base, overlay, "add.json"),
                    "add.json: /offers/0/provider: unknown provider 'zz' (a provider of the "
                    "catalog or of this file)");
}

TEST_CASE("dates: days since 1970 of full and partial dates", "[catalog]") {
  CHECK(ftcost::days_from_date("1970-01-01") == 0);
  CHECK(ftcost::days_from_date("2000-01-01") == 10957);  // 30 years incl. 7 leap days: 30*365+7
  CHECK(ftcost::days_from_date("2024-02-29") == *ftcost::days_from_date("2024-03-01") - 1);
  CHECK(ftcost::days_from_date("2026-06") == ftcost::days_from_date("2026-06-01"));
  CHECK(ftcost::days_from_date("2026") == ftcost::days_from_date("2026-01-01"));
  CHECK_FALSE(ftcost::days_from_date("2025-02-29"));
  CHECK_FALSE(ftcost::days_from_date("2026-13-01"));
  CHECK_FALSE(ftcost::days_from_date("undated"));
  CHECK_FALSE(ftcost::days_from_date("2026/01/01"));
}

TEST_CASE("age warnings: one line counting stale offers per provider", "[catalog]") {
  const Catalog c = parse_file("good/minimal.json");
  const std::int64_t today = *ftcost::days_from_date("2026-11-29");
  // 2026-09-25 to 2026-11-29: 5 days of September + 31 of October + 29 of November = 65.
  const auto lines = ftcost::catalog_age_warnings(c, "m.json", today, 60);
  REQUIRE(lines.size() == 1);
  CHECK(lines[0] ==
        "m.json: 2 of 2 offers are older than 60 days (p 2; oldest p 2026-09-25, 65 days)");
  CHECK(ftcost::catalog_age_warnings(c, "m.json", today, 65).empty());
}

TEST_CASE("the embedded catalog is valid and covers the required providers", "[catalog]") {
  const Catalog c = ftcost::parse_catalog(ftcost::embedded::default_providers_json(),
                                          "<built-in providers>", known_gpu_ids());
  std::set<std::string> ids;
  for (const auto& p : c.providers) {
    ids.insert(p.id);
  }
  for (const char* id : {"vast", "runpod-community", "runpod-secure", "lambda", "tensordock", "aws",
                         "gcp", "azure"}) {
    CHECK(ids.count(id) == 1);
  }
  CHECK(c.providers.size() >= 15);
  CHECK(c.offers.size() >= 100);
  for (const auto& offer : c.offers) {
    CAPTURE(ftcost::offer_key(offer));
    CHECK_FALSE(offer.source.empty());
    CHECK(ftcost::days_from_date(offer.as_of));
  }
  for (const char* store : {"s3", "gcs", "r2", "b2"}) {
    CHECK(c.find_store(store) != nullptr);
  }
}

TEST_CASE("doubtful prices are found: spot above on-demand, per-GPU as instance, no host",
          "[catalog][consistency]") {
  const Catalog c = parse_file("good/doubtful.json");
  // Unpriced offers are listed, not loaded, and not fatal: the other five load.
  REQUIRE(c.offers.size() == 5);
  REQUIRE(c.unpriced.size() == 2);
  CHECK(c.unpriced[0].where == "/offers/4");
  CHECK(c.unpriced[0].reason == "usd_per_hour is null");
  CHECK(c.unpriced[1].reason == "usd_per_hour is missing");
  CHECK(c.providers[0].storage.product.empty());  // documented optional
  const auto caveats = ftcost::offer_caveats(c);
  REQUIRE(caveats.size() == 3);
  CHECK(caveats[0].kind == ftcost::CaveatKind::SpotAboveOnDemand);
  CHECK(caveats[0].offer == 1);
  CHECK(caveats[0].other == 0);
  CHECK_THAT(caveats[0].text,
             Catch::Matchers::Contains(
                 "/offers/1 (p/h100-sxm/x1/spot) costs 2.5 $/h, above the on-demand /offers/0"));
  CHECK(caveats[1].kind == ftcost::CaveatKind::PerGpuAsInstance);
  CHECK(caveats[1].offer == 2);
  CHECK(caveats[2].kind == ftcost::CaveatKind::PartialPrice);
  CHECK(caveats[2].offer == 3);
}

TEST_CASE("the built-in catalog's only doubtful prices are GPU-only ones",
          "[catalog][consistency]") {
  const Catalog c = ftcost::parse_catalog(ftcost::embedded::default_providers_json(), "built-in",
                                          known_gpu_ids());
  const auto caveats = ftcost::offer_caveats(c);
  CHECK(caveats.size() == 13);  // 4 GCP accelerator-only and 9 Modal GPU-only prices
  for (const auto& caveat : caveats) {
    CHECK(caveat.kind == ftcost::CaveatKind::PartialPrice);
    CHECK((c.offers[caveat.offer].provider == "gcp" || c.offers[caveat.offer].provider == "modal"));
  }
}

TEST_CASE("checking a few offers gives the caveats the whole check gives them",
          "[catalog][consistency]") {
  const Catalog c = parse_file("good/doubtful.json");
  const auto all = ftcost::offer_caveats(c);
  const auto some = ftcost::offer_caveats(c, {3, 2, 0, 2});
  REQUIRE(some.size() == 2);  // offers 2 and 3; offer 0 has none
  CHECK(some[0].offer == all[1].offer);
  CHECK(some[0].text == all[1].text);
  CHECK(some[1].text == all[2].text);
}
