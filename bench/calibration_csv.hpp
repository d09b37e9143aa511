// Reads bench/data/calibration.csv (published measured runs) into rows keyed by column name.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace ftcost::bench {

/// One CSV record: column name -> field text (empty when the source left it blank).
using CsvRow = std::map<std::string, std::string>;

/// Parses RFC 4180 text with libcsv; the first record names the columns.
/// Throws std::runtime_error naming `origin` on malformed CSV or a ragged row.
[[nodiscard]] std::vector<CsvRow> parse_csv(const std::string& text, const std::string& origin);

/// Reads and parses the file at `path`. Throws std::runtime_error if it cannot be read.
[[nodiscard]] std::vector<CsvRow> read_csv_file(const std::string& path);

}  // namespace ftcost::bench
