// Text tables align columns by display width.
#include "render/table_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>

#include "render/assumptions_render.hpp"

using ftcost::render::Align;

TEST_CASE("columns align to the widest cell, numbers to the right", "[table]") {
  std::ostringstream out;
  ftcost::render::write_table(out, {{"gpu", Align::Left}, {"GiB", Align::Right}},
                              {{"rtx-4090", "23.6"}, {"h100", "79.1"}, {"a10", "≤ 1"}});
  CHECK(out.str() ==
        "gpu        GiB\n"
        "--------  ----\n"
        "rtx-4090  23.6\n"
        "h100      79.1\n"
        "a10        ≤ 1\n");
}

TEST_CASE("key-value lines align their values", "[table]") {
  std::ostringstream out;
  ftcost::render::write_key_values(out, {{"model", "llama-3.1-8b"}, {"peak", "9.1 GiB"}});
  CHECK(out.str() == "model: llama-3.1-8b\npeak:  9.1 GiB\n");
}

TEST_CASE("assumption lines wrap at word boundaries within 100 columns", "[table]") {
  std::ostringstream out;
  std::string text;
  for (int i = 0; i < 40; ++i) {
    text += "word" + std::to_string(i) + " ";
  }
  ftcost::render::write_assumption_item(out, text + "[docs/x.md]");
  const std::string printed = out.str();
  std::istringstream lines(printed);
  std::vector<std::string> seen;
  for (std::string line; std::getline(lines, line);) {
    CHECK(line.size() <= 100);
    seen.push_back(line);
  }
  REQUIRE(seen.size() == 3);
  CHECK(seen[0].rfind("  - word0 word1 ", 0) == 0);
  CHECK(seen[1].rfind("    word", 0) == 0);
  CHECK(seen[2].find("[docs/x.md]") != std::string::npos);
  // A single word longer than the line is kept whole rather than split.
  std::ostringstream long_word;
  ftcost::render::write_assumption_item(long_word, std::string(120, 'x'));
  CHECK(long_word.str() == "  - " + std::string(120, 'x') + "\n");
}

TEST_CASE("token counts read as people write them", "[table]") {
  CHECK(ftcost::render::token_count_text(50e6) == "50M");
  CHECK(ftcost::render::token_count_text(1.2e9) == "1.2B");
  CHECK(ftcost::render::token_count_text(750'000) == "750k");
  CHECK(ftcost::render::token_count_text(12) == "12");
  CHECK(ftcost::render::token_count_text(1e15) == "1000T");
  CHECK(ftcost::render::token_count_text(2134) == "2.134k");
}
