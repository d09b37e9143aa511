// A CSV file as a header and rows of text fields, parsed by libcsv (RFC 4180 quoting).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost::load {

/// A parsed CSV file: the header's names and each data row's fields.
class CsvTable {
 public:
  /// Parses `text` (libcsv, strict quoting off as Python's csv module); a UTF-8 byte-order mark
  /// and blank lines are ignored. Throws InputError (InvalidData) naming `origin` when there is
  /// no header row.
  CsvTable(std::string_view text, const std::string& origin);

  [[nodiscard]] const std::vector<std::string>& header() const noexcept { return header_; }
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  /// The column index of `name` (exact match), or nullopt.
  [[nodiscard]] std::optional<std::size_t> column(std::string_view name) const;
  /// Throws InputError (InvalidData) naming origin and the missing column when `names` are not
  /// all in the header.
  void require_columns(const std::vector<std::string_view>& names) const;
  /// Field `column` of data row `row` (0-based), "" when the row is shorter.
  [[nodiscard]] const std::string& field(std::size_t row, std::size_t column) const;
  /// Why data row `row` cannot be read column by column ("has 5 fields, the header 7"), or "".
  [[nodiscard]] std::string shape_problem(std::size_t row) const;
  /// Number of fields data row `row` has.
  [[nodiscard]] std::size_t width(std::size_t row) const { return rows_[row].size(); }
  /// "row N" for data row `row` (0-based): the record number counting the header as row 1.
  [[nodiscard]] static std::string where(std::size_t row);

 private:
  std::string origin_;
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace ftcost::load
