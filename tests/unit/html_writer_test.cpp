// Escaping and markup: catalog text can never open an element, and every element closes.
#include "render/html/html_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

namespace html = ftcost::render::html;

TEST_CASE("the five markup characters become entities", "[html]") {
  CHECK(html::escape("<script>&\"'") == "&lt;script&gt;&amp;&quot;&#39;");
  CHECK(html::escape("Texas, US") == "Texas, US");
  CHECK(html::escape("Hafnarfjarðarkaupstaður") == "Hafnarfjarðarkaupstaður");
}

TEST_CASE("what XML cannot carry becomes U+FFFD", "[html]") {
  CHECK(html::escape("us-east\x01-1") == "us-east\xEF\xBF\xBD-1");
  CHECK(html::escape("us-east-1\x1b[31m") == "us-east-1\xEF\xBF\xBD[31m");
  CHECK(html::escape("a\xFF"
                     "b") ==
        "a\xEF\xBF\xBD"
        "b");                                     // not UTF-8
  CHECK(html::escape("\xC3") == "\xEF\xBF\xBD");  // truncated sequence
  CHECK(html::escape("\xED\xA0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  CHECK(html::escape("tab\tline\n") == "tab\tline\n");
}

TEST_CASE("markup escapes attribute values and text, and closes what it opened", "[html]") {
  std::ostringstream out;
  html::Markup page(out);
  page.open("td", {{"title", "a\"b<c"}});
  page.text("x & y");
  page.close();
  page.element("td", "");
  page.leaf("circle", {{"r", html::coord(4.5)}});
  CHECK(out.str() == "<td title=\"a&quot;b&lt;c\">x &amp; y</td><td></td><circle r=\"4.5\"/>");
  CHECK(page.depth() == 0);
  CHECK_THROWS_AS(page.close(), std::logic_error);
  CHECK_THROWS_AS(page.raw("a<b"), std::logic_error);
}

TEST_CASE("coordinates keep two decimals at most", "[html]") {
  CHECK(html::coord(12.5) == "12.5");
  CHECK(html::coord(3) == "3");
  CHECK(html::coord(1.23456) == "1.23");
  CHECK(html::coord(-0.001) == "0");
}
