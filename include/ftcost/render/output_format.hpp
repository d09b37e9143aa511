// The output formats every listing and estimate can be rendered in.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "ftcost/base/names.hpp"

namespace ftcost {

/// table: aligned text for a terminal; json: one document on stdout (keys carry units);
/// csv: RFC 4180 (header row, every field quoted, CRLF line ends).
enum class OutputFormat { Table, Json, Csv };

template <>
struct EnumNames<OutputFormat> {
  static constexpr std::array<std::pair<OutputFormat, std::string_view>, 3> kEntries{
      {{OutputFormat::Table, "table"}, {OutputFormat::Json, "json"}, {OutputFormat::Csv, "csv"}}};
};

}  // namespace ftcost
