// Release numbers typed on the command line (include/ftcost/library_version.hpp).
#include "ftcost/base/library_version.hpp"

#include <charconv>

namespace ftcost {

namespace {

// Reads 1–3 digits starting at `pos` into `out`; false if there are none or more than three.
bool read_part(std::string_view text, std::size_t& pos, int& out) {
  const std::size_t start = pos;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') {
    ++pos;
  }
  if (pos == start || pos - start > 3) {
    return false;
  }
  std::from_chars(text.data() + start, text.data() + pos, out);
  return true;
}

}  // namespace

std::optional<LibraryVersion> parse_library_version(std::string_view text) {
  LibraryVersion version;
  int patch = 0;
  std::size_t pos = 0;
  if (!read_part(text, pos, version.major) || pos >= text.size() || text[pos++] != '.' ||
      !read_part(text, pos, version.minor)) {
    return std::nullopt;
  }
  if (pos < text.size() && (text[pos++] != '.' || !read_part(text, pos, patch))) {
    return std::nullopt;
  }
  return pos == text.size() ? std::optional(version) : std::nullopt;
}

std::string version_text(const LibraryVersion& version) {
  return std::to_string(version.major) + "." + std::to_string(version.minor);
}

}  // namespace ftcost
