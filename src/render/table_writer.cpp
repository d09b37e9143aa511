// Aligned tables: width is counted in code points so "×" or "≤" do not skew columns, and colour
// codes count as nothing.
#include "table_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

namespace ftcost::render {
namespace {

std::size_t display_width(const std::string& text) {
  // Count UTF-8 lead bytes only (continuation bytes are 10xxxxxx), and skip ANSI SGR colour
  // sequences (ESC '[' ... 'm'), which take no column.
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      i = std::min(text.find('m', i), text.size() - 1);
    } else if ((static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) {
      ++width;
    }
  }
  return width;
}

void write_cell(std::ostream& out, const std::string& text, std::size_t width, Align align) {
  const std::string padding(width - std::min(width, display_width(text)), ' ');
  if (align == Align::Right) {
    out << padding << text;
  } else {
    out << text << padding;
  }
}

void write_line(std::ostream& out, const std::vector<Column>& columns,
                const std::vector<std::size_t>& widths, const std::vector<std::string>& cells) {
  static const std::string kEmpty;
  std::string line_end;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const std::string& cell = i < cells.size() ? cells[i] : kEmpty;
    if (i > 0) {
      out << "  ";
    }
    // The last left-aligned column needs no trailing padding.
    const bool last = i + 1 == columns.size();
    write_cell(out, cell, last && columns[i].align == Align::Left ? 0 : widths[i],
               columns[i].align);
  }
  out << '\n';
}

std::vector<std::size_t> column_widths(const std::vector<Column>& columns,
                                       const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  widths.reserve(columns.size());
  for (const Column& column : columns) {
    widths.push_back(display_width(column.header));
  }
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < std::min(row.size(), widths.size()); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  return widths;
}

}  // namespace

std::size_t table_width(const std::vector<Column>& columns,
                        const std::vector<std::vector<std::string>>& rows) {
  const std::vector<std::size_t> widths = column_widths(columns, rows);
  std::size_t width = widths.empty() ? 0 : 2 * (widths.size() - 1);
  for (std::size_t w : widths) {
    width += w;
  }
  return width;
}

void write_table(std::ostream& out, const std::vector<Column>& columns,
                 const std::vector<std::vector<std::string>>& rows) {
  const std::vector<std::size_t> widths = column_widths(columns, rows);
  std::vector<std::string> headers;
  headers.reserve(columns.size());
  for (const Column& column : columns) {
    headers.push_back(column.header);
  }
  write_line(out, columns, widths, headers);
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (std::size_t width : widths) {
    rule.emplace_back(width, '-');
  }
  write_line(out, columns, widths, rule);
  for (const auto& row : rows) {
    write_line(out, columns, widths, row);
  }
}

void write_key_values(std::ostream& out,
                      const std::vector<std::pair<std::string, std::string>>& pairs) {
  std::size_t width = 0;
  for (const auto& pair : pairs) {
    width = std::max(width, display_width(pair.first) + 1);
  }
  for (const auto& [key, value] : pairs) {
    write_cell(out, key + ":", width, Align::Left);
    out << ' ' << value << '\n';
  }
}

std::string token_count_text(double tokens) {
  constexpr std::array<std::pair<double, const char*>, 4> kScales{
      {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}}};
  for (const auto& [scale, suffix] : kScales) {
    if (tokens >= scale) {
      return fmt::format("{:.4g}{}", tokens / scale, suffix);
    }
  }
  return fmt::format("{:.4g}", tokens);
}

}  // namespace ftcost::render
