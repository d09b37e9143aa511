// JsonStream: nlohmann's dump(2) layout, written as the values arrive.
#include "json_stream.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <stdexcept>

namespace ftcost::render {

void JsonStream::flush() {
  out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
  buffer_.clear();
}

void JsonStream::key(std::string_view name) {
  if (levels_.empty() || !levels_.back().object || after_key_) {
    throw std::logic_error("JsonStream: a key outside an object");
  }
  Level& level = levels_.back();
  if (!level.empty && name <= level.last_key) {
    throw std::logic_error("JsonStream: key '" + std::string(name) + "' after '" + level.last_key +
                           "' (nlohmann sorts keys)");
  }
  before_value();
  level.last_key.assign(name);
  write_string(name);
  raw(": ");
  after_key_ = true;
}

void JsonStream::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (levels_.empty()) {
    return;
  }
  Level& level = levels_.back();
  raw(level.empty ? "\n" : ",\n");
  level.empty = false;
  newline_indent();
}

void JsonStream::newline_indent() {
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    raw("  ");
  }
}

void JsonStream::open(char bracket) {
  before_value();
  put(bracket);
  levels_.push_back({.object = bracket == '{', .empty = true, .last_key = {}});
}

void JsonStream::close(char bracket) {
  const bool empty = levels_.back().empty;
  levels_.pop_back();
  if (!empty) {
    put('\n');
    newline_indent();
  }
  put(bracket);
}

void JsonStream::value(std::string_view text) {
  before_value();
  write_string(text);
}

void JsonStream::write_string(std::string_view text) {
  const bool plain_ascii = std::all_of(text.begin(), text.end(),
                                       [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  if (!plain_ascii) {
    // nlohmann checks UTF-8 (and throws on invalid bytes); let it write what is not ASCII.
    raw(nlohmann::json(std::string(text)).dump());
    return;
  }
  put('"');
  // Runs of characters that need no escape are copied whole.
  std::size_t run = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte != '"' && byte != '\\') {
      continue;
    }
    raw(text.substr(run, i - run));
    run = i + 1;
    switch (byte) {
      case '"':
        raw("\\\"");
        break;
      case '\\':
        raw("\\\\");
        break;
      case '\b':
        raw("\\b");
        break;
      case '\f':
        raw("\\f");
        break;
      case '\n':
        raw("\\n");
        break;
      case '\r':
        raw("\\r");
        break;
      case '\t':
        raw("\\t");
        break;
      default: {
        static constexpr std::string_view kHex = "0123456789abcdef";
        const std::array<char, 6> escape{'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 15]};
        raw(std::string_view(escape.data(), escape.size()));
      }
    }
  }
  raw(text.substr(run));
  put('"');
}

void JsonStream::value(double number) {
  before_value();
  if (!std::isfinite(number)) {
    raw("null");
    return;
  }
  std::array<char, 64> buffer{};
  // The formatting nlohmann's serializer uses for doubles (shortest round trip, ".0" on integers).
  const char* end =
      nlohmann::detail::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  raw(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())));
}

void JsonStream::value(std::int64_t number) {
  before_value();
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  raw(std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
}

void JsonStream::value(std::size_t number) {
  before_value();
  std::array<char, 24> buffer{};
  const auto result = std::to_chars(buffer.data(), buffer.data() + buffer.size(), number);
  raw(std::string_view(buffer.data(), static_cast<std::size_t>(result.ptr - buffer.data())));
}

void JsonStream::value(bool flag) {
  before_value();
  raw(flag ? "true" : "false");
}

void JsonStream::null() {
  before_value();
  raw("null");
}

}  // namespace ftcost::render
