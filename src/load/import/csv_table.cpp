// CsvTable: libcsv's callbacks collect fields into rows.
#include "csv_table.hpp"

#include <csv.h>

#include <algorithm>
#include <memory>

#include "ftcost/base/error.hpp"

namespace ftcost::load {
namespace {

struct Collector {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> current;
};

void on_field(void* data, std::size_t size, void* sink) {
  auto* collector = static_cast<Collector*>(sink);
  collector->current.emplace_back(static_cast<const char*>(data), size);
}

void on_row_end(int /*terminator*/, void* sink) {
  auto* collector = static_cast<Collector*>(sink);
  // A blank line is one empty field: not a row.
  const bool blank = collector->current.size() == 1 && collector->current.front().empty();
  if (!blank && !collector->current.empty()) {
    collector->rows.push_back(std::move(collector->current));
  }
  collector->current.clear();
}

struct ParserDeleter {
  void operator()(csv_parser* parser) const {
    csv_free(parser);
    delete parser;  // NOLINT(cppcoreguidelines-owning-memory): paired with the new below
  }
};

}  // namespace

CsvTable::CsvTable(std::string_view text, const std::string& origin) : origin_(origin) {
  if (text.starts_with("\xEF\xBB\xBF")) {
    text.remove_prefix(3);
  }
  const std::unique_ptr<csv_parser, ParserDeleter> parser(new csv_parser{});
  // Strict quoting: a stray or unterminated quote would otherwise merge rows silently and move
  // a price onto another offer. The error names the line where parsing stopped.
  if (csv_init(parser.get(), CSV_STRICT | CSV_STRICT_FINI) != 0) {
    throw InputError(origin, "", "cannot start the CSV parser", "", ExitCode::InvalidData);
  }
  Collector collector;
  const std::size_t parsed =
      csv_parse(parser.get(), text.data(), text.size(), on_field, on_row_end, &collector);
  if (parsed != text.size() || csv_fini(parser.get(), on_field, on_row_end, &collector) != 0) {
    const auto line =
        1 + std::count(text.begin(),
                       text.begin() + static_cast<std::ptrdiff_t>(std::min(parsed, text.size())),
                       '\n');
    throw InputError(origin, "line " + std::to_string(line),
                     std::string("CSV: ") + csv_strerror(csv_error(parser.get())) +
                         " (a stray or unterminated quote)",
                     "RFC 4180 quoting: a quoted field ends with a quote before the delimiter",
                     ExitCode::InvalidData);
  }
  if (collector.rows.empty()) {
    throw InputError(origin, "", "no header row", "a CSV file whose first row names the columns",
                     ExitCode::InvalidData);
  }
  header_ = std::move(collector.rows.front());
  for (std::size_t i = 0; i < header_.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (!header_[i].empty() && header_[i] == header_[j]) {
        throw InputError(origin, "row 1", "column '" + header_[i] + "' appears twice",
                         "one column per name", ExitCode::InvalidData);
      }
    }
  }
  rows_.assign(std::make_move_iterator(collector.rows.begin() + 1),
               std::make_move_iterator(collector.rows.end()));
}

std::optional<std::size_t> CsvTable::column(std::string_view name) const {
  const auto it = std::find(header_.begin(), header_.end(), name);
  if (it == header_.end()) {
    return std::nullopt;
  }
  return static_cast<std::size_t>(it - header_.begin());
}

void CsvTable::require_columns(const std::vector<std::string_view>& names) const {
  for (const std::string_view name : names) {
    if (!column(name)) {
      std::string columns;
      for (const std::string& h : header_) {
        columns += (columns.empty() ? "" : ",") + h;
      }
      throw InputError(origin_, "row 1", "the header has no column '" + std::string(name) + "'",
                       "a header naming it (found: " + columns.substr(0, 200) + ")",
                       ExitCode::InvalidData);
    }
  }
}

const std::string& CsvTable::field(std::size_t row, std::size_t column) const {
  static const std::string kEmpty;
  const auto& fields = rows_[row];
  return column < fields.size() ? fields[column] : kEmpty;
}

std::string CsvTable::shape_problem(std::size_t row) const {
  const std::size_t fields = rows_[row].size();
  if (fields == header_.size()) {
    return {};
  }
  return "has " + std::to_string(fields) + " fields, the header " + std::to_string(header_.size());
}

std::string CsvTable::where(std::size_t row) {
  return "row " + std::to_string(row + 2);
}

}  // namespace ftcost::load
