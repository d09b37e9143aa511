// Bars for the text tables: ASCII for pipes, eighth blocks and ANSI colour for terminals.
#pragma once

#include <cstddef>
#include <string>

#include "ftcost/render/text_style.hpp"

namespace ftcost::render {

/// What a bar's colour says (ANSI SGR foreground colours the terminal's theme maps).
enum class BarTone {
  Plain,  ///< cyan: a quantity, no judgement
  Ok,     ///< green: within capacity
  Tight,  ///< yellow: within capacity, under 10% to spare
  Over,   ///< red: beyond capacity
};

/// A bar `cells` characters wide filled to `fraction` (clamped to 0..1; any positive fraction
/// shows at least the smallest step), always `cells` display columns wide. Ascii: '#' filled,
/// '.' empty. Unicode: full blocks '█' and one eighth block, empty cells as spaces. With
/// style.color the filled part is wrapped in the tone's SGR code and a reset.
[[nodiscard]] std::string text_bar(double fraction, std::size_t cells, const TextStyle& style,
                                   BarTone tone = BarTone::Plain);

}  // namespace ftcost::render
