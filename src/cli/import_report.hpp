// The lines an imported catalog prints: what was read, what was skipped and why, what was assumed.
#pragma once

#include <string>
#include <vector>

#include "ftcost/load/catalog_import.hpp"

namespace ftcost::cli {

/// Skipped rows listed one by one up to this many; the rest are counted.
inline constexpr std::size_t kSkippedRowsListed = 5;

/// A summary of `report` as lines without the "ftcost: " prefix, each starting "note: " or
/// "warning: ": rows read and offers kept (with duplicates), the as_of date and where it came
/// from, providers, the first kSkippedRowsListed skipped rows (place, field, value, reason) and the
/// count of the rest, unknown GPU names with their row counts, and providers priced with assumed
/// rules.
[[nodiscard]] std::vector<std::string> import_report_lines(const ImportReport& report);

}  // namespace ftcost::cli
