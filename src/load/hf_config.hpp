// Reading a HuggingFace config.json, with the assumptions its defaults imply.
#pragma once

#include <string>
#include <string_view>

#include "ftcost/load/model_load.hpp"

namespace ftcost::load {

/// parse_hf_config plus the assumptions made while reading (family defaults used, parts of the
/// checkpoint left out of the count). Throws as parse_hf_config.
[[nodiscard]] ResolvedModel read_hf_config(std::string_view json_text, const std::string& origin);

}  // namespace ftcost::load
