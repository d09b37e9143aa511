// JsonCursor and the text/file entry points shared by every JSON loader.
#include "json_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ftcost/base/error.hpp"
#include "ftcost/base/names.hpp"
#include "ftcost/base/spelling.hpp"
#include "json_checks.hpp"

namespace ftcost::load {

std::string escape_pointer_token(std::string_view token) {
  std::string escaped;
  for (char c : token) {
    if (c == '~') {
      escaped += "~0";
    } else if (c == '/') {
      escaped += "~1";
    } else {
      escaped += c;
    }
  }
  return escaped;
}

namespace {

// nlohmann reports a byte offset one past the failing character; turn it into line:column.
std::string line_column(std::string_view text, std::size_t byte) {
  std::size_t line = 1;
  std::size_t column = 1;
  const std::size_t end = std::min(byte == 0 ? 0 : byte - 1, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return std::to_string(line) + ":" + std::to_string(column);
}

// nlohmann's message without its "[json.exception...] parse error at line 1, column 2: " prefix,
// which repeats the position we already give.
std::string exception_detail(std::string_view what) {
  std::size_t start = what.find("] ");
  start = start == std::string_view::npos ? 0 : start + 2;
  if (const auto column = what.find(", column ", start); column != std::string_view::npos) {
    start = what.find(": ", column) + 2;
  }
  return std::string(what.substr(start));
}

// Records where a SAX parse stopped; every other event is accepted unread.
struct FailurePosition {
  std::size_t byte = 0;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(std::int64_t) { return true; }
  bool number_unsigned(std::uint64_t) { return true; }
  bool number_float(double, const std::string&) { return true; }
  bool string(std::string&) { return true; }
  bool binary(nlohmann::json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(std::string&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::json::exception&) {
    byte = position;
    return false;
  }
};

// The byte offset (as parse_error::byte) at which `text` fails to parse; 0 if it parses.
std::size_t failure_byte(std::string_view text) {
  FailurePosition position;
  (void)nlohmann::json::sax_parse(text.begin(), text.end(), &position);
  return position.byte;
}

std::string type_phrase(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::discarded:
      return "nothing";
    case nlohmann::json::value_t::string:
    case nlohmann::json::value_t::boolean:
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
    case nlohmann::json::value_t::number_float:
    case nlohmann::json::value_t::binary:
      break;
  }
  std::string text = value.dump();
  constexpr std::size_t kMaxShown = 40;
  if (text.size() > kMaxShown) {
    text = text.substr(0, kMaxShown) + "...";
  }
  return text;
}

}  // namespace

std::string describe_json(const nlohmann::json& value) {
  return type_phrase(value);
}

nlohmann::json parse_json_text(std::string_view text, const std::string& origin) {
  return parse_json_text(text, origin, {}, nullptr);
}

nlohmann::json parse_json_text(std::string_view text, const std::string& origin,
                               std::string_view streamed_array, const ElementVisitor& visit) {
  try {
    return parse_checked(text, origin, streamed_array, visit);
  } catch (const nlohmann::json::parse_error& error) {
    throw InputError(origin + ":" + line_column(text, error.byte), "",
                     "invalid JSON: " + exception_detail(error.what()), {}, ExitCode::InvalidData);
  } catch (const nlohmann::json::out_of_range& error) {
    // A number beyond a double (1e400) is out_of_range.406, which carries no position.
    throw InputError(origin + ":" + line_column(text, failure_byte(text)), "",
                     "invalid JSON: " + exception_detail(error.what()), "a finite number",
                     ExitCode::InvalidData);
  }
}

std::string read_text_file(const std::string& path, std::uintmax_t max_bytes) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) {
    throw InputError(path, "", "no such file", {}, ExitCode::InvalidData);
  }
  if (std::filesystem::is_directory(status)) {
    throw InputError(path, "", "is a directory, not a file", {}, ExitCode::InvalidData);
  }
  // /dev/zero, a FIFO or a terminal never end or block: refuse them before opening.
  if (!std::filesystem::is_regular_file(status)) {
    throw InputError(path, "", "is not a regular file", "a regular file", ExitCode::InvalidData);
  }
  const auto too_large = [&] {
    return InputError(path, "", "file is larger than the limit",
                      "at most " + std::to_string(max_bytes) + " bytes", ExitCode::InvalidData);
  };
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > max_bytes) {
    throw too_large();
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    throw InputError(path, "", "cannot be opened for reading", {}, ExitCode::InvalidData);
  }
  // Read at most one byte past the limit whatever stat said: the file may have grown since.
  std::string text;
  text.reserve(error ? 0 : static_cast<std::size_t>(size));
  std::array<char, 65536> buffer{};
  while (text.size() <= max_bytes &&
         (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0)) {
    const auto wanted = std::min<std::uintmax_t>(static_cast<std::uintmax_t>(stream.gcount()),
                                                 max_bytes + 1 - text.size());
    text.append(buffer.data(), static_cast<std::size_t>(wanted));
  }
  if (text.size() > max_bytes) {
    throw too_large();
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(path, "", "file is empty", {}, ExitCode::InvalidData);
  }
  return text;
}

JsonCursor::JsonCursor(const nlohmann::json& value, std::string origin, std::string pointer)
    : value_(&value),
      origin_(std::make_shared<const std::string>(std::move(origin))),
      parent_(std::make_shared<const std::string>(std::move(pointer))) {}

JsonCursor::JsonCursor(const nlohmann::json& value, SharedText origin, SharedText parent,
                       std::string_view key, std::size_t index, bool element)
    : value_(&value),
      origin_(std::move(origin)),
      parent_(std::move(parent)),
      key_(key),
      index_(index),
      element_(element) {}

std::string JsonCursor::pointer() const {
  if (own_) {
    return *own_;
  }
  if (!element_ && key_.empty()) {
    return *parent_;  // the cursor the reading started from
  }
  return *parent_ + "/" + (element_ ? std::to_string(index_) : escape_pointer_token(key_));
}

const JsonCursor::SharedText& JsonCursor::shared_pointer() const {
  if (!element_ && key_.empty()) {
    return parent_;
  }
  if (!own_) {
    own_ = std::make_shared<const std::string>(pointer());
  }
  return own_;
}

JsonCursor JsonCursor::at(std::string_view key) const {
  if (auto member = find(key)) {
    return *member;
  }
  fail("missing required key '" + std::string(key) + "'");
}

std::optional<JsonCursor> JsonCursor::find(std::string_view key) const {
  if (!value_->is_object()) {
    fail("expected an object, got " + type_phrase(*value_));
  }
  const auto& object = value_->get_ref<const nlohmann::json::object_t&>();
  const auto it = object.find(key);
  if (it == object.end() || it->second.is_null() || it->first.empty()) {
    // An empty key has no view to hold; it is found the slow way (it never names a field).
    if (it != object.end() && !it->second.is_null()) {
      return JsonCursor(it->second, origin_, std::make_shared<const std::string>(pointer() + "/"),
                        {}, 0, false);
    }
    return std::nullopt;
  }
  // The key is viewed in the document, which outlives every cursor into it.
  return JsonCursor(it->second, origin_, shared_pointer(), it->first, 0, false);
}

std::vector<JsonCursor> JsonCursor::elements() const {
  if (!value_->is_array()) {
    fail("expected an array, got " + type_phrase(*value_));
  }
  std::vector<JsonCursor> items;
  items.reserve(value_->size());
  const SharedText& path = shared_pointer();
  for (std::size_t i = 0; i < value_->size(); ++i) {
    items.push_back(JsonCursor((*value_)[i], origin_, path, {}, i, true));
  }
  return items;
}

std::string JsonCursor::string() const {
  if (!value_->is_string()) {
    fail("expected a string, got " + type_phrase(*value_));
  }
  std::string text = value_->get<std::string>();
  // Strings are printed in tables and error lines: a newline would split a line and an escape
  // sequence would drive the terminal.
  const auto control = std::find_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) < 0x20) || c == 0x7f;
  });
  if (control != text.end()) {
    static constexpr std::array<char, 16> kHex{'0', '1', '2', '3', '4', '5', '6', '7',
                                               '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};
    const auto code = static_cast<unsigned char>(*control);
    fail(std::string("string contains the control character U+00") + kHex[code >> 4] +
             kHex[code & 0xf],
         "text without control characters");
  }
  return text;
}

bool JsonCursor::boolean() const {
  if (!value_->is_boolean()) {
    fail("expected true or false, got " + type_phrase(*value_));
  }
  return value_->get<bool>();
}

double JsonCursor::number(double min, double max) const {
  if (!value_->is_number()) {
    fail("expected a number, got " + type_phrase(*value_));
  }
  const double number = value_->get<double>();
  if (!std::isfinite(number) || number < min || number > max) {
    std::ostringstream range;
    range << "a number from " << min << " to " << max;
    fail("out of range: " + type_phrase(*value_), range.str());
  }
  return number;
}

std::int64_t JsonCursor::integer(std::int64_t min, std::int64_t max) const {
  const bool integral =
      value_->is_number_integer() || value_->is_number_unsigned() ||
      (value_->is_number_float() && std::trunc(value_->get<double>()) == value_->get<double>());
  if (!integral) {
    fail("expected an integer, got " + type_phrase(*value_));
  }
  const double number = value_->get<double>();
  if (number < static_cast<double>(min) || number > static_cast<double>(max)) {
    fail("out of range: " + type_phrase(*value_),
         "an integer from " + std::to_string(min) + " to " + std::to_string(max));
  }
  if (value_->is_number_unsigned()) {
    return static_cast<std::int64_t>(value_->get<std::uint64_t>());
  }
  return value_->is_number_integer() ? value_->get<std::int64_t>()
                                     : static_cast<std::int64_t>(number);
}

void JsonCursor::reject_unknown_keys(std::initializer_list<std::string_view> known) const {
  if (!value_->is_object()) {
    fail("expected an object, got " + type_phrase(*value_));
  }
  for (auto it = value_->begin(); it != value_->end(); ++it) {
    const std::string& key = it.key();
    if (std::find(known.begin(), known.end(), key) != known.end()) {
      continue;
    }
    // Built only on failure: every loader checks every object, so the happy path stays cheap.
    const std::vector<std::string> known_names(known.begin(), known.end());
    const std::string suggestion = did_you_mean(key, known_names);
    throw InputError(*origin_, pointer() + "/" + escape_pointer_token(key), "unknown key",
                     suggestion.empty() ? "known keys: " + join_names(known_names) : suggestion,
                     ExitCode::InvalidData);
  }
}

void JsonCursor::fail(const std::string& problem, const std::string& accepted) const {
  const std::string where = pointer();
  throw InputError(*origin_, where.empty() ? "/" : where, problem, accepted, ExitCode::InvalidData);
}

}  // namespace ftcost::load
