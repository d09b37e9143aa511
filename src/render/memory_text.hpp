// Text pieces the vram renderers share (internal to ftcost_render).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ftcost/render/memory_render.hpp"

namespace ftcost::render {

/// The vram report's key-value header: model, setup lines, peaks (allocated, reserved, device
/// total), binding phase, host and paged memory when used, and with a capacity: capacity, fits,
/// largest micro-batch, longest seq-len, and what to change when it does not fit.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> memory_head(
    const MemoryReport& report);

}  // namespace ftcost::render
