// Number-to-text for messages: std::to_chars, shortest general or fixed form.
#include "ftcost/base/number_text.hpp"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace ftcost {

namespace {

std::string to_text(double value, std::chars_format format, int precision) {
  std::array<char, 400> buffer{};  // a fixed double near 1e308 has 309 digits
  const auto result =
      std::to_chars(buffer.data(), buffer.data() + buffer.size(), value, format, precision);
  return {buffer.data(), result.ptr};
}

}  // namespace

std::string short_number(double value, int significant) {
  return to_text(value, std::chars_format::general, significant);
}

std::string fixed_number(double value, int decimals) {
  return to_text(value, std::chars_format::fixed, decimals);
}

std::string bound_text(double value) {
  if (std::fabs(value) < 1e9 && value == std::floor(value)) {
    return std::to_string(static_cast<std::int64_t>(value));
  }
  std::string text = short_number(value);
  if (const auto plus = text.find("e+"); plus != std::string::npos) {
    text.erase(plus + 1, 1);  // 1e15, as users type it
  }
  return text;
}

}  // namespace ftcost
