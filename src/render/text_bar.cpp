// text_bar: the fill is rounded to the glyphs' resolution, 1 step per cell in ASCII, 8 with
// eighth blocks.
#include "text_bar.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

namespace ftcost::render {
namespace {

// U+2588 full block, then U+258F..U+2589: one to seven eighths of a cell, left-aligned.
constexpr std::string_view kFull = "\u2588";
constexpr std::array<std::string_view, 8> kEighths{"",       "\u258F", "\u258E", "\u258D",
                                                   "\u258C", "\u258B", "\u258A", "\u2589"};

std::string_view sgr(BarTone tone) {
  switch (tone) {
    case BarTone::Plain:
      return "\x1b[36m";
    case BarTone::Ok:
      return "\x1b[32m";
    case BarTone::Tight:
      return "\x1b[33m";
    case BarTone::Over:
      return "\x1b[31m";
  }
  return "\x1b[36m";
}

// Steps filled out of `steps`: rounded, at least one for any positive fraction.
std::size_t filled_steps(double fraction, std::size_t steps) {
  if (!(fraction > 0)) {
    return 0;
  }
  const double clamped = std::min(fraction, 1.0);
  const auto rounded = static_cast<std::size_t>(std::lround(clamped * static_cast<double>(steps)));
  return std::clamp<std::size_t>(rounded, 1, steps);
}

}  // namespace

std::string text_bar(double fraction, std::size_t cells, const TextStyle& style, BarTone tone) {
  std::string filled;
  std::string empty;
  if (style.glyphs == BarGlyphs::Ascii) {
    const std::size_t steps = filled_steps(fraction, cells);
    filled.assign(steps, '#');
    empty.assign(cells - steps, '.');
  } else {
    const std::size_t eighths = filled_steps(fraction, cells * 8);
    for (std::size_t i = 0; i < eighths / 8; ++i) {
      filled += kFull;
    }
    filled += kEighths[eighths % 8];
    empty.assign(cells - (eighths + 7) / 8, ' ');
  }
  if (style.color && !filled.empty()) {
    filled = std::string(sgr(tone)) + filled + "\x1b[0m";
  }
  return filled + empty;
}

}  // namespace ftcost::render
