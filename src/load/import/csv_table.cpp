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
  if (csv_init(parser.get(), 0) != 0) {
    throw InputError(origin, "", "cannot start the CSV parser", "", ExitCode::InvalidData);
  }
  Collector collector;
  // Non-strict mode never fails on quoting, like Python's csv module; memory errors still can.
  if (csv_parse(parser.get(), text.data(), text.size(), on_field, on_row_end, &collector) !=
          text.size() ||
      csv_fini(parser.get(), on_field, on_row_end, &collector) != 0) {
    throw InputError(origin, "", std::string("CSV: ") + csv_strerror(csv_error(parser.get())), "",
                     ExitCode::InvalidData);
  }
  if (collector.rows.empty()) {
    throw InputError(origin, "", "no header row", "a CSV file whose first row names the columns",
                     ExitCode::InvalidData);
  }
  header_ = std::move(collector.rows.front());
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

std::string CsvTable::where(std::size_t row) {
  return "row " + std::to_string(row + 2);
}

}  // namespace ftcost::load
