// The gpuhunt catalog reader: v1 and v2/v3 layouts, GCP zones folded into regions, and every row
// it leaves out named with its reason.
#include <catch2/catch.hpp>
#include <cstddef>
#include <fstream>
#include <sstream>
#include <string>

#include "ftcost/base/error.hpp"
#include "load/import/imported_rows.hpp"

namespace {

using ftcost::Tier;
using ftcost::load::ImportedOffer;
using ftcost::load::ImportRows;
using ftcost::load::read_gpuhunt_csv;

std::string fixture_path(const std::string& name) {
  return std::string(FTCOST_TEST_DATA) + "/import/gpuhunt/" + name;
}

ImportRows read_fixture(const std::string& name, std::string_view provider) {
  const std::string path = fixture_path(name);
  std::ifstream stream(path, std::ios::binary);
  REQUIRE(stream);
  std::ostringstream text;
  text << stream.rdbuf();
  return read_gpuhunt_csv(text.str(), path, provider);
}

/// The offer of `instance` at `region` and `tier` (and with `gpus` x `gpu` when given); fails the
/// test when there is not exactly one.
const ImportedOffer& offer_of(const ImportRows& rows, const std::string& instance,
                              const std::string& region, Tier tier, std::int64_t gpus = 0,
                              const std::string& gpu = "") {
  const ImportedOffer* found = nullptr;
  std::size_t matches = 0;
  for (const ImportedOffer& offer : rows.offers) {
    if (offer.instance_type == instance && offer.region == region && offer.tier == tier &&
        (gpus == 0 || offer.gpus == gpus) && (gpu.empty() || offer.gpu_name == gpu)) {
      found = &offer;
      ++matches;
    }
  }
  INFO(instance << " in " << region);
  REQUIRE(matches == 1);
  return *found;
}

}  // namespace

TEST_CASE("gpuhunt v2/v3 rows: whole-instance prices, spot rows, per-GPU memory", "[import]") {
  const ImportRows rows = read_fixture("aws.csv", "aws");
  CHECK(rows.rows == 12);
  CHECK(rows.skipped.empty());
  // 12 rows less the CPU-only m5, the Intel Gaudi and the dearer duplicate p5.
  CHECK(rows.offers.size() == 9);

  const ImportedOffer& p5 = offer_of(rows, "p5.48xlarge", "us-east-1", Tier::OnDemand);
  CHECK(p5.where == "row 8");  // the cheaper of rows 8 and 9
  CHECK(p5.provider == "aws");
  CHECK(p5.gpu_name == "H100");
  CHECK(p5.gpus == 8);
  CHECK(p5.usd_per_hour == Approx(55.04));  // the instance, not per GPU
  CHECK(p5.gpu_memory_gb == Approx(80.0));
  CHECK(p5.as_of.empty());
  CHECK(p5.note.empty());
  CHECK_FALSE(p5.reliability.has_value());

  const ImportedOffer& p5_spot = offer_of(rows, "p5.48xlarge", "us-east-1", Tier::Spot);
  CHECK(p5_spot.usd_per_hour == Approx(20.0));
  CHECK(p5_spot.where == "row 11");
  CHECK(offer_of(rows, "p5.48xlarge", "us-west-2", Tier::OnDemand).usd_per_hour == Approx(55.04));

  CHECK(offer_of(rows, "g5.xlarge", "us-east-1", Tier::Spot).usd_per_hour == Approx(0.4321));
  CHECK(offer_of(rows, "g5.xlarge", "us-east-1", Tier::OnDemand).usd_per_hour == Approx(1.006));
  // Same GPU name, told apart by memory.
  CHECK(offer_of(rows, "p4d.24xlarge", "us-east-1", Tier::OnDemand).gpu_memory_gb == Approx(40.0));
  CHECK(offer_of(rows, "p4de.24xlarge", "us-east-1", Tier::OnDemand).gpu_memory_gb == Approx(80.0));
  // AMD GPUs and Arm hosts are offers too.
  const ImportedOffer& amd = offer_of(rows, "g4ad.xlarge", "us-east-1", Tier::OnDemand);
  CHECK(amd.gpu_name == "RadeonProV520");
  CHECK(amd.usd_per_hour == Approx(0.37853));
  CHECK(offer_of(rows, "g5g.xlarge", "us-east-1", Tier::OnDemand).gpu_name == "T4G");
  for (const ImportedOffer& offer : rows.offers) {
    CHECK(offer.instance_type != "dl1.24xlarge");
    CHECK(offer.instance_type != "m5.large");
  }
}

TEST_CASE("gpuhunt v1 rows: 11 columns, empty vendor means NVIDIA", "[import]") {
  const ImportRows rows = read_fixture("lambdalabs.csv", "lambdalabs");
  CHECK(rows.rows == 5);
  CHECK(rows.skipped.empty());
  REQUIRE(rows.offers.size() == 4);  // the CPU-only row is no offer

  const ImportedOffer& a10 = rows.offers[0];
  CHECK(a10.where == "row 2");
  CHECK(a10.provider == "lambda");
  CHECK(a10.instance_type == "gpu_1x_a10");
  CHECK(a10.gpu_name == "A10");
  CHECK(a10.region == "us-east-1");
  CHECK(a10.usd_per_hour == Approx(0.75));
  CHECK(a10.tier == Tier::OnDemand);

  // "false" and "FALSE" read as False.
  CHECK(offer_of(rows, "gpu_1x_h100_pcie", "us-west-3", Tier::OnDemand).usd_per_hour ==
        Approx(2.49));
  const ImportedOffer& v100 = offer_of(rows, "gpu_8x_v100", "us-south-1", Tier::OnDemand);
  CHECK(v100.gpus == 8);
  CHECK(v100.gpu_memory_gb == Approx(16.0));
  CHECK(v100.usd_per_hour == Approx(4.4));
  const ImportedOffer& a100 = offer_of(rows, "gpu_8x_a100_80gb_sxm4", "us-east-1", Tier::OnDemand);
  CHECK(a100.gpu_memory_gb == Approx(80.0));
  CHECK(a100.usd_per_hour == Approx(14.32));
}

TEST_CASE("gpuhunt GCP zones fold into their region at the lowest zone price", "[import]") {
  const ImportRows rows = read_fixture("gcp.csv", "gcp");
  CHECK(rows.rows == 12);
  CHECK(rows.skipped.empty());
  // a2 on-demand and spot in us-central1, a2 in europe-west4, n1 with 1 T4, 2 T4 and 1 V100;
  // the e2 CPU host and both TPUs (vendor google, and the legacy tpu- name) are left out.
  CHECK(rows.offers.size() == 6);

  const ImportedOffer& a2 = offer_of(rows, "a2-highgpu-1g", "us-central1", Tier::OnDemand);
  CHECK(a2.usd_per_hour == Approx(3.5));  // zone c beats a and b
  CHECK(a2.where == "row 4");
  CHECK(a2.provider == "gcp");
  CHECK(a2.gpu_memory_gb == Approx(40.0));
  CHECK(offer_of(rows, "a2-highgpu-1g", "us-central1", Tier::Spot).usd_per_hour == Approx(1.1));
  CHECK(offer_of(rows, "a2-highgpu-1g", "europe-west4", Tier::OnDemand).usd_per_hour ==
        Approx(4.0466));

  // One n1 host type carries different GPUs and counts: each is its own offer.
  const ImportedOffer& one_t4 =
      offer_of(rows, "n1-standard-4", "us-central1", Tier::OnDemand, 1, "T4");
  CHECK(one_t4.gpu_name == "T4");
  CHECK(one_t4.usd_per_hour == Approx(0.54));
  CHECK(one_t4.where == "row 7");  // equal prices keep the first zone
  CHECK(offer_of(rows, "n1-standard-4", "us-central1", Tier::OnDemand, 2, "T4").usd_per_hour ==
        Approx(0.89));
  std::size_t v100 = 0;
  for (const ImportedOffer& offer : rows.offers) {
    CHECK(offer.gpu_name != "v5litepod");
    CHECK(offer.gpu_name != "tpu-v2");
    if (offer.gpu_name == "V100") {
      ++v100;
      CHECK(offer.usd_per_hour == Approx(2.67));
    }
  }
  CHECK(v100 == 1);
}

TEST_CASE("gpuhunt zones stay locations outside GCP", "[import]") {
  const std::string text =
      "instance_name,location,price,cpu,memory,gpu_count,gpu_name,gpu_memory,spot\n"
      "gpu.1x.h100,us-central1-a,2.1,16,64,1,H100,80,False\n"
      "gpu.1x.h100,us-central1-b,2.0,16,64,1,H100,80,False\n";
  const ImportRows rows = read_gpuhunt_csv(text, "x.csv", "nebius");
  REQUIRE(rows.offers.size() == 2);
  CHECK(rows.offers[0].region == "us-central1-a");
  CHECK(rows.offers[1].region == "us-central1-b");
  CHECK(rows.offers[0].provider == "nebius");
}

TEST_CASE("gpuhunt bad rows are skipped with field, value and reason", "[import]") {
  const ImportRows rows = read_fixture("bad.csv", "cudo");
  CHECK(rows.rows == 13);
  REQUIRE(rows.offers.size() == 1);
  CHECK(rows.offers[0].where == "row 14");
  CHECK(rows.offers[0].usd_per_hour == Approx(2.95));

  struct Expected {
    const char* where;
    const char* field;
    const char* value;
    const char* problem;
  };
  const Expected expected[] = {
      {"row 2", "price", "abc", "not a number"},
      {"row 3", "price", "0", "not a positive price"},
      {"row 4", "price", "-2.1", "not a positive price"},
      {"row 5", "price", "", "empty"},
      {"row 6", "spot", "yes", "not True or False"},
      {"row 7", "gpu_count", "1.5", "not a whole number"},
      {"row 8", "gpu_count", "-1", "not a positive GPU count"},
      {"row 9", "flags", "capacity-block", "flags 'capacity-block' not understood"},
      {"row 10", "gpu_vendor", "nvida", "not a vendor gpuhunt names"},
      {"row 11", "gpu_memory", "80GB", "not a number of GB"},
      {"row 12", "instance_name", "", "empty"},
      {"row 13", "price", "2.95 USD per hour, billed per second with a one-minute minim",
       "not a number"},
  };
  REQUIRE(rows.skipped.size() == std::size(expected));
  for (std::size_t i = 0; i < rows.skipped.size(); ++i) {
    INFO("skipped " << i);
    CHECK(rows.skipped[i].where == expected[i].where);
    CHECK(rows.skipped[i].field == expected[i].field);
    CHECK(rows.skipped[i].value == expected[i].value);
    CHECK(rows.skipped[i].problem == expected[i].problem);
  }
  CHECK(rows.skipped.back().value.size() == 60);
}

TEST_CASE("gpuhunt header without a required column is an InputError", "[import]") {
  const std::string text =
      "instance_name,location,price,cpu,memory,gpu_count,gpu_name,gpu_memory\n"
      "g5.xlarge,us-east-1,1.006,4,16.0,1,A10G,24.0\n";
  CHECK_THROWS_AS(read_gpuhunt_csv(text, "aws.csv", "aws"), ftcost::InputError);
  CHECK_THROWS_WITH(read_gpuhunt_csv(text, "aws.csv", "aws"),
                    Catch::Matchers::Contains("the header has no column 'spot'"));
  try {
    (void)read_gpuhunt_csv(text, "aws.csv", "aws");
  } catch (const ftcost::InputError& error) {
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
  // An empty file has no header at all.
  CHECK_THROWS_AS(read_gpuhunt_csv("", "aws.csv", "aws"), ftcost::InputError);
}

TEST_CASE("gpuhunt file of only a header has no rows", "[import]") {
  const ImportRows rows = read_gpuhunt_csv(
      "instance_name,location,price,cpu,memory,gpu_count,gpu_name,gpu_memory,spot,disk_size,"
      "gpu_vendor,flags,cpu_arch,provider_data\r\n",
      "runpod.csv", "runpod");
  CHECK(rows.rows == 0);
  CHECK(rows.offers.empty());
  CHECK(rows.skipped.empty());
}
