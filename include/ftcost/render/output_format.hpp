// The output formats every listing and estimate can be rendered in.
#pragma once

#include <array>
#include <string_view>
#include <utility>

#include "ftcost/base/names.hpp"

namespace ftcost {

/// table: aligned text for a terminal; json: one document on stdout (keys carry units);
/// csv: RFC 4180 (header row, every field quoted, CRLF line ends); html: one self-contained
/// page (inline SVG and CSS, no scripts, well-formed XML; docs/report.md), for `plan` and `vram`
/// only: the other commands refuse it on the command line.
enum class OutputFormat { Table, Json, Csv, Html };

template <>
struct EnumNames<OutputFormat> {
  static constexpr std::array<std::pair<OutputFormat, std::string_view>, 4> kEntries{
      {{OutputFormat::Table, "table"},
       {OutputFormat::Json, "json"},
       {OutputFormat::Csv, "csv"},
       {OutputFormat::Html, "html"}}};
};

}  // namespace ftcost
