// Release numbers for --transformers-version: strict major.minor[.patch], compared by value.
#include "ftcost/base/library_version.hpp"

#include <catch2/catch.hpp>

using ftcost::LibraryVersion;
using ftcost::parse_library_version;

TEST_CASE("release numbers parse to major.minor, the patch level ignored", "[library_version]") {
  CHECK(parse_library_version("4.38") == LibraryVersion{4, 38});
  CHECK(parse_library_version("4.45.2") == LibraryVersion{4, 45});
  CHECK(parse_library_version("5.0") == LibraryVersion{5, 0});
  CHECK(ftcost::version_text(*parse_library_version("4.045.1")) == "4.45");
}

TEST_CASE("anything but digits and dots is refused", "[library_version]") {
  const auto text =
      GENERATE(as<std::string>{}, "", "4", "4.", ".38", "v4.38", "4.x", "4.38.", "4.38.0.dev0",
               "4.38 ", " 4.38", "4.38rc1", "1234.1", "4.-1", "4.38.2.1");
  INFO(text);
  CHECK_FALSE(parse_library_version(text).has_value());
}

TEST_CASE("4.46 is where Transformers moved the fp32 upcast into the loss", "[library_version]") {
  CHECK(*parse_library_version("4.45.2") < ftcost::kTransformersUpcastInLoss);
  CHECK_FALSE(*parse_library_version("4.46.0") < ftcost::kTransformersUpcastInLoss);
  CHECK(*parse_library_version("4.9") < *parse_library_version("4.10"));
}
