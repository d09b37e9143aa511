// JsonCursor: every error names the origin and the JSON Pointer of the bad value.
#include "load/json_reader.hpp"

#include <catch2/catch.hpp>

#include "ftcost/error.hpp"

using Catch::Matchers::Equals;
using ftcost::InputError;
using ftcost::load::JsonCursor;
using ftcost::load::parse_json_text;

TEST_CASE("a syntax error reports line and column", "[json]") {
  const std::string text = "{\n  \"a\": 1,\n  \"b\": }\n";
  try {
    (void)parse_json_text(text, "prices.json");
    FAIL("no exception");
  } catch (const InputError& error) {
    CHECK_THAT(error.origin(), Equals("prices.json:3:8"));
    CHECK_THAT(error.what(), Catch::Matchers::StartsWith("prices.json:3:8: invalid JSON: "));
  }
}

TEST_CASE("typed accessors name the JSON Pointer of a wrong value", "[json]") {
  const auto json = parse_json_text(R"({"offers":[{"usd_per_hour":-0.4,"gpu":7}]})", "p.json");
  const JsonCursor root(json, "p.json");
  const auto offer = root.at("offers").elements().at(0);
  CHECK_THROWS_WITH(
      offer.at("usd_per_hour").number(0, 1e6),
      "p.json: /offers/0/usd_per_hour: out of range: -0.4 (a number from 0 to 1e+06)");
  CHECK_THROWS_WITH(offer.at("gpu").string(), "p.json: /offers/0/gpu: expected a string, got 7");
  CHECK_THROWS_WITH(offer.at("tier"), "p.json: /offers/0: missing required key 'tier'");
}

TEST_CASE("integers refuse fractions and out-of-range values", "[json]") {
  const auto json = parse_json_text(R"({"a":2.5,"b":4096.0,"c":-1})", "c.json");
  const JsonCursor root(json, "c.json");
  CHECK_THROWS_WITH(root.at("a").integer(1, 10), "c.json: /a: expected an integer, got 2.5");
  CHECK(root.at("b").integer(1, 1 << 20) == 4096);
  CHECK_THROWS_AS(root.at("c").integer(1, 10), InputError);
}

TEST_CASE("unknown keys are refused with a suggestion", "[json]") {
  const auto json = parse_json_text(R"({"usd_per_hr":1})", "x.json");
  CHECK_THROWS_WITH(JsonCursor(json, "x.json").reject_unknown_keys({"usd_per_hour", "gpu"}),
                    "x.json: /usd_per_hr: unknown key (did you mean 'usd_per_hour'?)");
}

TEST_CASE("a number too large for a double is invalid JSON, not a crash", "[json]") {
  // Found by fuzz/fuzz_catalog: nlohmann reports it as out_of_range.406, not parse_error.
  CHECK_THROWS_WITH(parse_json_text("[2299999e9999999999999999]", "n.json"),
                    "n.json: invalid JSON: number overflow parsing '2299999e9999999999999999'");
}
