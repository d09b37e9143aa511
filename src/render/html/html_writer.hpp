// Well-formed XML/HTML out: escaping, and elements that are always closed.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ftcost::render::html {

/// `text` with &, <, >, " and ' replaced by entities (&amp; &lt; &gt; &quot; &#39;): safe as
/// element content and as a quoted attribute value, in XML and in HTML. What XML 1.0 cannot
/// carry (control characters other than tab, line feed and carriage return; malformed UTF-8)
/// becomes U+FFFD.
[[nodiscard]] std::string escape(std::string_view text);

/// A number for an SVG coordinate or length: at most 2 decimals, no trailing zeros ("12.5", "3").
[[nodiscard]] std::string coord(double value);

/// Attributes in the order written: name (trusted, from the code) and value (escaped).
using Attributes = std::vector<std::pair<std::string_view, std::string>>;

/// Writes elements to a stream so the result is well-formed XML: every open() is closed by
/// close() in order, text and attribute values are escaped. HTML void elements and SVG shapes
/// are written self-closed by leaf(); any other element with element() or open()/close(), never
/// self-closed (an HTML parser would not close "<td/>").
class Markup {
 public:
  explicit Markup(std::ostream& out) : out_(out) {}

  /// `<!DOCTYPE html>` and a line break: the HTML5 doctype, which XML also accepts.
  void doctype() { out_ << "<!DOCTYPE html>\n"; }
  /// `<tag a="v">`; pair with close().
  void open(std::string_view tag, const Attributes& attributes = {});
  /// Closes the innermost open element. Throws std::logic_error when none is open.
  void close();
  /// `<tag a="v"/>`: HTML void elements (meta, br) and empty SVG elements only.
  void leaf(std::string_view tag, const Attributes& attributes = {});
  /// `<tag a="v">text</tag>` with `text` escaped.
  void element(std::string_view tag, const Attributes& attributes, std::string_view text);
  /// `<tag>text</tag>` with `text` escaped.
  void element(std::string_view tag, std::string_view text) { element(tag, {}, text); }
  /// Escaped text inside the current element.
  void text(std::string_view text);
  /// Trusted text written as is (the style sheet); must hold no '<' or '&', so it reads the same
  /// as XML and as HTML raw text. Throws std::logic_error otherwise.
  void raw(std::string_view text);
  /// A line break in the output file (readability of the source only).
  void newline() { out_ << '\n'; }
  /// Elements open now.
  [[nodiscard]] std::size_t depth() const noexcept { return open_.size(); }

 private:
  void start_tag(std::string_view tag, const Attributes& attributes);

  std::ostream& out_;
  std::vector<std::string> open_;
};

}  // namespace ftcost::render::html
