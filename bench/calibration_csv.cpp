// libcsv-driven CSV reader for the calibration table.
#include "calibration_csv.hpp"

#include <csv.h>

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace ftcost::bench {

namespace {

struct Collector {
  std::vector<std::vector<std::string>> records;
  std::vector<std::string> current;
};

void on_field(void* data, size_t size, void* collector) {
  static_cast<Collector*>(collector)->current.emplace_back(static_cast<const char*>(data), size);
}

void on_record(int /*terminator*/, void* collector) {
  auto* c = static_cast<Collector*>(collector);
  c->records.push_back(std::move(c->current));
  c->current.clear();
}

}  // namespace

std::vector<CsvRow> parse_csv(const std::string& text, const std::string& origin) {
  csv_parser parser{};
  if (csv_init(&parser, CSV_STRICT | CSV_APPEND_NULL) != 0) {
    throw std::runtime_error(origin + ": cannot initialise libcsv");
  }
  Collector collector;
  const bool ok = csv_parse(&parser, text.data(), text.size(), on_field, on_record, &collector) ==
                      text.size() &&
                  csv_fini(&parser, on_field, on_record, &collector) == 0;
  const std::string error = csv_strerror(csv_error(&parser));
  csv_free(&parser);
  if (!ok) {
    throw std::runtime_error(origin + ": invalid CSV: " + error);
  }
  if (collector.records.empty()) {
    throw std::runtime_error(origin + ": empty CSV");
  }
  const std::vector<std::string>& header = collector.records.front();
  std::vector<CsvRow> rows;
  for (std::size_t r = 1; r < collector.records.size(); ++r) {
    const auto& record = collector.records[r];
    if (record.size() != header.size()) {
      throw std::runtime_error(origin + ": record " + std::to_string(r + 1) + " has " +
                               std::to_string(record.size()) + " fields, header has " +
                               std::to_string(header.size()));
    }
    CsvRow row;
    for (std::size_t i = 0; i < header.size(); ++i) {
      row[header[i]] = record[i];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<CsvRow> read_csv_file(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) {
    throw std::runtime_error(path + ": cannot open");
  }
  std::ostringstream text;
  text << file.rdbuf();
  return parse_csv(text.str(), path);
}

}  // namespace ftcost::bench
