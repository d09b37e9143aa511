// JsonCursor and the text/file entry points shared by every JSON loader.
#include "json_reader.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ftcost/error.hpp"
#include "ftcost/names.hpp"
#include "ftcost/spelling.hpp"

namespace ftcost::load {
namespace {

// JSON Pointer escaping (RFC 6901): '~' -> "~0", '/' -> "~1".
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
  return parse_json_text(text, origin, nullptr);
}

nlohmann::json parse_json_text(std::string_view text, const std::string& origin,
                               const nlohmann::json::parser_callback_t& callback) {
  try {
    return nlohmann::json::parse(text.begin(), text.end(), callback);
  } catch (const nlohmann::json::parse_error& error) {
    // nlohmann's message repeats the position; keep only its description after the last ": ".
    std::string detail = error.what();
    if (const auto colon = detail.rfind(": "); colon != std::string::npos) {
      detail = detail.substr(colon + 2);
    }
    throw InputError(origin + ":" + line_column(text, error.byte), "", "invalid JSON: " + detail,
                     {}, ExitCode::InvalidData);
  } catch (const nlohmann::json::out_of_range& error) {
    // A number too large for a double (e.g. 1e9999) is reported as out_of_range.406, without a
    // position; found by fuzz/fuzz_catalog.
    std::string detail = error.what();
    if (const auto bracket = detail.find("] "); bracket != std::string::npos) {
      detail = detail.substr(bracket + 2);
    }
    throw InputError(origin, "", "invalid JSON: " + detail, {}, ExitCode::InvalidData);
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
  const std::uintmax_t size = std::filesystem::file_size(path, error);
  if (!error && size > max_bytes) {
    throw InputError(path, "", "file is " + std::to_string(size) + " bytes, larger than the limit",
                     "at most " + std::to_string(max_bytes) + " bytes", ExitCode::InvalidData);
  }
  std::ifstream stream(path, std::ios::binary);
  if (!stream) {
    throw InputError(path, "", "cannot be opened for reading", {}, ExitCode::InvalidData);
  }
  // One read into a buffer of the file's size: streaming into an ostringstream regrows and copies
  // the buffer, a quarter of the time of a 100,000-offer catalog (bench/plan_bench).
  std::string text(error ? 0 : static_cast<std::size_t>(size), '\0');
  stream.read(text.data(), static_cast<std::streamsize>(text.size()));
  text.resize(static_cast<std::size_t>(stream.gcount()));
  std::array<char, 4096> buffer{};
  while (stream.read(buffer.data(), buffer.size()) || stream.gcount() > 0) {
    text.append(buffer.data(), static_cast<std::size_t>(stream.gcount()));  // files that grew
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError(path, "", "file is empty", {}, ExitCode::InvalidData);
  }
  return text;
}

JsonCursor::JsonCursor(const nlohmann::json& value, std::string origin, std::string pointer)
    : value_(&value), origin_(std::move(origin)), pointer_(std::move(pointer)) {}

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
  const auto it = value_->find(key);
  if (it == value_->end() || it->is_null()) {
    return std::nullopt;
  }
  return JsonCursor(*it, origin_, pointer_ + "/" + escape_pointer_token(key));
}

std::vector<JsonCursor> JsonCursor::elements() const {
  if (!value_->is_array()) {
    fail("expected an array, got " + type_phrase(*value_));
  }
  std::vector<JsonCursor> items;
  items.reserve(value_->size());
  for (std::size_t i = 0; i < value_->size(); ++i) {
    items.emplace_back((*value_)[i], origin_, pointer_ + "/" + std::to_string(i));
  }
  return items;
}

std::string JsonCursor::string() const {
  if (!value_->is_string()) {
    fail("expected a string, got " + type_phrase(*value_));
  }
  return value_->get<std::string>();
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
    throw InputError(origin_, pointer_ + "/" + escape_pointer_token(key), "unknown key",
                     suggestion.empty() ? "known keys: " + join_names(known_names) : suggestion,
                     ExitCode::InvalidData);
  }
}

void JsonCursor::fail(const std::string& problem, const std::string& accepted) const {
  throw InputError(origin_, pointer_.empty() ? "/" : pointer_, problem, accepted,
                   ExitCode::InvalidData);
}

}  // namespace ftcost::load
