// "Did you mean" suggestions and enum name tables.
#include "ftcost/base/spelling.hpp"

#include <catch2/catch.hpp>

#include "ftcost/setup/setup.hpp"

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

TEST_CASE("closest_name prefers shared name tokens over raw edit distance", "[spelling]") {
  CHECK(ftcost::name_tokens("Llama-3.1-8B") == std::vector<std::string>{"llama", "3", "1", "8b"});
  CHECK(ftcost::name_tokens("a100-80gb_sxm") ==
        std::vector<std::string>{"a", "100", "80gb", "sxm"});
  // llama-2-7b is 3 edits from llama-8b and llama-3.1-8b 4, but the latter shares llama and 8b.
  const std::vector<std::string> models{"llama-2-7b", "llama-3.1-8b", "mistral-7b"};
  CHECK(closest_name("llama-8b", models) == std::optional<std::string>("llama-3.1-8b"));
  // a10g is 3 edits from 80gb; the 80 GB A100s share the token 80gb (sxm is fewer edits).
  const std::vector<std::string> gpus{"a10", "a10g", "a100-80gb-pcie", "a100-80gb-sxm", "h100-sxm"};
  CHECK(closest_name("80gb", gpus) == std::optional<std::string>("a100-80gb-sxm"));
  // A lone one-letter token shared ("b") is not enough for a far name.
  CHECK_FALSE(closest_name("zzzz-b", {"llama-b"}).has_value());
}
