// JsonCursor: every error names the origin and the JSON Pointer of the bad value.
#include "load/json_reader.hpp"

#include <catch2/catch.hpp>

#include "ftcost/base/error.hpp"

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

TEST_CASE("a duplicate key is refused with its JSON Pointer", "[json]") {
  // Last-wins would silently use 8192; the nested key sits at /layers/1/hidden_size.
  CHECK_THROWS_WITH(parse_json_text(R"({"hidden_size": 4096, "hidden_size": 8192})", "c.json"),
                    "c.json: /hidden_size: duplicate key (each key at most once per object)");
  CHECK_THROWS_WITH(
      parse_json_text(R"({"layers": [{"a": 1}, {"hidden_size": 1, "b": 2, "hidden_size": 3}]})",
                      "c.json"),
      "c.json: /layers/1/hidden_size: duplicate key (each key at most once per object)");
  // The same key in sibling objects is not a duplicate.
  CHECK(parse_json_text(R"([{"a": 1}, {"a": 2}])", "c.json").size() == 2);
}

TEST_CASE("nesting deeper than 512 levels is refused before it is built", "[json]") {
  const std::string deep_ok = std::string(512, '[') + std::string(512, ']');
  CHECK(parse_json_text(deep_ok, "d.json").is_array());
  // 100,000 levels: would overflow the stack in any recursive walk (and in dump()).
  const std::string too_deep = std::string(100000, '[');
  CHECK_THROWS_WITH(parse_json_text(too_deep, "d.json"),
                    "d.json: JSON nested deeper than 512 levels (at most 512 levels of arrays and "
                    "objects)");
  CHECK_THROWS_WITH(
      parse_json_text(R"({"x": )" + std::string(513, '[') + "1" + std::string(513, ']') + "}",
                      "d.json"),
      Catch::Matchers::StartsWith("d.json: JSON nested deeper than 512 levels"));
}

TEST_CASE("a streamed array's elements go to the visitor, in order, and are not kept", "[json]") {
  std::vector<std::string> seen;
  const auto visit = [&seen](const nlohmann::json& element, std::size_t index) {
    seen.push_back(std::to_string(index) + ":" + element.dump());
  };
  const auto document = parse_json_text(
      R"({"providers": [{"id": "a"}], "offers": [{"gpu": [1, 2]}, 7, [], {"x": {"y": null}}],
          "after": true})",
      "c.json", "/offers", visit);
  CHECK(seen ==
        std::vector<std::string>{R"(0:{"gpu":[1,2]})", "1:7", "2:[]", R"(3:{"x":{"y":null}})"});
  CHECK(document.at("offers").empty());
  CHECK(document.at("providers").at(0).at("id") == "a");
  CHECK(document.at("after") == true);
  // Checks still apply inside streamed elements.
  CHECK_THROWS_WITH(
      parse_json_text(R"({"offers": [{}, {"a": 1, "a": 2}]})", "c.json", "/offers", visit),
      "c.json: /offers/1/a: duplicate key (each key at most once per object)");
}

TEST_CASE("arrays of objects parse without the callback parser's rescans", "[json]") {
  // 100,000 objects: nlohmann's callback parser rescanned the array at every object's end
  // (about 5e9 steps here); the SAX builder reads each once. A correctness check, not a timer.
  std::string many = "[{}";
  for (int i = 1; i < 100'000; ++i) {
    many += ",{}";
  }
  CHECK(parse_json_text(many + "]", "d.json").size() == 100'000);
}

TEST_CASE("a number beyond a double is invalid JSON at its line and column", "[json]") {
  const std::string text = "{\n  \"rope_theta\": 1e400\n}\n";
  try {
    (void)parse_json_text(text, "config.json");
    FAIL("no exception");
  } catch (const InputError& error) {
    // Line 2 is `  "rope_theta": 1e400`: the number fills columns 17-21, and the position is its
    // last character, as for syntax errors (the last character read).
    CHECK_THAT(error.what(), Equals("config.json:2:21: invalid JSON: number overflow parsing "
                                    "'1e400' (a finite number)"));
    CHECK(error.exit_code() == ftcost::ExitCode::InvalidData);
  }
}

TEST_CASE("an Infinity or NaN literal gets a readable syntax error", "[json]") {
  // The whole description with nlohmann's token text, its quotes balanced (cutting at the last
  // ": " used to leave just "I'").
  CHECK_THROWS_WITH(parse_json_text(R"({"a": Infinity})", "c.json"),
                    "c.json:1:7: invalid JSON: syntax error while parsing value - invalid "
                    "literal; last read: '\"a\": I'");
  CHECK_THROWS_WITH(parse_json_text(R"({"a": NaN})", "c.json"),
                    Catch::Matchers::EndsWith("invalid literal; last read: '\"a\": N'"));
}

TEST_CASE("read_text_file refuses devices and reads no more than the limit", "[json]") {
  using ftcost::load::read_text_file;
  // /dev/zero never ends and stat reports size 0 for it: it must be refused before reading.
  CHECK_THROWS_WITH(read_text_file("/dev/zero", 1024),
                    "/dev/zero: is not a regular file (a regular file)");
  CHECK_THROWS_WITH(read_text_file("/dev/null", 1024),
                    "/dev/null: is not a regular file (a regular file)");
  const std::string path = FTCOST_TEST_DATA "/datasets/bad_line2.jsonl";
  const std::string text = read_text_file(path, 1 << 20);
  CHECK_THROWS_WITH(read_text_file(path, text.size() - 1),
                    path + ": file is larger than the limit (at most " +
                        std::to_string(text.size() - 1) + " bytes)");
  CHECK(read_text_file(path, text.size()) == text);
}
