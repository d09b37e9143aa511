// Bars in the text tables: ASCII for pipes, eighth blocks for terminals, colour codes that take
// no column.
#include "render/text_bar.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "render/table_writer.hpp"

using ftcost::render::BarGlyphs;
using ftcost::render::BarTone;
using ftcost::render::text_bar;
using ftcost::render::TextStyle;

TEST_CASE("ASCII bars fill whole cells, at least one for any positive share", "[bar]") {
  CHECK(text_bar(0.5, 10, {}) == "#####.....");
  CHECK(text_bar(0.001, 10, {}) == "#.........");
  CHECK(text_bar(0, 10, {}) == "..........");
  CHECK(text_bar(1.09, 10, {}) == "##########");         // beyond capacity: full, never wider
  CHECK(text_bar(1.58 / 2.79, 10, {}) == "######....");  // 5.66 cells round to 6
}

TEST_CASE("block bars resolve eighths of a cell and keep their width", "[bar]") {
  const TextStyle blocks{.glyphs = BarGlyphs::Unicode, .color = false};
  CHECK(text_bar(0.5, 4, blocks) == "\u2588\u2588  ");
  // 0.3 x 32 eighths = 9.6, rounded to 10: one full block and a quarter (U+258E).
  CHECK(text_bar(0.3, 4, blocks) == "\u2588\u258E  ");
  CHECK(text_bar(1.0 / 64, 4, blocks) == "\u258F   ");  // the smallest step
  CHECK(text_bar(1, 2, blocks) == "\u2588\u2588");
}

TEST_CASE("coloured bars wrap only the filled part in the tone's SGR code", "[bar]") {
  const TextStyle colour{.glyphs = BarGlyphs::Unicode, .color = true};
  CHECK(text_bar(1, 2, colour, BarTone::Over) == "\x1b[31m\u2588\u2588\x1b[0m");
  CHECK(text_bar(0.5, 2, colour) == "\x1b[36m\u2588\x1b[0m ");
  CHECK(text_bar(0, 2, colour) == "  ");
}

TEST_CASE("colour codes take no column in an aligned table", "[bar]") {
  std::ostringstream out;
  using ftcost::render::Align;
  ftcost::render::write_table(out, {{"bar", Align::Left}, {"n", Align::Right}},
                              {{"\x1b[36m##\x1b[0m", "1"}, {"###", "2"}});
  CHECK(out.str() ==
        "bar  n\n"
        "---  -\n"
        "\x1b[36m##\x1b[0m   1\n"
        "###  2\n");
  CHECK(ftcost::render::table_width({{"bar", Align::Left}, {"n", Align::Right}},
                                    {{"\x1b[36m##\x1b[0m", "1"}}) == 6);
}
