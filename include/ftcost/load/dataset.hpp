// Counting a dataset file's samples and text for the workload (--dataset FILE).
#pragma once

#include <string>
#include <string_view>

#include "ftcost/duration/workload.hpp"

namespace ftcost {

/// The layout of a dataset file, chosen by its extension (.jsonl/.json, anything else: text).
enum class DatasetFormat { Jsonl, Json, Text };

/// The format implied by `path`'s extension.
[[nodiscard]] DatasetFormat dataset_format_of(std::string_view path) noexcept;

/// Counts samples and characters of `text`. JSONL: one JSON value per non-blank line (samples =
/// lines); JSON: an array (samples = items); Text: samples = non-blank lines. Characters are
/// those of every string value (JSON) or of every line (text). Throws InputError
/// (ExitCode::InvalidData) naming `origin`: "<origin>:<line>: invalid JSON: ..." for a bad JSONL
/// line, a JSON file that is not an array, or a file with no samples.
[[nodiscard]] DatasetStats count_dataset(std::string_view text, DatasetFormat format,
                                         const std::string& origin);

/// Reads `path` (at most 4 GiB) and counts it; throws InputError (ExitCode::InvalidData) when it
/// is missing, unreadable, empty or invalid.
[[nodiscard]] DatasetStats load_dataset_stats(const std::string& path);

}  // namespace ftcost
