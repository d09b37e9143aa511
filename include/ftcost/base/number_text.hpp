// Numbers in messages and assumption texts, without iostreams (the core does no I/O): the one
// home of the core's number-to-text rules (the renderers format with fmt).
#pragma once

#include <string>

namespace ftcost {

/// `value` with up to `significant` significant digits and no trailing zeros: 0.36, 6.35, 1e-05.
[[nodiscard]] std::string short_number(double value, int significant = 4);

/// `value` with exactly `decimals` digits after the point: fixed_number(23.6, 2) == "23.60".
[[nodiscard]] std::string fixed_number(double value, int decimals);

/// A bound for messages and --help: 10000000, 0.001, 1e+15 written 1e15 (never 300 digits).
[[nodiscard]] std::string bound_text(double value);

}  // namespace ftcost
