// Aligned plain-text tables for terminal output.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace ftcost::render {

enum class Align { Left, Right };

/// A table column: its header text and how cells are aligned (numbers: Right).
struct Column {
  std::string header;
  Align align = Align::Left;
};

/// Writes `rows` under `columns` as an aligned table: header, a dashed rule, one line per row,
/// columns separated by two spaces, widths from the longest cell (UTF-8 aware; ANSI SGR colour
/// codes take no width). Each row must
/// have columns.size() cells; missing cells print empty, extra cells are ignored.
void write_table(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<std::vector<std::string>>& rows);

/// The widest line write_table would print for `columns` and `rows`: the column widths plus two
/// spaces between columns (display columns, as write_table counts them).
[[nodiscard]] std::size_t table_width(const std::vector<Column>& columns,
                                      const std::vector<std::vector<std::string>>& rows);

/// Writes "label: value" lines with the values aligned after the longest label.
void write_key_values(std::ostream& out,
                      const std::vector<std::pair<std::string, std::string>>& pairs);

/// A token count for text: "50M", "1.2B", "750k", "12" (4 significant digits, k/M/B/T suffix).
[[nodiscard]] std::string token_count_text(double tokens);

}  // namespace ftcost::render
