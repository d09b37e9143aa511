// JsonStream writes what nlohmann's dump(2) writes for the same document.
#include "render/json_stream.hpp"

#include <catch2/catch.hpp>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

using ftcost::render::JsonStream;
using nlohmann::json;

namespace {

// Streams `value` (any nlohmann document) through JsonStream, keys in the order nlohmann keeps.
void stream(JsonStream& out, const json& value) {
  switch (value.type()) {
    case json::value_t::object:
      out.begin_object();
      for (const auto& [key, member] : value.items()) {
        out.key(key);
        stream(out, member);
      }
      out.end_object();
      break;
    case json::value_t::array:
      out.begin_array();
      for (const json& item : value) {
        stream(out, item);
      }
      out.end_array();
      break;
    case json::value_t::string:
      out.value(value.get<std::string>());
      break;
    case json::value_t::number_float:
      out.value(value.get<double>());
      break;
    case json::value_t::number_integer:
      out.value(value.get<std::int64_t>());
      break;
    case json::value_t::number_unsigned:
      out.value(value.get<std::size_t>());
      break;
    case json::value_t::boolean:
      out.value(value.get<bool>());
      break;
    default:
      out.null();
  }
}

std::string streamed(const json& value) {
  std::ostringstream out;
  JsonStream writer(out);
  stream(writer, value);
  CHECK(out.str().empty());  // nothing is written before flush()
  writer.flush();
  return out.str();
}

}  // namespace

TEST_CASE("JsonStream writes the bytes of nlohmann's dump(2)", "[json]") {
  const json document = {
      {"numbers",
       {0.0, -0.0, 1.0, 0.1, 1e15, 1e16, 123456789012345678.0, 1e-4, 1e-5, 2.5e-300,
        std::numeric_limits<double>::max(), 1.0 / 3.0, -7.25}},
      {"integers", {0, -1, std::numeric_limits<std::int64_t>::min(), 42}},
      {"unsigned", std::numeric_limits<std::uint64_t>::max()},
      {"text",
       {"", "plain", "quote \" backslash \\ slash /", "tab\tnew\nline\r\x01\x1f\x7f",
        "caf\xc3\xa9 \xe2\x82\xac 24\xc2\xa0GiB", "\b\f"}},
      {"empty_object", json::object()},
      {"empty_array", json::array()},
      {"nested", {{"a", {{"b", json::array({json::object(), json::array({1})})}}}, {"z", nullptr}}},
      {"flags", {true, false}},
  };
  CHECK(streamed(document) == document.dump(2));
  CHECK(streamed(json::array()) == "[]");
  CHECK(streamed(json::object()) == "{}");
  CHECK(streamed(json(1.5)) == "1.5");
}

TEST_CASE("JsonStream writes non-finite numbers as null, as nlohmann does", "[json]") {
  const json document = json::array({std::numeric_limits<double>::infinity(), std::nan("")});
  CHECK(streamed(document) == document.dump(2));
  CHECK(streamed(document) == "[\n  null,\n  null\n]");
}

TEST_CASE("JsonStream refuses keys out of nlohmann's order", "[json]") {
  std::ostringstream out;
  JsonStream writer(out);
  writer.begin_object();
  writer.member("b", 1);
  CHECK_THROWS_AS(writer.key("a"), std::logic_error);
  CHECK_THROWS_AS(writer.key("b"), std::logic_error);
  CHECK_NOTHROW(writer.key("ba"));
}

TEST_CASE("a JsonStream dropped before flush() writes nothing", "[json]") {
  std::ostringstream out;
  {
    JsonStream writer(out);
    writer.begin_object();
    writer.member("a", 1);
  }
  CHECK(out.str().empty());
}
