// Numbers in messages and assumption texts, without iostreams (the core does no I/O).
#pragma once

#include <string>

namespace ftcost {

/// `value` with up to `significant` significant digits and no trailing zeros: 0.36, 6.35, 1e-05.
[[nodiscard]] std::string short_number(double value, int significant = 4);

}  // namespace ftcost
