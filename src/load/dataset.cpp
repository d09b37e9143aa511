// Counting samples and characters in JSONL, JSON and plain-text datasets.
#include "ftcost/load/dataset.hpp"

#include "ftcost/base/error.hpp"
#include "json_checks.hpp"
#include "json_reader.hpp"

namespace ftcost {
namespace {

constexpr std::uintmax_t kMaxDatasetBytes = std::uintmax_t{4} << 30U;

// Characters the model will read: every string value, recursively (keys are template text). The
// recursion is at most kMaxJsonDepth deep: the parsers refuse deeper values.
double string_chars(const nlohmann::json& value) {
  if (value.is_string()) {
    return static_cast<double>(value.get_ref<const std::string&>().size());
  }
  double chars = 0;
  if (value.is_structured()) {
    for (const auto& item : value) {
      chars += string_chars(item);
    }
  }
  return chars;
}

// A record with no string value trains on nothing: it is counted apart, not as a 0-token sample.
void add_sample(DatasetStats& stats, double chars) {
  if (chars == 0) {
    ++stats.samples_without_text;
    return;
  }
  ++stats.samples;
  stats.text_chars += chars;
  add_sample_length(stats.sample_lengths, chars);
}

bool blank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

template <class Visit>
void for_each_line(std::string_view text, Visit visit) {
  std::size_t line_number = 1;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    visit(text.substr(0, end), line_number++);
    text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
  }
}

DatasetStats count_jsonl(std::string_view text, const std::string& origin) {
  DatasetStats stats;
  for_each_line(text, [&](std::string_view line, std::size_t number) {
    if (blank(line)) {
      return;
    }
    const std::string where = origin + ":" + std::to_string(number);
    nlohmann::json value;
    try {
      value = load::parse_checked(line, where);  // bounded depth keeps string_chars' recursion safe
    } catch (const nlohmann::json::exception&) {
      throw InputError(where, "", "invalid JSON on this line", "one JSON object per line (JSONL)",
                       ExitCode::InvalidData);
    }
    add_sample(stats, string_chars(value));
  });
  return stats;
}

DatasetStats count_json(std::string_view text, const std::string& origin) {
  const nlohmann::json document = load::parse_json_text(text, origin);
  if (!document.is_array()) {
    throw InputError(origin, "",
                     "expected a JSON array of samples, got " + load::describe_json(document),
                     "an array, or JSONL with a .jsonl extension", ExitCode::InvalidData);
  }
  DatasetStats stats;
  stats.samples = static_cast<std::int64_t>(document.size());
  stats.samples = 0;
  for (const auto& sample : document) {
    add_sample(stats, string_chars(sample));
  }
  return stats;
}

DatasetStats count_text(std::string_view text) {
  DatasetStats stats;
  for_each_line(text, [&](std::string_view line, std::size_t) {
    if (!blank(line)) {
      ++stats.samples;
      stats.text_chars += static_cast<double>(line.size());
      add_sample_length(stats.sample_lengths, static_cast<double>(line.size()));
    }
  });
  return stats;
}

}  // namespace

DatasetFormat dataset_format_of(std::string_view path) noexcept {
  if (path.ends_with(".jsonl") || path.ends_with(".JSONL")) {
    return DatasetFormat::Jsonl;
  }
  if (path.ends_with(".json") || path.ends_with(".JSON")) {
    return DatasetFormat::Json;
  }
  return DatasetFormat::Text;
}

DatasetStats count_dataset(std::string_view text, DatasetFormat format, const std::string& origin) {
  // Parquet, Arrow, compressed or other binary files would be counted as text lines: refuse
  // them. Text never holds a NUL byte; Parquet files start with "PAR1", Arrow IPC with "ARROW1",
  // gzip with 1f 8b, zip with "PK".
  const std::string_view head = text.substr(0, 4096);
  if (head.starts_with("PAR1") || head.starts_with("ARROW1") || head.starts_with("\x1f\x8b") ||
      head.starts_with("PK\x03\x04") || head.find('\0') != std::string_view::npos) {
    throw InputError(origin, "", "a binary file (Parquet, Arrow, compressed or other), not text",
                     "a .jsonl, .json or plain-text file (export Parquet with e.g. "
                     "datasets' to_json), or --tokens N",
                     ExitCode::InvalidData);
  }
  DatasetStats stats;
  switch (format) {
    case DatasetFormat::Jsonl:
      stats = count_jsonl(text, origin);
      break;
    case DatasetFormat::Json:
      stats = count_json(text, origin);
      break;
    case DatasetFormat::Text:
      stats = count_text(text);
      break;
  }
  finish_lengths(stats.sample_lengths);
  if (stats.samples == 0 || stats.text_chars == 0) {
    throw InputError(origin, "", "dataset has no text samples", "at least one non-empty sample",
                     ExitCode::InvalidData);
  }
  return stats;
}

DatasetStats load_dataset_stats(const std::string& path) {
  return count_dataset(load::read_text_file(path, kMaxDatasetBytes), dataset_format_of(path), path);
}

}  // namespace ftcost
