// import_report_lines: the summary of one imported catalog.
#include "import_report.hpp"

#include <fmt/format.h>

#include "ftcost/base/names.hpp"

namespace ftcost::cli {
namespace {

std::string skipped_row(const SkippedImportRow& row) {
  std::string text = row.where.empty() ? std::string() : row.where + " ";
  // A JSON Pointer already ends with the key ("/3/rented"): the field is not repeated.
  const bool field_in_place = !row.field.empty() && row.where.ends_with("/" + row.field);
  if (field_in_place) {
    text.back() = ':';
    text += row.value.empty() ? "" : " '" + row.value + "':";
    return text + " " + row.problem;
  }
  if (!row.field.empty()) {
    text += row.field + (row.value.empty() ? "" : " '" + row.value + "'") + ": ";
  }
  return text + row.problem;
}

}  // namespace

std::vector<std::string> import_report_lines(const ImportReport& r) {
  std::vector<std::string> lines;
  lines.push_back(fmt::format(
      "note: {}: {} catalog: {} rows -> {} offers of {}{}; as_of {} ({})", r.origin,
      name_of(r.format), r.rows, r.offers,
      r.providers.empty() ? "no provider" : join_names(r.providers),
      r.duplicates > 0 ? fmt::format(" ({} duplicates kept at their lowest price)", r.duplicates)
                       : "",
      r.as_of, name_of(r.as_of_basis)));
  if (r.offers == 0) {
    lines.push_back(
        fmt::format("warning: {}: imported no offers ({} rows read)", r.origin, r.rows));
  }
  if (!r.skipped.empty()) {
    std::string listed;
    for (std::size_t i = 0; i < r.skipped.size() && i < kSkippedRowsListed; ++i) {
      listed += (i > 0 ? "; " : "") + skipped_row(r.skipped[i]);
    }
    const std::size_t rest =
        r.skipped.size() > kSkippedRowsListed ? r.skipped.size() - kSkippedRowsListed : 0;
    lines.push_back(fmt::format("warning: {}: skipped {} rows: {}{} (--strict makes this an error)",
                                r.origin, r.skipped.size(), listed,
                                rest > 0 ? fmt::format("; and {} more", rest) : ""));
  }
  if (!r.unknown_gpus.empty()) {
    std::size_t rows = 0;
    std::string names;
    for (const auto& [name, count] : r.unknown_gpus) {
      rows += count;
      names += fmt::format("{}{} ({})", names.empty() ? "" : ", ", name, count);
    }
    lines.push_back(fmt::format(
        "warning: {}: left out {} offers of GPUs ftcost does not know: {} (`ftcost gpus` lists "
        "the known ones)",
        r.origin, rows, names));
  }
  if (!r.synthesized_providers.empty()) {
    lines.push_back(fmt::format(
        "warning: {}: provider(s) {} not in the catalog: billing, storage, egress and spot rules "
        "assumed from the catalog's medians (docs/catalog.md#import); add the provider with "
        "--catalog-add to price them",
        r.origin, join_names(r.synthesized_providers)));
  }
  return lines;
}

}  // namespace ftcost::cli
