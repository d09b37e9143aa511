// JsonStream: JSON written as it is produced, byte for byte as nlohmann's dump(2) writes it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "ftcost/base/text.hpp"

namespace ftcost::render {

/// Writes one JSON document to a stream with no tree in between: the same bytes as building an
/// nlohmann::json and calling dump(2) (2-space indent, keys as given, numbers by nlohmann's own
/// shortest round-trip formatting, non-finite numbers as null), without the tree's allocations
/// (`plan --format json`: 12.1M instructions with the tree, 8.3M streamed;
/// docs/design.md#start-up). nlohmann orders an object's keys alphabetically; so must the caller:
/// key() throws std::logic_error when a key does not sort after the previous key of its object.
class JsonStream {
 public:
  /// Reserves 64 KiB (a default plan is 35 KB), so the buffer is not copied as it grows; pages
  /// are only touched as the text reaches them.
  explicit JsonStream(std::ostream& out) : out_(out) { buffer_.reserve(kReservedBytes); }
  JsonStream(const JsonStream&) = delete;
  JsonStream& operator=(const JsonStream&) = delete;
  /// Drops what was not flushed: a document cut short by an exception is never written.
  ~JsonStream() = default;

  /// Writes the document to the stream. Until then it is kept in memory, as dump(2)'s string
  /// was: nothing reaches stdout if writing fails halfway (one std::ostream call per character
  /// was also two thirds of writing a plan).
  void flush();

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  /// The next member's key; throws std::logic_error when it does not sort after the last one.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const std::string& text) { value(std::string_view(text)); }
  void value(const char* text) { value(std::string_view(text)); }
  void value(Text text) { value(text.view()); }
  void value(double number);
  void value(std::int64_t number);
  void value(std::size_t number);
  void value(int number) { value(static_cast<std::int64_t>(number)); }
  void value(bool flag);
  void null();
  template <class T>
  void value(const std::optional<T>& maybe) {
    if (maybe) {
      value(*maybe);
    } else {
      null();
    }
  }
  template <class T>
  void value(const std::vector<T>& items) {
    begin_array();
    for (const T& item : items) {
      value(item);
    }
    end_array();
  }

  /// key(name) then value(v).
  template <class T>
  void member(std::string_view name, const T& v) {
    key(name);
    value(v);
  }

 private:
  struct Level {
    bool object = false;
    bool empty = true;
    std::string last_key;
  };
  void open(char bracket);
  void close(char bracket);
  void before_value();
  void write_string(std::string_view text);
  void newline_indent();
  void raw(std::string_view text) { buffer_.append(text); }
  void put(char c) { buffer_.push_back(c); }

  static constexpr std::size_t kReservedBytes = std::size_t{64} * 1024;

  std::ostream& out_;
  std::string buffer_;
  std::vector<Level> levels_;
  bool after_key_ = false;
};

}  // namespace ftcost::render
