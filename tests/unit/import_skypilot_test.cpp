// Tests of the SkyPilot catalog importer on small files in the real per-cloud layouts
// (tests/data/import/skypilot/<cloud>/vms.csv) and on inline edge cases.
#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "ftcost/base/error.hpp"
#include "load/import/imported_rows.hpp"

namespace {

using ftcost::ExitCode;
using ftcost::InputError;
using ftcost::Tier;
using ftcost::load::ImportedOffer;
using ftcost::load::ImportRows;
using ftcost::load::read_skypilot_csv;
using ftcost::load::SkippedRow;

std::string fixture(const std::string& cloud) {
  const std::string path = std::string(FTCOST_TEST_DATA) + "/import/skypilot/" + cloud + "/vms.csv";
  std::ifstream stream(path, std::ios::binary);
  REQUIRE(stream);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

ImportRows read_fixture(const std::string& cloud) {
  return read_skypilot_csv(fixture(cloud), cloud + "/vms.csv", cloud);
}

/// The one offer of this shape, region and tier (the reader keeps one per key).
const ImportedOffer& offer(const ImportRows& rows, const std::string& instance,
                           const std::string& region, Tier tier) {
  const auto matches = [&](const ImportedOffer& o) {
    return o.instance_type == instance && o.region == region && o.tier == tier;
  };
  REQUIRE(std::count_if(rows.offers.begin(), rows.offers.end(), matches) == 1);
  return *std::find_if(rows.offers.begin(), rows.offers.end(), matches);
}

bool has_offer(const ImportRows& rows, const std::string& instance, const std::string& region,
               Tier tier) {
  return std::any_of(rows.offers.begin(), rows.offers.end(), [&](const ImportedOffer& o) {
    return o.instance_type == instance && o.region == region && o.tier == tier;
  });
}

std::optional<SkippedRow> skipped_at(const ImportRows& rows, const std::string& where) {
  const auto it = std::find_if(rows.skipped.begin(), rows.skipped.end(),
                               [&](const SkippedRow& s) { return s.where == where; });
  return it == rows.skipped.end() ? std::nullopt : std::optional(*it);
}

constexpr const char* kAwsHeader =
    "InstanceType,AcceleratorName,AcceleratorCount,vCPUs,MemoryGiB,GpuInfo,Price,SpotPrice,"
    "Region,AvailabilityZone,Arch\n";

}  // namespace

TEST_CASE("skypilot aws v8: one offer per tier, per-zone rows kept once at the lowest price",
          "[import][skypilot]") {
  const ImportRows rows = read_fixture("aws");
  CHECK(rows.rows == 13);
  CHECK(rows.offers.size() == 8);

  const ImportedOffer& p5 = offer(rows, "p5.48xlarge", "us-east-1", Tier::OnDemand);
  CHECK(p5.provider == "aws");
  CHECK(p5.gpu_name == "H100");
  CHECK(p5.gpus == 8);  // written "8.0"
  CHECK(p5.usd_per_hour == Approx(98.32));
  CHECK(p5.where == "row 4");
  CHECK_FALSE(p5.gpu_memory_gb.has_value());
  CHECK(p5.as_of.empty());
  CHECK(p5.note.empty());
  // Three us-east-1 spot rows (two zones, one exact duplicate): the cheaper zone's price.
  const ImportedOffer& p5_spot = offer(rows, "p5.48xlarge", "us-east-1", Tier::Spot);
  CHECK(p5_spot.usd_per_hour == Approx(29.8711));
  CHECK(p5_spot.where == "row 5");
  CHECK(offer(rows, "p5.48xlarge", "us-west-2", Tier::Spot).usd_per_hour == Approx(31.0925));

  CHECK(offer(rows, "g5.xlarge", "us-east-1", Tier::Spot).usd_per_hour == Approx(0.4216));
  CHECK(offer(rows, "g5.xlarge", "eu-west-1", Tier::OnDemand).usd_per_hour == Approx(1.123));
  CHECK_FALSE(has_offer(rows, "g5.xlarge", "eu-west-1", Tier::Spot));  // empty SpotPrice
  // A malformed SpotPrice only costs the spot offer: the row still gives its on-demand one.
  CHECK(offer(rows, "p4d.24xlarge", "us-west-2", Tier::OnDemand).usd_per_hour == Approx(32.7726));
  CHECK_FALSE(has_offer(rows, "p4d.24xlarge", "us-west-2", Tier::Spot));
  // CPU hosts are not offers and not skipped.
  CHECK_FALSE(has_offer(rows, "m5.large", "us-east-1", Tier::OnDemand));
}

TEST_CASE("skypilot aws: rows without an offer are skipped with column, value and reason",
          "[import][skypilot]") {
  const ImportRows rows = read_fixture("aws");
  REQUIRE(rows.skipped.size() == 3);
  const auto negative = skipped_at(rows, "row 12");
  REQUIRE(negative);
  CHECK(negative->field == "Price");
  CHECK(negative->value == "-0.526");
  CHECK(negative->problem == "negative price");
  const auto unpriced = skipped_at(rows, "row 13");
  REQUIRE(unpriced);
  CHECK(unpriced->field == "Price");
  CHECK(unpriced->value.empty());
  CHECK(unpriced->problem == "no on-demand or spot price");
  const auto count = skipped_at(rows, "row 14");
  REQUIRE(count);
  CHECK(count->field == "AcceleratorCount");
  CHECK(count->value == "one");
  CHECK(count->problem == "not a number");
}

TEST_CASE("skypilot gcp: a GPU VM is its host row plus its accelerator row in the same zone",
          "[import][skypilot]") {
  const ImportRows rows = read_fixture("gcp");
  CHECK(rows.rows == 22);
  CHECK(rows.offers.size() == 11);

  // Three A100 rows (one exact duplicate, two zones) give one offer per tier in us-central1.
  const ImportedOffer& a100 = offer(rows, "a2-highgpu-1g", "us-central1", Tier::OnDemand);
  CHECK(a100.provider == "gcp");
  CHECK(a100.gpu_name == "A100");
  CHECK(a100.gpus == 1);
  CHECK(a100.usd_per_hour == Approx(0.73948 + 2.933908));
  CHECK(a100.where == "row 11");  // the accelerator row
  CHECK(a100.note == "GCP: host a2-highgpu-1g $0.73948/h + 1 x A100 $2.933908/h");
  const ImportedOffer& a100_spot = offer(rows, "a2-highgpu-1g", "us-central1", Tier::Spot);
  CHECK(a100_spot.usd_per_hour == Approx(0.36975 + 1.2));
  CHECK(a100_spot.note == "GCP: host a2-highgpu-1g $0.36975/h + 1 x A100 $1.2/h");

  const ImportedOffer& h100 = offer(rows, "a3-highgpu-8g", "us-central1", Tier::OnDemand);
  CHECK(h100.gpus == 8);
  CHECK(h100.usd_per_hour == Approx(9.46006 + 78.7856));
  CHECK(offer(rows, "a3-highgpu-8g", "us-central1", Tier::Spot).usd_per_hour ==
        Approx(2.88933 + 20.0));
  // One L4 fits g2-standard-4 to -32: the cheapest present is taken.
  CHECK(offer(rows, "g2-standard-4", "us-central1", Tier::OnDemand).usd_per_hour ==
        Approx(0.14878 + 0.56));
  CHECK_FALSE(has_offer(rows, "g2-standard-8", "us-central1", Tier::OnDemand));
}

TEST_CASE("skypilot gcp: other GPUs get the cheapest n1 host with SkyPilot's vCPUs and memory",
          "[import][skypilot]") {
  const ImportRows rows = read_fixture("gcp");
  // 1 x T4 wants 4+ vCPUs and 16+ GiB: n1-standard-4 has 15 GiB, n1-highmem-4 is next cheapest.
  const ImportedOffer& t4 = offer(rows, "n1-highmem-4", "us-central1", Tier::OnDemand);
  CHECK(t4.gpu_name == "T4");
  CHECK(t4.usd_per_hour == Approx(0.236606 + 0.35));
  CHECK(offer(rows, "n1-highmem-4", "us-central1", Tier::Spot).usd_per_hour ==
        Approx(0.05 + 0.175));
  // 1 x V100 wants 8+ vCPUs and 32+ GiB: n1-standard-8 has 30 GiB.
  const ImportedOffer& v100 = offer(rows, "n1-highmem-8", "us-central1", Tier::OnDemand);
  CHECK(v100.gpu_name == "V100");
  CHECK(v100.usd_per_hour == Approx(0.473212 + 2.48));
  CHECK_FALSE(has_offer(rows, "n1-standard-8", "us-central1", Tier::OnDemand));
}

TEST_CASE("skypilot gcp: placeholder prices, missing hosts and TPUs", "[import][skypilot]") {
  const ImportRows rows = read_fixture("gcp");
  // P100: on-demand is the 700 placeholder, so only the spot offer remains (not a skip).
  const auto p100 = std::find_if(rows.offers.begin(), rows.offers.end(),
                                 [](const ImportedOffer& o) { return o.gpu_name == "P100"; });
  REQUIRE(p100 != rows.offers.end());
  CHECK(p100->tier == Tier::Spot);
  CHECK(p100->instance_type == "n1-highmem-8");
  CHECK(p100->usd_per_hour == Approx(0.1 + 0.584));
  CHECK(std::count_if(rows.offers.begin(), rows.offers.end(),
                      [](const ImportedOffer& o) { return o.gpu_name == "P100"; }) == 1);

  REQUIRE(rows.skipped.size() == 3);
  const auto no_host = skipped_at(rows, "row 14");
  REQUIRE(no_host);
  CHECK(no_host->field == "AcceleratorName");
  CHECK(no_host->value == "A100");
  CHECK(no_host->problem == "no host row a2-highgpu-1g in europe-west4-a");
  const auto placeholder = skipped_at(rows, "row 20");
  REQUIRE(placeholder);
  CHECK(placeholder->field == "Price");
  CHECK(placeholder->value == "700.0");
  CHECK(placeholder->problem == "placeholder price 700 (missing)");
  const auto no_n1 = skipped_at(rows, "row 21");
  REQUIRE(no_n1);
  CHECK(no_n1->problem == "no host row n1-* with 32+ vCPUs in us-central1-a");
  // TPU rows are neither offers nor skipped.
  CHECK_FALSE(skipped_at(rows, "row 22"));
  CHECK_FALSE(skipped_at(rows, "row 23"));
  CHECK(std::none_of(rows.offers.begin(), rows.offers.end(),
                     [](const ImportedOffer& o) { return o.gpu_name.starts_with("tpu"); }));
}

TEST_CASE("skypilot gcp: without AvailabilityZone hosts join within the region",
          "[import][skypilot]") {
  const std::string text =
      "InstanceType,vCPUs,MemoryGiB,AcceleratorName,AcceleratorCount,GpuInfo,Region,Price,"
      "SpotPrice\n"
      "a3-highgpu-8g,208.0,1872.0,,,,us-central1,9.5,2.9\n"
      ",,,H100,8,H100,us-central1,80.00,20.00\n"
      ",,,H100,4,H100,us-central1,40.00,10.00\n"
      ",,,H100-MEGA,4,H100,us-central1,40.00,10.00\n";
  const ImportRows rows = read_skypilot_csv(text, "gcp/vms.csv", "gcp");
  CHECK(offer(rows, "a3-highgpu-8g", "us-central1", Tier::OnDemand).usd_per_hour == Approx(89.5));
  CHECK(offer(rows, "a3-highgpu-8g", "us-central1", Tier::Spot).usd_per_hour == Approx(22.9));
  REQUIRE(rows.skipped.size() == 2);
  CHECK(rows.skipped[0].problem == "no host row a3-highgpu-4g in us-central1");
  CHECK(rows.skipped[1].problem == "no GCP host type for 4 x H100-MEGA");
}

TEST_CASE("skypilot lambda v7: no Arch, no AvailabilityZone, no spot", "[import][skypilot]") {
  const ImportRows rows = read_fixture("lambda");
  CHECK(rows.rows == 6);
  CHECK(rows.skipped.empty());
  REQUIRE(rows.offers.size() == 5);
  CHECK(std::all_of(rows.offers.begin(), rows.offers.end(), [](const ImportedOffer& o) {
    return o.provider == "lambda" && o.tier == Tier::OnDemand;
  }));
  const ImportedOffer& v100 = offer(rows, "gpu_8x_v100", "us-west-1", Tier::OnDemand);
  CHECK(v100.gpus == 8);
  CHECK(v100.usd_per_hour == Approx(4.4));
  const ImportedOffer& a100 = offer(rows, "gpu_8x_a100_80gb_sxm4", "us-east-1", Tier::OnDemand);
  CHECK(a100.gpu_name == "A100-80GB");
  CHECK(a100.usd_per_hour == Approx(14.32));
}

TEST_CASE("skypilot runpod: secure and community are separate providers", "[import][skypilot]") {
  const ImportRows rows = read_fixture("runpod");
  CHECK(rows.rows == 6);
  CHECK(rows.skipped.empty());
  CHECK(rows.offers.size() == 9);
  const ImportedOffer& secure = offer(rows, "1x_A100-80GB_SECURE", "IN", Tier::Spot);
  CHECK(secure.provider == "runpod-secure");
  CHECK(secure.usd_per_hour == Approx(1.39));
  CHECK(secure.where == "row 2");
  const ImportedOffer& community = offer(rows, "1x_A100-80GB_COMMUNITY", "US", Tier::Spot);
  CHECK(community.provider == "runpod-community");
  CHECK(community.usd_per_hour == Approx(0.6));
  CHECK(offer(rows, "1x_RTX4090_COMMUNITY", "CA", Tier::OnDemand).provider == "runpod-community");
  CHECK_FALSE(has_offer(rows, "1x_RTX4090_COMMUNITY", "CA", Tier::Spot));
  CHECK(offer(rows, "1x_RTX4090_SECURE", "CA", Tier::OnDemand).usd_per_hour == Approx(0.69));
}

TEST_CASE("skypilot vast: quoted free-text regions, SpotPrice 0.00 is no spot offer",
          "[import][skypilot]") {
  const ImportRows rows = read_fixture("vast");
  CHECK(rows.rows == 8);
  CHECK(rows.skipped.empty());
  REQUIRE(rows.offers.size() == 7);  // one exact duplicate row
  CHECK(std::all_of(rows.offers.begin(), rows.offers.end(), [](const ImportedOffer& o) {
    return o.provider == "vast" && o.tier == Tier::OnDemand &&
           o.note.find("median") != std::string::npos;
  }));
  CHECK(offer(rows, "2x-H200-32-65536", "Michigan, US, NA", Tier::OnDemand).usd_per_hour ==
        Approx(5.18));
  CHECK(offer(rows, "2x-H200-32-65536", "France, FR, EU", Tier::OnDemand).gpus == 2);
  CHECK(offer(rows, "4x-H200-32-65536", ", US, NA", Tier::OnDemand).usd_per_hour == Approx(10.59));
  CHECK(offer(rows, "2x-RTX_5090-32-65536", "Hafnarfjarðarkaupstaður, IS, EU", Tier::OnDemand)
            .gpu_name == "RTX5090");
}

TEST_CASE("skypilot: a header without a required column is an InvalidData error",
          "[import][skypilot]") {
  const std::string text =
      "InstanceType,AcceleratorName,AcceleratorCount,Price,Region\n"
      "p5.48xlarge,H100,8.0,98.32,us-east-1\n";
  try {
    (void)read_skypilot_csv(text, "aws/vms.csv", "aws");
    FAIL("expected InputError");
  } catch (const InputError& error) {
    CHECK(error.origin() == "aws/vms.csv");
    CHECK(error.where() == "row 1");
    CHECK(error.problem().find("SpotPrice") != std::string::npos);
    CHECK(error.exit_code() == ExitCode::InvalidData);
  }
}

TEST_CASE("skypilot: counts, zero prices, long values and bad CPU rows", "[import][skypilot]") {
  const std::string long_price(80, '9');
  const std::string text =
      std::string(kAwsHeader) +
      "Standard_NV6ads_A10_v5,A10,0.167,6.0,55.0,,0.454,0.0908,eastus,,x86_64\n"
      "g5.12xlarge,A10G,4.5,48.0,192.0,,5.672,,us-east-1,use1-az1,x86_64\n"
      "g6.12xlarge,L4,4,48.0,192.0,,0.0,1.7,us-east-1,use1-az1,x86_64\n"
      "g6.48xlarge,L4,8,192.0,768.0,,0,,us-east-1,use1-az1,x86_64\n"
      "g6e.xlarge,L40S,1,4.0,32.0,," +
      long_price +
      "x,,us-east-1,use1-az1,x86_64\n"
      ",L4,1,,,,0.8,,us-east-1,use1-az1,x86_64\n"
      "c5.large,,,2.0,4.0,,abc,,us-east-1,use1-az1,x86_64\n";
  const ImportRows rows = read_skypilot_csv(text, "aws/vms.csv", "aws");
  CHECK(rows.rows == 7);
  // A zero price is missing, not free: only the spot offer.
  REQUIRE(rows.offers.size() == 1);
  CHECK(rows.offers[0].instance_type == "g6.12xlarge");
  CHECK(rows.offers[0].tier == Tier::Spot);
  CHECK(rows.offers[0].usd_per_hour == Approx(1.7));
  CHECK(rows.offers[0].gpus == 4);

  REQUIRE(rows.skipped.size() == 6);
  CHECK(rows.skipped[0].where == "row 2");
  CHECK(rows.skipped[0].field == "AcceleratorCount");
  CHECK(rows.skipped[0].value == "0.167");
  CHECK(rows.skipped[0].problem == "fractional GPU count (a share of one GPU)");
  CHECK(rows.skipped[1].problem == "not a positive whole number of GPUs");
  CHECK(rows.skipped[2].where == "row 5");
  CHECK(rows.skipped[2].problem == "price 0 (missing)");
  CHECK(rows.skipped[3].field == "Price");
  CHECK(rows.skipped[3].value == long_price.substr(0, 60));
  CHECK(rows.skipped[3].problem == "not a number");
  CHECK(rows.skipped[4].field == "InstanceType");
  CHECK(rows.skipped[4].problem == "no instance type");
  // A CPU host is no offer, but a malformed one is still reported.
  CHECK(rows.skipped[5].where == "row 8");
  CHECK(rows.skipped[5].value == "abc");
}
