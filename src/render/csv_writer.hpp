// RFC 4180 CSV output through libcsv's field quoting.
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace ftcost::render {

/// One field quoted per RFC 4180: wrapped in double quotes, inner quotes doubled (libcsv
/// csv_write).
[[nodiscard]] std::string csv_field(std::string_view text);

/// Writes a header row and the rows, every field quoted, records ended by CRLF (RFC 4180 §2).
void write_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows);

}  // namespace ftcost::render
