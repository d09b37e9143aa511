// The page around every html report: document head and style sheet, key-value tables,
// assumption lists.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "ftcost/base/assumption.hpp"
#include "html_writer.hpp"

namespace ftcost::render::html {

/// Writes the doctype, <html> (XHTML namespace, so the page is also well-formed XML), <head>
/// with `title` and the style sheet, and opens <body> and <main>; end_page closes them.
void begin_page(Markup& page, std::string_view title);

/// Writes <footer> with `footer` (what made the page, where its charts are explained) and closes
/// what begin_page opened. Throws std::logic_error when other elements are still open.
void end_page(Markup& page, std::string_view footer);

/// "label | value" rows as a two-column table (the text reports' key-value header).
void key_value_table(Markup& page, const std::vector<std::pair<std::string, std::string>>& pairs);

/// The assumptions as a list, each "text [source]" with the source de-emphasised (none when
/// the source is empty); "none" when there are none.
void assumption_list(Markup& page, const std::vector<Assumption>& assumptions);

}  // namespace ftcost::render::html
