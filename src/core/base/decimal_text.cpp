// Strict decimal parsing for command-line numbers (include/ftcost/decimal_text.hpp).
#include "ftcost/base/decimal_text.hpp"

#include <charconv>
#include <cmath>
#include <string>
#include <system_error>

namespace ftcost {
namespace {

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Consumes digits from `pos`; returns how many.
std::size_t digits(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  while (pos < text.size() && is_digit(text[pos])) {
    ++pos;
  }
  return pos - start;
}

void skip_sign(std::string_view text, std::size_t& pos) {
  if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) {
    ++pos;
  }
}

// True for the grammar in the header; `integer` is set when there is no fraction or exponent.
bool is_decimal(std::string_view text, bool& integer) {
  std::size_t pos = 0;
  skip_sign(text, pos);
  std::size_t mantissa = digits(text, pos);
  integer = true;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    mantissa += digits(text, pos);
    integer = false;
  }
  if (mantissa == 0) {
    return false;
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    ++pos;
    skip_sign(text, pos);
    integer = false;
    if (digits(text, pos) == 0) {
      return false;
    }
  }
  return pos == text.size();
}

// from_chars rejects a leading '+'; the grammar allows it.
std::string_view without_plus(std::string_view text) {
  return !text.empty() && text.front() == '+' ? text.substr(1) : text;
}

}  // namespace

ParsedDecimal<double> parse_decimal_number(std::string_view text) {
  bool integer = false;
  if (text.empty()) {
    return {DecimalStatus::Empty, 0};
  }
  if (!is_decimal(text, integer)) {
    return {DecimalStatus::NotNumber, 0};
  }
  const std::string_view body = without_plus(text);
  double value = 0;
  const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (error == std::errc::result_out_of_range || !std::isfinite(value)) {
    return {DecimalStatus::OutOfRange, 0};
  }
  if (error != std::errc{} || end != body.data() + body.size()) {
    return {DecimalStatus::NotNumber, 0};
  }
  return {DecimalStatus::Ok, value};
}

ParsedDecimal<std::int64_t> parse_decimal_integer(std::string_view text) {
  bool integer = false;
  if (text.empty()) {
    return {DecimalStatus::Empty, 0};
  }
  if (!is_decimal(text, integer)) {
    return {DecimalStatus::NotNumber, 0};
  }
  if (!integer) {
    return {DecimalStatus::NotInteger, 0};
  }
  const std::string_view body = without_plus(text);
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(body.data(), body.data() + body.size(), value);
  if (error == std::errc::result_out_of_range) {
    return {DecimalStatus::OutOfRange, 0};
  }
  if (error != std::errc{} || end != body.data() + body.size()) {
    return {DecimalStatus::NotNumber, 0};
  }
  return {DecimalStatus::Ok, value};
}

}  // namespace ftcost
