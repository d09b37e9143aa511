// CSV output follows RFC 4180: quoted fields, doubled inner quotes, CRLF records.
#include "render/csv_writer.hpp"

#include <catch2/catch.hpp>
#include <sstream>

TEST_CASE("fields are quoted and inner quotes doubled", "[csv]") {
  CHECK(ftcost::render::csv_field("plain") == "\"plain\"");
  CHECK(ftcost::render::csv_field("a \"b\", c") == "\"a \"\"b\"\", c\"");
  CHECK(ftcost::render::csv_field("") == "\"\"");
  CHECK(ftcost::render::csv_field("two\nlines") == "\"two\nlines\"");
}

TEST_CASE("records end in CRLF after a header row", "[csv]") {
  std::ostringstream out;
  ftcost::render::write_csv(out, {"gpu", "usd_per_hour"}, {{"rtx-4090", "0.34"}});
  CHECK(out.str() == "\"gpu\",\"usd_per_hour\"\r\n\"rtx-4090\",\"0.34\"\r\n");
}
