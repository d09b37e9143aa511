// Loading the GPU list: data/gpus.json (built in) or a user's file in the same schema.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "ftcost/gpu/gpu.hpp"

namespace ftcost {

/// Parses and validates a GPU list in the schema of docs/gpus.md. `origin` names the text in
/// messages ("<built-in gpus>", a path). Throws InputError (ExitCode::InvalidData) with a JSON
/// Pointer for a syntax error, a missing, mistyped, out-of-range or unknown key, a duplicate id,
/// two GPUs sharing a spelling, or an ambiguous alias naming an unknown GPU.
[[nodiscard]] std::vector<Gpu> parse_gpus(std::string_view json, const std::string& origin);

/// The built-in GPU list: data/gpus.json, loaded and validated by parse_gpus when ftcost is built
/// and compiled in as a table (ftcost_embed_tables), so nothing is parsed at run time.
[[nodiscard]] const std::vector<Gpu>& default_gpus();

}  // namespace ftcost
