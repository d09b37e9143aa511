// Small helpers shared by the HF config readers: keys with several spellings.
#pragma once

#include <initializer_list>
#include <optional>
#include <string_view>

#include "json_reader.hpp"

namespace ftcost::load {

/// Upper bound for any width read from a config.json: catches typos, not unusual models.
inline constexpr std::int64_t kMaxConfigWidth = 10'000'000;

/// The first of `keys` present (and not null) in `object`; throws if `object` is not an object.
[[nodiscard]] inline std::optional<JsonCursor> find_any(
    const JsonCursor& object, std::initializer_list<std::string_view> keys) {
  for (std::string_view key : keys) {
    if (auto value = object.find(key)) {
      return value;
    }
  }
  return std::nullopt;
}

}  // namespace ftcost::load
