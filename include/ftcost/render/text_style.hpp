// How text tables draw bars: the CLI detects the terminal, the renderers only follow this.
#pragma once

namespace ftcost::render {

/// The characters bars are drawn with.
enum class BarGlyphs {
  Ascii,    ///< "####...." (stdout is a pipe or file: logs, diffs, README examples)
  Unicode,  ///< eighth blocks "▏▎▍▌▋▊▉█" (a terminal), 8 steps per character cell
};

/// How the text tables of `plan` and `vram` draw their bars. The default is what a pipe gets.
struct TextStyle {
  BarGlyphs glyphs = BarGlyphs::Ascii;
  bool color = false;  ///< wrap bars in ANSI SGR colour codes (a terminal without NO_COLOR)
};

}  // namespace ftcost::render
