// Markup and escaping: the one place html output meets text from catalogs and flags.
#include "html_writer.hpp"

#include <fmt/format.h>

#include <stdexcept>

namespace ftcost::render::html {

namespace {

// U+FFFD, written where the input holds what XML 1.0 cannot carry.
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Bytes of the well-formed UTF-8 sequence at the start of `text` (RFC 3629: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0.
std::size_t utf8_length(std::string_view text) {
  const auto byte = [&text](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte(0);
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    low = lead == 0xE0 ? 0xA0 : 0x80;
    high = lead == 0xED ? 0x9F : 0xBF;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    low = lead == 0xF0 ? 0x90 : 0x80;
    high = lead == 0xF4 ? 0x8F : 0xBF;
  } else {
    return 0;
  }
  if (text.size() < length || byte(1) < low || byte(1) > high) {
    return 0;
  }
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(i) < 0x80 || byte(i) > 0xBF) {
      return 0;
    }
  }
  return length;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string escaped;
  escaped.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const auto byte = static_cast<unsigned char>(c);
    if (byte >= 0x80) {
      // Catalog text may come from any file: malformed UTF-8 would make the page unreadable
      // as XML, so it becomes U+FFFD.
      const std::size_t length = utf8_length(text.substr(i));
      escaped += length == 0 ? kReplacement : text.substr(i, length);
      i += length == 0 ? 0 : length - 1;
      continue;
    }
    switch (c) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      case '\t':
      case '\n':
      case '\r':
        escaped += c;
        break;
      default:
        // XML 1.0 allows no other control character, not even as a reference.
        escaped += byte < 0x20 ? kReplacement : std::string_view(&c, 1);
    }
  }
  return escaped;
}

std::string coord(double value) {
  std::string text = fmt::format("{:.2f}", value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') {
    text.pop_back();
  }
  return text == "-0" ? "0" : text;
}

void Markup::start_tag(std::string_view tag, const Attributes& attributes) {
  out_ << '<' << tag;
  for (const auto& [name, value] : attributes) {
    out_ << ' ' << name << "=\"" << escape(value) << '"';
  }
}

void Markup::open(std::string_view tag, const Attributes& attributes) {
  start_tag(tag, attributes);
  out_ << '>';
  open_.emplace_back(tag);
}

void Markup::close() {
  if (open_.empty()) {
    throw std::logic_error("Markup::close: no element is open");
  }
  out_ << "</" << open_.back() << '>';
  open_.pop_back();
}

void Markup::leaf(std::string_view tag, const Attributes& attributes) {
  start_tag(tag, attributes);
  out_ << "/>";
}

void Markup::element(std::string_view tag, const Attributes& attributes, std::string_view text) {
  start_tag(tag, attributes);
  out_ << '>' << escape(text) << "</" << tag << '>';
}

void Markup::text(std::string_view text) {
  out_ << escape(text);
}

void Markup::raw(std::string_view text) {
  if (text.find_first_of("<&") != std::string_view::npos) {
    throw std::logic_error("Markup::raw: text holds '<' or '&'");
  }
  out_ << text;
}

}  // namespace ftcost::render::html
