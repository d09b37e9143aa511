// Reading JSON with a JSON Pointer to every value, so each error names the exact place.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "json_checks.hpp"

namespace ftcost::load {

/// Parses `text`; a syntax error throws InputError "<origin>:<line>:<column>: invalid JSON: ...".
[[nodiscard]] nlohmann::json parse_json_text(std::string_view text, const std::string& origin);

/// As parse_json_text, handing each element of the array at `streamed_array` (a JSON Pointer,
/// "/offers") to `visit` as soon as it is parsed instead of keeping it, so a large array is never
/// held whole (parse_checked). Exceptions `visit` throws pass through.
[[nodiscard]] nlohmann::json parse_json_text(std::string_view text, const std::string& origin,
                                             std::string_view streamed_array,
                                             const ElementVisitor& visit);

/// Reads a whole file (at most `max_bytes`); throws InputError (ExitCode::InvalidData) naming
/// `path` when it is missing, unreadable, a directory, empty, or larger than max_bytes.
[[nodiscard]] std::string read_text_file(const std::string& path, std::uintmax_t max_bytes);

/// A read-only view of one JSON value plus its JSON Pointer and the origin's name. Every typed
/// accessor throws InputError(origin, pointer, "expected ..., got ...") on a mismatch.
/// The pointer is built only when asked for (an error, mostly): a member's cursor holds its
/// parent's pointer and its own key (a view of the key stored in the document), so reading a
/// 100,000-offer catalog builds no pointer strings at all.
class JsonCursor {
 public:
  JsonCursor(const nlohmann::json& value, std::string origin, std::string pointer = "");
  [[nodiscard]] const nlohmann::json& value() const noexcept { return *value_; }
  /// The value's JSON Pointer ("/offers/7/gpu"; "" for the document).
  [[nodiscard]] std::string pointer() const;
  [[nodiscard]] const std::string& origin() const noexcept { return *origin_; }
  /// The member `key` of an object; throws when this is not an object or the key is missing.
  [[nodiscard]] JsonCursor at(std::string_view key) const;
  /// The member `key`, or nullopt when absent or null; throws when this is not an object.
  [[nodiscard]] std::optional<JsonCursor> find(std::string_view key) const;
  /// The elements of an array; throws when this is not an array.
  [[nodiscard]] std::vector<JsonCursor> elements() const;
  [[nodiscard]] std::string string() const;
  [[nodiscard]] bool boolean() const;
  /// A finite number within [min, max].
  [[nodiscard]] double number(double min, double max) const;
  /// An integer within [min, max] (a float with a fractional part is refused).
  [[nodiscard]] std::int64_t integer(std::int64_t min, std::int64_t max) const;
  /// Throws for the first key not in `known`, suggesting the closest known key.
  void reject_unknown_keys(std::initializer_list<std::string_view> known) const;
  /// Throws InputError at this value's pointer.
  [[noreturn]] void fail(const std::string& problem, const std::string& accepted = {}) const;

 private:
  using SharedText = std::shared_ptr<const std::string>;
  JsonCursor(const nlohmann::json& value, SharedText origin, SharedText parent,
             std::string_view key, std::size_t index, bool element);
  /// This cursor's pointer as a shared string, for its children (built once, then kept).
  [[nodiscard]] const SharedText& shared_pointer() const;

  const nlohmann::json* value_;
  SharedText origin_;
  SharedText parent_;       ///< the parent's pointer; for a document cursor, its own pointer
  std::string_view key_;    ///< member name (a view of the document's key), or empty
  std::size_t index_ = 0;   ///< array index when key_ is empty and this is an element
  bool element_ = false;    ///< an array element (index_) rather than a member or the document
  mutable SharedText own_;  ///< this cursor's pointer, once built for a child
};

/// `token` escaped for a JSON Pointer (RFC 6901): '~' -> "~0", '/' -> "~1".
[[nodiscard]] std::string escape_pointer_token(std::string_view token);

/// A short description of a JSON value for messages: `"abc"`, `-0.4`, `an object`, `null`.
[[nodiscard]] std::string describe_json(const nlohmann::json& value);

}  // namespace ftcost::load
