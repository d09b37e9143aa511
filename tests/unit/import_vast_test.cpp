// `vastai search offers --raw` JSON: on-demand and interruptible offers per ask, skipped asks
// naming the JSON Pointer of the bad field, and whole-file errors.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "ftcost/base/error.hpp"
#include "load/import/imported_rows.hpp"

using Catch::Matchers::Equals;
using ftcost::ExitCode;
using ftcost::InputError;
using ftcost::Tier;
using ftcost::load::ImportedOffer;
using ftcost::load::ImportRows;
using ftcost::load::read_vast_offers_json;

namespace {

const std::string kDir = std::string(FTCOST_TEST_DATA) + "/import/vast/";
const std::string kOnDemandNote = "dph_total includes the searched disk allocation";
const std::string kSpotNote = "interruptible at the current min_bid (you may be outbid)";

std::string read_fixture(const std::string& name) {
  std::ifstream stream(kDir + name, std::ios::binary);
  REQUIRE(stream);
  std::ostringstream text;
  text << stream.rdbuf();
  return text.str();
}

ImportRows read_fixture_rows(const std::string& name) {
  return read_vast_offers_json(read_fixture(name), name);
}

// One offer of inline JSON with `extra` fields appended.
ImportRows read_one(const std::string& extra) {
  return read_vast_offers_json(
      R"([{"id": 7, "num_gpus": 1, "gpu_name": "RTX 4090", "dph_total": 0.4)" + extra + "}]",
      "inline.json");
}

}  // namespace

TEST_CASE("vast: each rentable ask gives an on-demand offer at dph_total", "[import][vast]") {
  const ImportRows rows = read_fixture_rows("offers.json");
  CHECK(rows.rows == 7);
  REQUIRE(rows.offers.size() == 9);

  const ImportedOffer& rtx = rows.offers[0];
  CHECK(rtx.where == "/0");
  CHECK(rtx.provider == "vast");
  CHECK(rtx.gpu_name == "RTX 4090");
  CHECK(rtx.gpu_memory_gb == 24.0);  // 24564 / 1024 = 23.99
  CHECK(rtx.gpus == 1);
  CHECK(rtx.tier == Tier::OnDemand);
  CHECK(rtx.usd_per_hour == Approx(0.35137));
  CHECK(rtx.instance_type == "ask 12345678");
  CHECK(rtx.region == "Texas, US");
  CHECK(rtx.as_of.empty());  // start_date is when the host listed, not when prices were read
  CHECK(rtx.reliability == Approx(0.9961));
  CHECK(rtx.storage_usd_per_gb_month == Approx(0.2));
  CHECK(rtx.egress_usd_per_gb == Approx(0.004));
  CHECK(rtx.ingress_usd_per_gb == Approx(0.002));
  CHECK(rtx.note == kOnDemandNote);

  const ImportedOffer& h100 = rows.offers[2];
  CHECK(h100.where == "/1");
  CHECK(h100.gpu_name == "H100 SXM");
  CHECK(h100.gpus == 8);
  CHECK(h100.gpu_memory_gb == 80.0);  // 81559 / 1024 = 79.65
  CHECK(h100.usd_per_hour == Approx(19.202055));
  CHECK(h100.region == "Quebec, CA");
  CHECK(h100.egress_usd_per_gb == 0.0);

  // is_bid: true in the list changes nothing; a null geolocation leaves the region empty.
  const ImportedOffer& a100 = rows.offers[3];
  CHECK(a100.where == "/2");
  CHECK(a100.tier == Tier::OnDemand);
  CHECK(a100.gpu_name == "A100 SXM4");
  CHECK(a100.gpus == 2);
  CHECK(a100.gpu_memory_gb == 80.0);
  CHECK(a100.usd_per_hour == Approx(1.60411));
  CHECK(a100.region.empty());

  const ImportedOffer& a6000 = rows.offers[7];
  CHECK(a6000.where == "/5");
  CHECK(a6000.gpu_name == "RTX A6000");
  CHECK(a6000.gpus == 4);
  CHECK(a6000.gpu_memory_gb == 48.0);  // 49140 / 1024 = 47.99
  CHECK(a6000.instance_type == "ask 56789012");
}

TEST_CASE("vast: min_bid gives an interruptible offer plus the disk share of dph_total",
          "[import][vast]") {
  const ImportRows rows = read_fixture_rows("offers.json");
  REQUIRE(rows.offers.size() == 9);
  std::vector<std::tuple<std::string, Tier>> order;
  for (const auto& offer : rows.offers) {
    order.emplace_back(offer.where, offer.tier);
  }
  CHECK(order == std::vector<std::tuple<std::string, Tier>>{{"/0", Tier::OnDemand},
                                                            {"/0", Tier::Spot},
                                                            {"/1", Tier::OnDemand},
                                                            {"/2", Tier::OnDemand},
                                                            {"/2", Tier::Spot},
                                                            {"/4", Tier::OnDemand},
                                                            {"/4", Tier::Spot},
                                                            {"/5", Tier::OnDemand},
                                                            {"/5", Tier::Spot}});

  // min_bid 0.2 + (dph_total 0.35137 - dph_base 0.35); every other field as on demand.
  const ImportedOffer& spot = rows.offers[1];
  CHECK(spot.usd_per_hour == Approx(0.20137));
  CHECK(spot.gpu_name == "RTX 4090");
  CHECK(spot.instance_type == "ask 12345678");
  CHECK(spot.region == "Texas, US");
  CHECK(spot.storage_usd_per_gb_month == Approx(0.2));
  CHECK(spot.reliability == Approx(0.9961));
  CHECK_THAT(spot.note, Catch::Matchers::StartsWith(kSpotNote + "; plus dph_total - dph_base"));

  CHECK(rows.offers[4].usd_per_hour == Approx(0.90411));  // 0.9 + 0.00411
  CHECK(rows.offers[8].usd_per_hour == Approx(0.6034));   // 0.6 + 0.0034
  // No dph_base: the bid alone, and the note makes no disk assumption.
  CHECK(rows.offers[6].usd_per_hour == Approx(0.08));
  CHECK(rows.offers[6].note == kSpotNote);

  // min_bid 0 is no bid; dph_base above dph_total is not trusted as a disk share.
  CHECK(read_one(R"(, "min_bid": 0)").offers.size() == 1);
  const ImportRows odd = read_one(R"(, "min_bid": 0.2, "dph_base": 0.5)");
  REQUIRE(odd.offers.size() == 2);
  CHECK(odd.offers[1].usd_per_hour == Approx(0.2));
  CHECK(odd.offers[1].note == kSpotNote);
}

TEST_CASE("vast: reliability2 is read only when reliability is absent", "[import][vast]") {
  const ImportRows rows = read_fixture_rows("offers.json");
  REQUIRE(rows.offers.size() == 9);
  CHECK(rows.offers[2].reliability == Approx(0.9987));  // only reliability2
  CHECK(rows.offers[7].reliability == Approx(0.97));    // both: reliability wins
  CHECK_FALSE(read_one("").offers.at(0).reliability.has_value());
  // A bad reliability is not rescued by a good reliability2.
  const ImportRows bad = read_one(R"(, "reliability": -0.1, "reliability2": 0.9)");
  CHECK(bad.offers.empty());
  REQUIRE(bad.skipped.size() == 1);
  CHECK(bad.skipped[0].where == "/0/reliability");
}

TEST_CASE("vast: rented and unrentable asks are skipped as not rentable", "[import][vast]") {
  const ImportRows rows = read_fixture_rows("offers.json");
  REQUIRE(rows.skipped.size() == 2);
  CHECK(rows.skipped[0].where == "/3/rented");
  CHECK(rows.skipped[0].field == "rented");
  CHECK(rows.skipped[0].value == "true");
  CHECK(rows.skipped[0].problem == "not rentable");
  CHECK(rows.skipped[1].where == "/6/rentable");
  CHECK(rows.skipped[1].field == "rentable");
  CHECK(rows.skipped[1].value == "false");
  CHECK(rows.skipped[1].problem == "not rentable");
}

TEST_CASE("vast: an {\"offers\": [...]} wrapper is read with pointers under /offers",
          "[import][vast]") {
  const ImportRows rows = read_fixture_rows("offers-wrapped.json");
  CHECK(rows.rows == 2);
  REQUIRE(rows.offers.size() == 2);
  CHECK(rows.offers[0].where == "/offers/0");
  CHECK(rows.offers[0].gpu_name == "L40S");
  CHECK(rows.offers[0].gpu_memory_gb == 45.0);  // 46068 / 1024 = 44.99
  CHECK(rows.offers[0].usd_per_hour == Approx(0.7927));
  CHECK(rows.offers[1].tier == Tier::Spot);
  CHECK(rows.offers[1].usd_per_hour == Approx(0.4127));  // 0.41 + 0.0027
  REQUIRE(rows.skipped.size() == 1);
  CHECK(rows.skipped[0].where == "/offers/1/dph_total");
  CHECK(rows.skipped[0].problem == "missing (required)");
}

TEST_CASE("vast: a malformed offer is skipped naming its field, the rest import",
          "[import][vast]") {
  const ImportRows rows = read_fixture_rows("bad.json");
  CHECK(rows.rows == 18);
  REQUIRE(rows.offers.size() == 1);
  CHECK(rows.offers[0].instance_type == "ask 90000000");
  CHECK(rows.offers[0].region == "Ohio, US");

  using Row = std::tuple<std::string, std::string, std::string, std::string>;
  std::vector<Row> skipped;
  for (const auto& row : rows.skipped) {
    skipped.emplace_back(row.where, row.field, row.value, row.problem);
  }
  const std::vector<Row> expected{
      {"/1/dph_total", "dph_total", "", "missing (required)"},
      {"/2/dph_total", "dph_total", "-0.5", "not a positive number"},
      {"/3", "", R"("offer 90000003")", "not an offer object"},
      {"/4/num_gpus", "num_gpus", "0", "not a positive integer"},
      {"/5/num_gpus", "num_gpus", "1.5", "not a positive integer"},
      {"/6/gpu_name", "gpu_name", "4090", "not a string"},
      {"/7/reliability", "reliability", "1.7", "not a share from 0 to 1"},
      {"/8/storage_cost", "storage_cost", R"("abc")", "not a number"},
      {"/9/id", "id", R"("90000009")", "not a positive integer"},
      {"/10/dph_total", "dph_total", R"("0.4")", "not a number"},
      {"/11/min_bid", "min_bid", "-0.1", "negative"},
      {"/12/rentable", "rentable", R"("yes")", "not true or false"},
      {"/13/geolocation", "geolocation",
       R"({"city":"Columbus","country":"United States of America","...)", "not a string"},
      {"/14/dph_total", "dph_total", "", "missing (required)"},
      {"/15/num_gpus", "num_gpus", "4096", "more than 1024"},
      {"/16/gpu_name", "gpu_name", R"("")", "empty"},
      {"/17/dph_total", "dph_total", "0", "not a positive number"},
  };
  CHECK(skipped == expected);
  CHECK(std::get<2>(expected[12]).size() == 60);
}

TEST_CASE("vast: gpu_ram in MiB rounds to whole GB", "[import][vast]") {
  CHECK(read_one(R"(, "gpu_ram": 143771)").offers.at(0).gpu_memory_gb == 140.0);  // H200
  CHECK(read_one(R"(, "gpu_ram": 16376)").offers.at(0).gpu_memory_gb == 16.0);
  CHECK(read_one(R"(, "gpu_ram": 512)").offers.at(0).gpu_memory_gb == 1.0);
  CHECK_FALSE(read_one("").offers.at(0).gpu_memory_gb.has_value());

  const ImportRows tiny = read_one(R"(, "gpu_ram": 100)");
  CHECK(tiny.offers.empty());
  REQUIRE(tiny.skipped.size() == 1);
  CHECK(tiny.skipped[0].where == "/0/gpu_ram");
  CHECK(tiny.skipped[0].value == "100");
  CHECK(tiny.skipped[0].problem == "less than 512 MB per GPU");
  CHECK(read_one(R"(, "gpu_ram": -24564)").skipped.at(0).problem == "not a positive number");
}

TEST_CASE("vast: integral floats count as integers, nulls as absent", "[import][vast]") {
  const ImportRows rows = read_vast_offers_json(
      R"([{"id": 5.0, "num_gpus": 2.0, "gpu_name": "RTX 4090", "dph_total": 1,
            "storage_cost": null, "min_bid": null, "reliability": null, "rented": null}])",
      "floats.json");
  REQUIRE(rows.offers.size() == 1);
  CHECK(rows.offers[0].instance_type == "ask 5");
  CHECK(rows.offers[0].gpus == 2);
  CHECK(rows.offers[0].usd_per_hour == 1.0);
  CHECK_FALSE(rows.offers[0].storage_usd_per_gb_month.has_value());
  CHECK_FALSE(rows.offers[0].reliability.has_value());
}

TEST_CASE("vast: an empty list imports nothing", "[import][vast]") {
  const ImportRows rows = read_vast_offers_json(" [ ]\n", "empty.json");
  CHECK(rows.rows == 0);
  CHECK(rows.offers.empty());
  CHECK(rows.skipped.empty());
  CHECK(read_vast_offers_json(R"({"offers": []})", "empty.json").rows == 0);
}

TEST_CASE("vast: a top level that is not a list of offers throws InvalidData", "[import][vast]") {
  const std::string accepted =
      " (a JSON array of offers as `vastai search offers --raw` prints it, or an object with an "
      "\"offers\" array)";
  const std::vector<std::pair<std::string, std::string>> cases{
      {"42", "v.json: the top level is 42"},
      {R"("offers")", R"(v.json: the top level is "offers")"},
      {"null", "v.json: the top level is null"},
      {R"({"id": 1, "dph_total": 0.4})", R"(v.json: the top level is an object without "offers")"},
      {R"({"offers": {"id": 1}})", R"(v.json: "offers" is an object)"},
  };
  for (const auto& [text, message] : cases) {
    INFO(text);
    try {
      (void)read_vast_offers_json(text, "v.json");
      FAIL("no exception");
    } catch (const InputError& error) {
      CHECK(error.exit_code() == ExitCode::InvalidData);
      CHECK(error.where().empty());
      CHECK_THAT(error.what(), Equals(message + accepted));
    }
  }
}

TEST_CASE("vast: invalid JSON throws with line and column", "[import][vast]") {
  try {
    (void)read_vast_offers_json("[\n  {\"id\": 1,\n   \"dph_total\": }\n]", "v.json");
    FAIL("no exception");
  } catch (const InputError& error) {
    CHECK(error.exit_code() == ExitCode::InvalidData);
    CHECK_THAT(error.what(), Catch::Matchers::StartsWith("v.json:3:17: invalid JSON: "));
  }
}

TEST_CASE("vast: a large search result imports every offer", "[import][vast]") {
  constexpr std::size_t kOffers = 5000;
  std::string text = "[";
  for (std::size_t i = 0; i < kOffers; ++i) {
    text += i == 0 ? "" : ",";
    text += R"({"id": )" + std::to_string(i + 1) +
            R"(, "num_gpus": 1, "gpu_name": "RTX 4090", "gpu_ram": 24564, "dph_base": 0.3,
               "dph_total": 0.301, "min_bid": 0.15, "geolocation": "Texas, US",
               "reliability": 0.99, "rentable": true, "rented": false, "cpu_ram": 64000})";
  }
  text += "]";
  const ImportRows rows = read_vast_offers_json(text, "big.json");
  CHECK(rows.rows == kOffers);
  CHECK(rows.skipped.empty());
  REQUIRE(rows.offers.size() == 2 * kOffers);
  CHECK(rows.offers.back().where == "/4999");
  CHECK(rows.offers.back().instance_type == "ask 5000");
  CHECK(rows.offers.back().usd_per_hour == Approx(0.151));
}
