// Command-line options whose values are numbers: plain decimal, finite, within stated bounds,
// with one readable error per bad value (docs/exit-codes.md).
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "ftcost/base/decimal_text.hpp"
#include "ftcost/base/number_text.hpp"

namespace ftcost::cli {

/// The stored type of an option target: T for T and for std::optional<T>.
template <class Target>
struct stored {
  using type = Target;
};
template <class T>
struct stored<std::optional<T>> {
  using type = T;
};

/// A CLI11 validator accepting a plain decimal integer (leading zeros read as decimal) from
/// `min` to `max`; "1.5", "0x10", "", "nan" and out-of-range values fail with a message such as
/// "'1.5' is not an integer; expected an integer from 1 to 10000000".
[[nodiscard]] CLI::Validator integer_in(std::int64_t min, std::int64_t max);

/// A CLI11 validator accepting a finite plain decimal number from `min` to `max`; NaN, inf, hex
/// and "" fail with e.g. "'nan' is not a decimal number; expected a number from 0.001 to 100000".
[[nodiscard]] CLI::Validator number_in(double min, double max);

/// Adds `--flag N` storing an integer checked by integer_in(min, max) into `target`.
template <class Target>
CLI::Option* add_integer_option(CLI::App& app, const std::string& flag, Target& target,
                                std::int64_t min, std::int64_t max,
                                const std::string& description) {
  return app
      .add_option_function<std::string>(
          flag,
          [&target](const std::string& text) {
            target = static_cast<typename stored<Target>::type>(parse_decimal_integer(text).value);
          },
          description)
      ->check(integer_in(min, max))
      ->type_name("INT");
}

/// Adds `--flag X` storing a number checked by number_in(min, max) into `target`.
template <class Target>
CLI::Option* add_number_option(CLI::App& app, const std::string& flag, Target& target, double min,
                               double max, const std::string& description) {
  return app
      .add_option_function<std::string>(
          flag,
          [&target](const std::string& text) {
            target = static_cast<typename stored<Target>::type>(parse_decimal_number(text).value);
          },
          description)
      ->check(number_in(min, max))
      ->type_name("NUMBER");
}

}  // namespace ftcost::cli
