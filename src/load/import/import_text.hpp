// Text helpers the catalog readers share: case folding and cutting an offending value for a
// message without splitting a UTF-8 sequence.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>

namespace ftcost::load {

/// Longest value a skipped-row message quotes, bytes.
inline constexpr std::size_t kQuotedValueBytes = 60;

/// `text` in ASCII lower case (other bytes unchanged).
[[nodiscard]] inline std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

/// `value` cut to kQuotedValueBytes, never ending inside a UTF-8 sequence (free-text regions).
[[nodiscard]] inline std::string quoted_value(std::string_view value) {
  if (value.size() <= kQuotedValueBytes) {
    return std::string(value);
  }
  std::size_t end = kQuotedValueBytes;
  while (end > 0 && (static_cast<unsigned char>(value[end]) & 0xC0U) == 0x80U) {
    --end;
  }
  return std::string(value.substr(0, end));
}

}  // namespace ftcost::load
