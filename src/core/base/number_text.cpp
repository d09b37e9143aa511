// short_number: std::to_chars in its shortest general form.
#include "base/number_text.hpp"

#include <array>
#include <charconv>

namespace ftcost {

std::string short_number(double value, int significant) {
  std::array<char, 64> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), value,
                                    std::chars_format::general, significant);
  return {buffer.data(), result.ptr};
}

}  // namespace ftcost
