// Strict decimal parsing of command-line numbers: no hex, octal, NaN, infinity or empty values.
#include "ftcost/base/decimal_text.hpp"

#include <catch2/catch.hpp>

#include "ftcost/base/number_text.hpp"

using ftcost::DecimalStatus;
using ftcost::parse_decimal_integer;
using ftcost::parse_decimal_number;

TEST_CASE("integers are plain decimal; leading zeros stay decimal", "[decimal_text]") {
  CHECK(parse_decimal_integer("010").value == 10);  // strtol base 0 would read octal 8
  CHECK(parse_decimal_integer("+7").value == 7);
  CHECK(parse_decimal_integer("-5").value == -5);
  CHECK(parse_decimal_integer("9223372036854775807").value == INT64_MAX);
}

TEST_CASE("integer texts that are not plain decimal integers say why", "[decimal_text]") {
  auto [text, status] = GENERATE(table<std::string, DecimalStatus>({
      {"", DecimalStatus::Empty},
      {"0x10", DecimalStatus::NotNumber},
      {"1.5", DecimalStatus::NotInteger},
      {"1e3", DecimalStatus::NotInteger},
      {"18446744073709551617", DecimalStatus::OutOfRange},
      {" 5", DecimalStatus::NotNumber},
      {"-", DecimalStatus::NotNumber},
  }));
  CHECK(parse_decimal_integer(text).status == status);
}

TEST_CASE("numbers are finite plain decimals", "[decimal_text]") {
  CHECK(parse_decimal_number("0.5").value == 0.5);
  CHECK(parse_decimal_number(".5").value == 0.5);
  CHECK(parse_decimal_number("2e6").value == 2e6);
  CHECK(parse_decimal_number("+1E-3").value == 0.001);
  auto [text, status] = GENERATE(table<std::string, DecimalStatus>({
      {"", DecimalStatus::Empty},
      {"nan", DecimalStatus::NotNumber},
      {"-nan", DecimalStatus::NotNumber},
      {"inf", DecimalStatus::NotNumber},
      {"0x18", DecimalStatus::NotNumber},
      {"1e", DecimalStatus::NotNumber},
      {"1,5", DecimalStatus::NotNumber},
      {"1e400", DecimalStatus::OutOfRange},
  }));
  CHECK(parse_decimal_number(text).status == status);
}

TEST_CASE("bounds print short", "[decimal_text]") {
  CHECK(ftcost::bound_text(10'000'000) == "10000000");
  CHECK(ftcost::bound_text(0.001) == "0.001");
  CHECK(ftcost::bound_text(1e15) == "1e15");
}
