// Text: interning, compile-time literals, comparison and the std::string-like surface.
#include "ftcost/base/text.hpp"

#include <catch2/catch.hpp>
#include <map>
#include <sstream>
#include <string>
#include <unordered_set>

using ftcost::Text;
using ftcost::text_literal;

TEST_CASE("equal strings share one interned copy", "[text]") {
  const std::string a = "runpod-community";
  const Text first(a);
  const Text second{std::string_view()};
  const Text again("runpod-" + std::string("community"));
  CHECK(first.data() == again.data());
  CHECK(first.size() == 16);
  CHECK(second.empty());
  CHECK(second.data() == Text().data());
  CHECK(std::string_view(first.c_str()) == "runpod-community");  // NUL-terminated
}

TEST_CASE("a compile-time literal equals the interned string without sharing its record",
          "[text]") {
  constexpr Text literal = text_literal<"vast">();
  const Text interned(std::string("vast"));
  CHECK(literal == interned);
  CHECK(literal.data() != interned.data());
  CHECK(literal.size() == 4);
  CHECK(std::hash<Text>{}(literal) == std::hash<Text>{}(interned));
  CHECK(text_literal<"vast">().data() == literal.data());  // one record per literal
}

TEST_CASE("Text compares and orders like the string it holds", "[text]") {
  const Text b("b");
  CHECK(b == "b");
  CHECK("b" == b);
  CHECK(b == std::string("b"));
  CHECK(std::string_view("b") == b);
  CHECK(b != "bb");
  CHECK(Text("a") < b);
  CHECK(b < Text("ba"));
  CHECK(Text() < Text("a"));
  std::map<Text, int> sorted{{Text("z"), 1}, {Text("a"), 2}, {Text(""), 3}};
  CHECK(sorted.begin()->second == 3);
  CHECK(sorted.rbegin()->first == "z");
}

TEST_CASE("Text joins, converts and prints as a string", "[text]") {
  const Text provider("aws");
  CHECK(provider + "/" + "h100" == "aws/h100");
  CHECK("x-" + provider == "x-aws");
  CHECK(std::string("<") + provider + Text(">") == "<aws>");
  std::string s = provider;
  s += Text("!");
  CHECK(s == "aws!");
  CHECK(provider.substr(1) == "ws");
  CHECK_THROWS_AS(provider.substr(4), std::out_of_range);
  std::ostringstream out;
  out << provider;
  CHECK(out.str() == "aws");
  Text cleared = provider;
  cleared.clear();
  CHECK(cleared.empty());
  CHECK(provider == "aws");
}

TEST_CASE("the pool keeps every string through its growth, NUL bytes included", "[text]") {
  std::vector<Text> texts;
  texts.reserve(20000);
  for (int i = 0; i < 20000; ++i) {
    texts.emplace_back("offer-" + std::to_string(i));
  }
  const std::string with_nul("a\0b", 3);
  const Text nul(with_nul);
  CHECK(nul.size() == 3);
  CHECK(nul.view() == with_nul);
  CHECK(nul != Text("a"));
  std::unordered_set<const char*> records;
  for (int i = 0; i < 20000; ++i) {
    REQUIRE(texts[static_cast<std::size_t>(i)] == "offer-" + std::to_string(i));
    records.insert(texts[static_cast<std::size_t>(i)].data());
  }
  CHECK(records.size() == 20000);
  CHECK(Text("offer-19999").data() == texts.back().data());
  CHECK(Text::pool_bytes() > std::size_t{20000} * 12);
  const std::string long_text(100000, 'x');  // longer than a pool chunk
  CHECK(Text(long_text).view() == long_text);
  CHECK(Text(long_text).data() == Text(long_text).data());
}
