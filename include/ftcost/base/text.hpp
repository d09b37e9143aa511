// Text: immutable strings in one pointer, shared by every row that repeats them.
#pragma once

#include <algorithm>
#include <compare>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <string>
#include <string_view>

namespace ftcost {

namespace text_detail {

/// What a Text points at: the size in bytes, then the characters and a NUL.
struct Header {
  std::uint32_t size = 0;
};

/// A record laid out at compile time (text_literal).
template <std::size_t N>
struct StaticRecord {
  Header header;
  char chars[N];  ///< N - 1 characters and a NUL
};

inline constexpr StaticRecord<1> kEmpty{{0}, {'\0'}};

/// A string literal as a template argument.
template <std::size_t N>
struct FixedText {
  char chars[N]{};
  // NOLINTNEXTLINE(google-explicit-constructor): a template argument written as a literal
  constexpr FixedText(const char (&literal)[N]) noexcept { std::copy_n(literal, N, chars); }
};

template <FixedText S>
inline constexpr StaticRecord<sizeof(S.chars)> kLiteral = [] {
  StaticRecord<sizeof(S.chars)> record{};
  record.header.size = static_cast<std::uint32_t>(sizeof(S.chars) - 1);
  std::copy_n(S.chars, sizeof(S.chars), record.chars);
  return record;
}();

}  // namespace text_detail

/// An immutable string held as one pointer (8 bytes, where std::string takes 32 plus a heap block
/// past 15 characters), for the fields that 100,000 catalog offers repeat: provider and GPU ids,
/// regions, sources, dates (docs/catalog.md#size). The characters live as long as the program:
/// compile-time records (text_literal) or copies interned once in a process-wide pool, so equal
/// strings share one copy and a Text never dangles. Text from a string interns it; the pool only
/// grows (it holds each distinct string once) and is not thread-safe: make Texts on one thread.
/// Reads like a std::string_view; converts to std::string and std::string_view implicitly so it can
/// stand where those did.
class Text {
 public:
  /// The empty string.
  constexpr Text() noexcept : header_(&text_detail::kEmpty.header) {}
  /// `text` interned (copied into the pool once; later equal strings share that copy).
  /// Implicit, like std::string's, so a Text field takes any string.
  // NOLINTNEXTLINE(google-explicit-constructor)
  Text(std::string_view text);
  // NOLINTNEXTLINE(google-explicit-constructor)
  Text(const std::string& text) : Text(std::string_view(text)) {}
  // NOLINTNEXTLINE(google-explicit-constructor)
  Text(const char* text) : Text(std::string_view(text)) {}

  [[nodiscard]] std::size_t size() const noexcept { return header_->size; }
  [[nodiscard]] bool empty() const noexcept { return header_->size == 0; }
  /// The characters, NUL-terminated.
  [[nodiscard]] const char* data() const noexcept {
    return reinterpret_cast<const char*>(header_ + 1);  // NOLINT: the characters follow the header
  }
  [[nodiscard]] const char* c_str() const noexcept { return data(); }
  [[nodiscard]] const char* begin() const noexcept { return data(); }
  [[nodiscard]] const char* end() const noexcept { return data() + size(); }
  [[nodiscard]] std::string_view view() const noexcept { return {data(), size()}; }
  [[nodiscard]] std::string str() const { return std::string(view()); }
  [[nodiscard]] bool starts_with(std::string_view prefix) const noexcept {
    return view().starts_with(prefix);
  }
  [[nodiscard]] bool ends_with(std::string_view suffix) const noexcept {
    return view().ends_with(suffix);
  }
  /// As std::string_view::find: the first position of `needle` at or after `pos`, or npos.
  [[nodiscard]] std::size_t find(std::string_view needle, std::size_t pos = 0) const noexcept {
    return view().find(needle, pos);
  }
  static constexpr std::size_t npos = std::string_view::npos;
  /// As std::string::substr (a copy); throws std::out_of_range when pos > size().
  [[nodiscard]] std::string substr(std::size_t pos, std::size_t count = std::string::npos) const {
    return std::string(view().substr(pos, count));
  }
  // NOLINTNEXTLINE(google-explicit-constructor): reads like the strings it replaced
  operator std::string_view() const noexcept { return view(); }
  // NOLINTNEXTLINE(google-explicit-constructor)
  operator std::string() const { return str(); }

  /// Makes this the empty string.
  void clear() noexcept { header_ = &text_detail::kEmpty.header; }

  friend bool operator==(Text a, Text b) noexcept {
    return a.header_ == b.header_ || a.view() == b.view();
  }
  friend std::strong_ordering operator<=>(Text a, Text b) noexcept { return a.view() <=> b.view(); }
  template <class S>
  requires std::convertible_to<const S&, std::string_view> &&(!std::same_as<S, Text>)friend bool
  operator==(Text a, const S& b) noexcept {
    return a.view() == std::string_view(b);
  }
  template <class S>
  requires std::convertible_to<const S&, std::string_view> &&
      (!std::same_as<S, Text>)friend std::strong_ordering
      operator<=>(Text a, const S& b) noexcept {
    return a.view() <=> std::string_view(b);
  }

  /// Bytes held by the intern pool: records and its hash table (for benchmarks and tests).
  [[nodiscard]] static std::size_t pool_bytes() noexcept;

  /// A record that lives as long as the program (text_literal's, or the pool's).
  explicit constexpr Text(const text_detail::Header* record) noexcept : header_(record) {}

 private:
  const text_detail::Header* header_;
};

/// A string literal as Text without interning, for tables compiled into the binary:
/// text_literal<"vast">().
template <text_detail::FixedText S>
[[nodiscard]] constexpr Text text_literal() noexcept {
  return Text(&text_detail::kLiteral<S>.header);
}

[[nodiscard]] inline std::string operator+(Text a, std::string_view b) {
  std::string joined(a.view());
  joined += b;
  return joined;
}
[[nodiscard]] inline std::string operator+(Text a, const std::string& b) {
  return a + std::string_view(b);
}
[[nodiscard]] inline std::string operator+(Text a, const char* b) {
  return a + std::string_view(b);
}
[[nodiscard]] inline std::string operator+(std::string a, Text b) {
  a += b.view();
  return a;
}
[[nodiscard]] inline std::string operator+(const char* a, Text b) {
  return std::string(a) + b;
}
[[nodiscard]] inline std::string operator+(Text a, Text b) {
  return a + b.view();
}
inline std::string& operator+=(std::string& a, Text b) {
  return a += b.view();
}

/// Writes the characters.
std::ostream& operator<<(std::ostream& out, Text text);

}  // namespace ftcost

template <>
struct std::hash<ftcost::Text> {
  std::size_t operator()(ftcost::Text text) const noexcept {
    return std::hash<std::string_view>{}(text.view());
  }
};
