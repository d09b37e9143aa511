// Text tables align columns by display width.
#include "render/table_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>

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
