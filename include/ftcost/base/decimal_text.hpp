// Strict parsing of numbers typed on the command line: plain decimal only, never hex, octal,
// NaN or infinity (C's strtod and CLI11 accept all four).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace ftcost {

/// Why a text is or is not a number.
enum class DecimalStatus {
  Ok,          ///< parsed; value is set
  Empty,       ///< "" (e.g. --epochs '')
  NotNumber,   ///< not plain decimal: "0x10", "nan", "inf", "1,5", "abc"
  NotInteger,  ///< a decimal number with a fraction or exponent where an integer is wanted: "1.5"
  OutOfRange,  ///< decimal, but beyond double (1e400) or std::int64_t (18446744073709551617)
};

/// A parsed decimal: `value` is meaningful only when status == Ok.
template <class T>
struct ParsedDecimal {
  DecimalStatus status = DecimalStatus::Empty;
  T value{};
};

/// Parses `[+-]digits[.digits][(e|E)[+-]digits]` (or `.digits`) into a finite double. Leading zeros
/// are decimal ("010" is ten). Anything else, including surrounding spaces, is NotNumber.
[[nodiscard]] ParsedDecimal<double> parse_decimal_number(std::string_view text);

/// Parses `[+-]digits` into an int64. Leading zeros are decimal ("010" is ten); "1.5" and "1e3"
/// are NotInteger; beyond int64 is OutOfRange.
[[nodiscard]] ParsedDecimal<std::int64_t> parse_decimal_integer(std::string_view text);

}  // namespace ftcost
