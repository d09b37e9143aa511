// CSV quoting is delegated to libcsv so spreadsheets and csv parsers read exactly what we wrote.
#include "csv_writer.hpp"

#include <csv.h>

namespace ftcost::render {
namespace {

void write_record(std::ostream& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) {
      out << ',';
    }
    out << csv_field(fields[i]);
  }
  out << "\r\n";
}

}  // namespace

std::string csv_field(std::string_view text) {
  // csv_write returns the size it needs; a first call with no buffer sizes the output.
  const std::size_t needed = csv_write(nullptr, 0, text.data(), text.size());
  std::string quoted(needed, '\0');
  (void)csv_write(quoted.data(), quoted.size(), text.data(), text.size());
  return quoted;
}

void write_csv(std::ostream& out, const std::vector<std::string>& header,
               const std::vector<std::vector<std::string>>& rows) {
  write_record(out, header);
  for (const auto& row : rows) {
    write_record(out, row);
  }
}

}  // namespace ftcost::render
