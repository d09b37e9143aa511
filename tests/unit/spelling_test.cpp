// "Did you mean" suggestions and enum name tables.
#include "ftcost/spelling.hpp"

#include <catch2/catch.hpp>

#include "ftcost/setup.hpp"

using ftcost::closest_name;
using ftcost::edit_distance;

TEST_CASE("edit distance counts single-character edits, ignoring case", "[spelling]") {
  CHECK(edit_distance("qlroa", "qlora") == 2);  // one transposition = two substitutions
  CHECK(edit_distance("LoRA", "lora") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("closest_name suggests a near miss and nothing for a far one", "[spelling]") {
  const std::vector<std::string> methods{"full", "lora", "qlora"};
  CHECK(closest_name("qlroa", methods) == std::optional<std::string>("qlora"));
  CHECK(closest_name("ful", methods) == std::optional<std::string>("full"));
  CHECK_FALSE(closest_name("distillation", methods).has_value());
  CHECK_FALSE(closest_name("x", methods).has_value());
}

TEST_CASE("every enumerator has a distinct name that maps back to it", "[spelling]") {
  for (const auto& [value, name] : ftcost::EnumNames<ftcost::Optimizer>::kEntries) {
    CHECK(ftcost::enum_from_name<ftcost::Optimizer>(name) == value);
    CHECK(ftcost::name_of(value) == name);
  }
  CHECK(ftcost::name_of(ftcost::Precision::Fp16Mixed) == "16-mixed");
  CHECK_FALSE(ftcost::enum_from_name<ftcost::Method>("QLoRA").has_value());
}
