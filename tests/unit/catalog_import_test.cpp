// Importing other tools' catalogs: format detection, prefixes, provider and GPU names, the overlay
// import_catalog builds (duplicates, unknown GPUs, synthesized providers, as_of, --strict), and
// the planner's --region filter and one-region-per-shape ranking.
#include "ftcost/load/catalog_import.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "ftcost/base/error.hpp"
#include "ftcost/load/catalog_load.hpp"
#include "ftcost/load/defaults.hpp"
#include "ftcost/load/gpu_load.hpp"
#include "ftcost/plan/planner.hpp"

using ftcost::CatalogFormat;
using ftcost::ImportOptions;

namespace {

const std::string kDir = std::string(FTCOST_TEST_DATA) + "/import/";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

const ftcost::Catalog& builtin() {
  static const ftcost::Catalog catalog = [] {
    std::vector<std::string> ids;
    for (const ftcost::Gpu& gpu : ftcost::default_gpus()) {
      ids.push_back(gpu.id);
    }
    return ftcost::parse_catalog(ftcost::embedded::default_providers_json(), "<built-in>", ids);
  }();
  return catalog;
}

ftcost::ImportedCatalog import_file(const std::string& relative, CatalogFormat format,
                                    const std::string& provider, bool strict = false) {
  const ImportOptions options{.format = format,
                              .provider = provider,
                              .as_of_flag = "",
                              .file_date = "2026-12-01",
                              .strict = strict};
  return ftcost::import_catalog(read(kDir + relative), relative, options, ftcost::default_gpus(),
                                builtin());
}

const ftcost::Offer* find_offer(const ftcost::Catalog& c, const std::string& gpu,
                                ftcost::Tier tier) {
  const auto it = std::find_if(c.offers.begin(), c.offers.end(), [&](const ftcost::Offer& o) {
    return o.gpu == gpu && o.tier == tier;
  });
  return it == c.offers.end() ? nullptr : &*it;
}

}  // namespace

TEST_CASE("catalog formats are told apart by prefix and by content", "[import]") {
  CHECK(ftcost::split_catalog_spec("skypilot:aws/vms.csv").format == CatalogFormat::SkyPilot);
  CHECK(ftcost::split_catalog_spec("skypilot:aws/vms.csv").path == "aws/vms.csv");
  CHECK(ftcost::split_catalog_spec("vast:offers.json").format == CatalogFormat::Vast);
  CHECK_FALSE(ftcost::split_catalog_spec("C:/prices.json").format);
  CHECK_FALSE(ftcost::split_catalog_spec("ftcost:prices.json").format);
  CHECK(ftcost::split_catalog_spec("ftcost:prices.json").path == "ftcost:prices.json");

  CHECK(ftcost::detect_catalog_format(read(kDir + "skypilot/gcp/vms.csv")) ==
        CatalogFormat::SkyPilot);
  CHECK(ftcost::detect_catalog_format(read(kDir + "gpuhunt/aws.csv")) == CatalogFormat::Gpuhunt);
  CHECK(ftcost::detect_catalog_format(read(kDir + "vast/offers.json")) == CatalogFormat::Vast);
  CHECK(ftcost::detect_catalog_format(read(kDir + "vast/offers-wrapped.json")) ==
        CatalogFormat::Vast);
  CHECK(ftcost::detect_catalog_format(R"({"providers": []})") == CatalogFormat::Ftcost);
  CHECK(ftcost::detect_catalog_format(R"({"schema_version": 1, "offers": []})") ==
        CatalogFormat::Ftcost);
  CHECK_FALSE(ftcost::detect_catalog_format("name,price\nx,1\n"));
  CHECK_FALSE(ftcost::detect_catalog_format("[1, 2]"));
}

TEST_CASE("the provider comes from SkyPilot's directory or the file's stem", "[import]") {
  CHECK(ftcost::provider_from_path("catalogs/v8/gcp/vms.csv", CatalogFormat::SkyPilot) == "gcp");
  CHECK(ftcost::provider_from_path("lambdalabs.csv", CatalogFormat::Gpuhunt) == "lambdalabs");
  CHECK(ftcost::provider_from_path("v3/aws/catalog.csv", CatalogFormat::Gpuhunt) == "aws");
  CHECK(ftcost::provider_from_path("anything.json", CatalogFormat::Vast) == "vast");
  CHECK(ftcost::imported_provider_id("lambdalabs") == "lambda");
  CHECK(ftcost::imported_provider_id("datacrunch") == "verda");
  CHECK(ftcost::imported_provider_id("Nebius_AI") == "nebius-ai");
}

TEST_CASE("other tools' GPU names map to ftcost ids, memory telling variants apart", "[import]") {
  const auto& gpus = ftcost::default_gpus();
  const auto id = [&](std::string_view name, std::optional<double> memory = std::nullopt) {
    return ftcost::imported_gpu_id(name, memory, gpus).value_or("?");
  };
  CHECK(id("A100") == "a100-40gb-sxm");  // SkyPilot's A100 is the 40 GB board
  CHECK(id("A100-80GB") == "a100-80gb-sxm");
  CHECK(id("A100", 80.0) == "a100-80gb-sxm");  // gpuhunt: name + gpu_memory
  CHECK(id("A100 SXM4", 80.0) == "a100-80gb-sxm");
  CHECK(id("A100 PCIE", 40.0) == "a100-40gb-pcie");
  CHECK(id("H100") == "h100-sxm");
  CHECK(id("H100", 94.0) == "h100-nvl");
  CHECK(id("H100-MEGA") == "h100-sxm");
  CHECK(id("H100 SXM") == "h100-sxm");
  CHECK(id("H100 PCIe") == "h100-pcie");
  CHECK(id("H200", 140.0) == "h200-sxm");  // Vast's gpu_ram / 1024 rounds to 140
  CHECK(id("RTX 4090", 24.0) == "rtx-4090");
  CHECK(id("RTX4090") == "rtx-4090");
  CHECK(id("RTX A6000") == "rtx-a6000");
  CHECK(id("RTX 6000Ada") == "rtx-6000-ada");
  CHECK(id("Tesla V100", 32.0) == "v100-sxm2-32gb");
  CHECK(id("V100") == "v100-sxm2-16gb");
  CHECK(id("GH200", 144.0) == "gh200-144gb");
  CHECK(id("L40S", 24.0) == "?");  // a stated memory that contradicts the name
  CHECK(id("TPU-V5") == "?");
  CHECK(id("P100") == "?");
}

TEST_CASE("a SkyPilot GCP import joins hosts, maps GPUs and replaces nothing by itself",
          "[import]") {
  const auto imported = import_file("skypilot/gcp/vms.csv", CatalogFormat::SkyPilot, "gcp");
  const ftcost::ImportReport& r = imported.report;
  CHECK(r.rows == 22);
  CHECK(r.providers == std::vector<std::string>{"gcp"});
  CHECK(r.synthesized_providers.empty());
  CHECK(r.unknown_gpus.at("P100") == 1);
  CHECK(r.as_of == "2026-12-01");
  CHECK(r.as_of_basis == ftcost::AsOfBasis::FileTime);
  const ftcost::Offer* a100 = find_offer(imported.overlay, "a100-40gb-sxm", ftcost::Tier::OnDemand);
  REQUIRE(a100 != nullptr);
  CHECK(a100->instance_type == "a2-highgpu-1g");
  CHECK(a100->usd_per_hour == Approx(0.73948 + 2.933908));
  CHECK(a100->region == "us-central1");
  CHECK(a100->as_of == "2026-12-01");
  CHECK_THAT(a100->source, Catch::Matchers::StartsWith("skypilot import of vms.csv row "));
  CHECK(imported.overlay.offers.size() == r.offers);
}

TEST_CASE("a gpuhunt import maps the PCIe variant from the instance type", "[import]") {
  const auto imported = import_file("gpuhunt/lambdalabs.csv", CatalogFormat::Gpuhunt, "lambda");
  CHECK(imported.report.offers == 4);
  const ftcost::Offer* h100 = find_offer(imported.overlay, "h100-pcie", ftcost::Tier::OnDemand);
  REQUIRE(h100 != nullptr);
  CHECK(h100->usd_per_hour == 2.49);
  CHECK(h100->region == "us-west-3");
  const ftcost::Offer* a100 = find_offer(imported.overlay, "a100-80gb-sxm", ftcost::Tier::OnDemand);
  REQUIRE(a100 != nullptr);
  CHECK(a100->gpus == 8);
  CHECK(ftcost::usd_per_gpu_hour(*a100) == Approx(14.32 / 8));
}

TEST_CASE("a Vast import keeps each ask's disk, bandwidth and reliability", "[import]") {
  const auto imported = import_file("vast/offers.json", CatalogFormat::Vast, "vast");
  CHECK(imported.report.rows == 7);
  CHECK(imported.report.skipped.size() == 2);
  const ftcost::Offer* ask = find_offer(imported.overlay, "rtx-4090", ftcost::Tier::OnDemand);
  REQUIRE(ask != nullptr);
  CHECK(ask->instance_type == "ask 12345678");
  CHECK(ask->usd_per_hour == 0.35137);
  CHECK(ask->storage_usd_per_gb_month == 0.2);
  CHECK(ask->egress_usd_per_gb == 0.004);
  CHECK(ask->reliability == 0.9961);
  CHECK(ask->region == "Texas, US");
  const ftcost::Offer* bid = find_offer(imported.overlay, "rtx-4090", ftcost::Tier::Spot);
  REQUIRE(bid != nullptr);
  CHECK(bid->usd_per_hour == 0.20137);  // min_bid 0.20 + the disk share of dph_total, rounded
}

TEST_CASE("an unknown provider gets the catalog's median rules, marked as assumptions",
          "[import]") {
  const auto imported = import_file("gpuhunt/aws.csv", CatalogFormat::Gpuhunt, "nebius");
  REQUIRE(imported.report.synthesized_providers == std::vector<std::string>{"nebius"});
  REQUIRE(imported.overlay.providers.size() == 1);
  const ftcost::Provider& p = imported.overlay.providers.front();
  CHECK(p.storage.assumption);
  CHECK(p.network.assumption);
  CHECK(p.billing.assumption);
  CHECK_THAT(p.storage.source, Catch::Matchers::Contains("median of the catalog's"));
  CHECK(p.spot.has_value());  // the file has spot rows
  // The overlay merges: its offers name a provider it defines.
  const ftcost::Catalog merged = ftcost::merge_catalogs(builtin(), imported.overlay, "aws.csv");
  CHECK(merged.find_provider("nebius") != nullptr);
}

TEST_CASE("strict import makes the first bad row or unknown GPU an error naming it", "[import]") {
  try {
    (void)import_file("gpuhunt/bad.csv", CatalogFormat::Gpuhunt, "aws", true);
    FAIL("expected an InputError");
  } catch (const ftcost::InputError& e) {
    CHECK(e.exit_code() == ftcost::ExitCode::InvalidData);
    CHECK(e.where() == "row 2");
    CHECK_THAT(e.problem(), Catch::Matchers::Contains("price 'abc'"));
  }
  CHECK_THROWS_AS(import_file("gpuhunt/aws.csv", CatalogFormat::Gpuhunt, "aws", true),
                  ftcost::InputError);  // RadeonProV520 is not a GPU ftcost knows
}

TEST_CASE("an --as-of date wins over the file date; without either the import is refused",
          "[import]") {
  ImportOptions options{.format = CatalogFormat::Gpuhunt,
                        .provider = "lambda",
                        .as_of_flag = "2026-11-30",
                        .file_date = "2026-12-01",
                        .strict = false};
  const std::string text = read(kDir + "gpuhunt/lambdalabs.csv");
  const auto flagged =
      ftcost::import_catalog(text, "x.csv", options, ftcost::default_gpus(), builtin());
  CHECK(flagged.report.as_of_basis == ftcost::AsOfBasis::Flag);
  CHECK(flagged.overlay.offers.front().as_of == "2026-11-30");
  options.as_of_flag.clear();
  options.file_date.clear();
  CHECK_THROWS_AS(ftcost::import_catalog(text, "x.csv", options, ftcost::default_gpus(), builtin()),
                  ftcost::InputError);
}

TEST_CASE("region filters match a region, its prefix at '-', or a part of a place", "[import]") {
  CHECK(ftcost::region_matches("us-east-1", "us-east-1"));
  CHECK(ftcost::region_matches("us-east-1", "US-EAST"));
  CHECK(ftcost::region_matches("europe-west4", "europe"));
  CHECK(ftcost::region_matches("Texas, US", "US"));
  CHECK(ftcost::region_matches("Texas, US", "texas"));
  CHECK_FALSE(ftcost::region_matches("australia-southeast1", "us"));
  CHECK_FALSE(ftcost::region_matches("us-east-1", "us-ea"));
  CHECK_FALSE(ftcost::region_matches("", "us"));
}

TEST_CASE("hostile rows are skipped, the rest of the file imports", "[import]") {
  // Invalid UTF-8, an escape sequence, a price of 1e308 and a short row; one good row remains.
  const auto imported = import_file("hostile/aws/vms.csv", CatalogFormat::SkyPilot, "aws");
  CHECK(imported.report.rows == 5);
  REQUIRE(imported.overlay.offers.size() == 2);  // g5.xlarge on-demand and spot
  CHECK(imported.overlay.offers.front().instance_type == "g5.xlarge");
  std::size_t out_of_range = 0;
  std::size_t bad_text = 0;
  for (const auto& row : imported.report.skipped) {
    out_of_range += row.problem.find("price 1e+308 $/h is out of range") != std::string::npos;
    bad_text += row.problem.find("control characters or invalid UTF-8") != std::string::npos;
  }
  CHECK(out_of_range == 1);
  CHECK(bad_text >= 2);
}

TEST_CASE("a stray quote or a repeated column refuses the file, naming where", "[import]") {
  try {
    (void)import_file("hostile/stray-quote.csv", CatalogFormat::SkyPilot, "aws");
    FAIL("expected an InputError");
  } catch (const ftcost::InputError& e) {
    CHECK(e.where() == "line 3");
    CHECK_THAT(e.problem(), Catch::Matchers::Contains("stray or unterminated quote"));
  }
  try {
    (void)import_file("hostile/duplicate-header.csv", CatalogFormat::SkyPilot, "aws");
    FAIL("expected an InputError");
  } catch (const ftcost::InputError& e) {
    CHECK(e.problem() == "column 'Region' appears twice");
  }
}

TEST_CASE("PCIe and NVL variants come from GpuInfo or the instance type", "[import]") {
  // Azure's NC A100 v4 is the PCIe card and NC H100 v5 the H100 NVL; the ND series are SXM.
  const auto azure = import_file("hostile/azure/vms.csv", CatalogFormat::SkyPilot, "azure");
  std::set<std::string> gpus;
  for (const auto& offer : azure.overlay.offers) {
    gpus.insert(offer.instance_type + "=" + offer.gpu);
  }
  CHECK(gpus.count("Standard_NC24ads_A100_v4=a100-80gb-pcie") == 1);
  CHECK(gpus.count("Standard_NC40ads_H100_v5=h100-nvl") == 1);
  CHECK(gpus.count("Standard_ND96isr_H100_v5=h100-sxm") == 1);
  // RunPod's A100-80GB is a PCIe card: GpuInfo's 'Name': 'A100 PCIe' says so.
  const auto runpod = import_file("skypilot/runpod/vms.csv", CatalogFormat::SkyPilot, "runpod");
  CHECK(find_offer(runpod.overlay, "a100-80gb-pcie", ftcost::Tier::OnDemand) != nullptr);
  CHECK(find_offer(runpod.overlay, "a100-80gb-sxm", ftcost::Tier::OnDemand) == nullptr);
}

TEST_CASE("a relative path still names its cloud directory", "[import]") {
  const std::string dir = kDir + "skypilot/aws";
  CHECK(ftcost::provider_from_path(dir + "/../aws/./vms.csv", CatalogFormat::SkyPilot) == "aws");
  CHECK(ftcost::imported_provider_id("runpod") == "runpod-secure");
}
