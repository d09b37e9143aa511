// The number validators behind add_integer_option and add_number_option.
#include "number_option.hpp"

namespace ftcost::cli {
namespace {

std::string problem(DecimalStatus status, const std::string& text, const char* kind) {
  switch (status) {
    case DecimalStatus::Empty:
      return "empty value";
    case DecimalStatus::NotNumber:
      return "'" + text + "' is not a plain decimal " + kind;
    case DecimalStatus::NotInteger:
      return "'" + text + "' is not an integer";
    case DecimalStatus::OutOfRange:
    case DecimalStatus::Ok:
      break;
  }
  return "'" + text + "' is out of range";
}

}  // namespace

CLI::Validator integer_in(std::int64_t min, std::int64_t max) {
  // All digits: an integer flag refuses "1e12", so its bound must not be written that way.
  const std::string bounds = std::to_string(min) + " to " + std::to_string(max);
  const std::string range = "an integer from " + bounds;
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        const ParsedDecimal<std::int64_t> parsed = parse_decimal_integer(text);
        if (parsed.status == DecimalStatus::Ok && parsed.value >= min && parsed.value <= max) {
          return {};
        }
        return problem(parsed.status, text, "integer") + "; expected " + range;
      },
      bounds);
}

CLI::Validator number_in(double min, double max) {
  const std::string range = "a number from " + bound_text(min) + " to " + bound_text(max);
  return CLI::Validator(
      [=](std::string& text) -> std::string {
        const ParsedDecimal<double> parsed = parse_decimal_number(text);
        if (parsed.status == DecimalStatus::Ok && parsed.value >= min && parsed.value <= max) {
          return {};
        }
        return problem(parsed.status, text, "number") + "; expected " + range;
      },
      bound_text(min) + " to " + bound_text(max));
}

}  // namespace ftcost::cli
