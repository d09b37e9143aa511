// Generic enum <-> command-line/JSON name mapping, driven by one table per enum (EnumNames<E>).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ftcost {

/// Specialise with `static constexpr std::array<std::pair<E, std::string_view>, N> kEntries`,
/// listing every enumerator once with its canonical name (the spelling flags and JSON use).
template <class E>
struct EnumNames;

/// Canonical name of `value`, e.g. name_of(Method::Qlora) == "qlora".
/// Returns "?" only if the table misses an enumerator (a bug the tests catch).
template <class E>
[[nodiscard]] constexpr std::string_view name_of(E value) noexcept {
  for (const auto& [enumerator, name] : EnumNames<E>::kEntries) {
    if (enumerator == value) {
      return name;
    }
  }
  return "?";
}

/// The enumerator whose canonical name equals `name` exactly, or nullopt.
template <class E>
[[nodiscard]] constexpr std::optional<E> enum_from_name(std::string_view name) noexcept {
  for (const auto& [enumerator, entry_name] : EnumNames<E>::kEntries) {
    if (entry_name == name) {
      return enumerator;
    }
  }
  return std::nullopt;
}

/// Every canonical name of E, in table order (for "accepted: ..." messages and --help).
template <class E>
[[nodiscard]] std::vector<std::string> enum_names() {
  std::vector<std::string> names;
  names.reserve(EnumNames<E>::kEntries.size());
  for (const auto& entry : EnumNames<E>::kEntries) {
    names.emplace_back(entry.second);
  }
  return names;
}

/// Joins names as "a, b, c" for messages.
[[nodiscard]] std::string join_names(const std::vector<std::string>& names);

}  // namespace ftcost
